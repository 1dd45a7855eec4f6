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
    .addHelpText(
      'after',
      `
Examples:
  $ eis new memos/child-care-credit.md
  $ eis new initiatives/fair-fees/
  $ eis new --initiative case-portal-2027                          a project with no memo, from the config's registry
  $ eis new memos/child-care-credit.md --answers answers.yaml     no questions, for scripts

Long answers open $VISUAL or $EDITOR; without one they are typed on one line.`,
    );

export type NewOptions = OptionsOf<typeof newCommand>;
