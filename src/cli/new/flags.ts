import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const newCommand = (program: Command) =>
  program
    .command('new')
    .summary('create the statement for a memo or folder and walk through the questions')
    .description(
      'Create the Equity Impact Statement beside a memo (or inside an initiative folder that initiatives.folders in eis.config.yaml names), print its path, and walk through the questionnaire. An existing statement is never overwritten: eis offers to continue it instead. A run that saves no answer (a bad answers file, no terminal and no --answers, Ctrl-C at the first question) leaves no file behind.',
    )
    .argument('[memo-or-folder]', 'the memo file, or the initiative folder')
    .option('--initiative <id>', 'an initiative without a memo, listed in initiatives.registry of eis.config.yaml: its statement goes where statements.registry says')
    .option('--answers <file>', 'take answers from a YAML or JSON file in the statement\'s shape ("-" for stdin) instead of asking')
    .option('--lang <tag>', 'ask in this language, from the translation beside the questionnaire; the answers are saved as given', 'en')
    .option(
      '--accessible',
      'ask line by line, for screen readers and magnifiers: numbered choices, no redrawing, no colour; also EIS_ACCESSIBLE=1, ACCESSIBLE=1 or interview.accessible in eis.config.yaml',
    )
    .option('--no-accessible', 'the usual prompts, even when EIS_ACCESSIBLE, ACCESSIBLE or the config asks for accessible mode')
    .addHelpText(
      'after',
      `
Examples:
  $ eis new memos/child-care-credit.md
  $ eis new initiatives/fair-fees/
  $ eis new --initiative case-portal-2027                          a project with no memo, from the config's registry
  $ eis new memos/child-care-credit.md --answers answers.yaml     no questions, for scripts

Long answers open $VISUAL or $EDITOR; without one they are typed on one line.

Accessible mode (--accessible) asks each question on its own line: choices are numbered and take
the number or the name, long answers without an editor end with a line holding only ".", and eis
says what it saved after each answer. See docs/interview.md#accessible-mode.`,
    );

export type NewOptions = OptionsOf<typeof newCommand>;
