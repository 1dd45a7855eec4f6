import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const answerCommand = (program: Command) =>
  program
    .command('answer')
    .summary('continue a statement: the questions still unanswered, or one section again')
    .description(
      'Continue the interview of a statement: starts at the first required question without an answer. Each answer is saved the moment it is given. Without a terminal (or with CI set) nothing is asked: give the answers with --answers.',
    )
    .argument('<statement>', 'the statement file (*.eis.yaml), or its memo or initiative folder')
    .option('-s, --section <id>', 'walk this section again, current answers as defaults')
    .option('-a, --all', 'walk every question of every section, current answers as defaults')
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
  $ eis answer memos/child-care-credit.eis.yaml                    resume where you stopped
  $ eis answer memos/child-care-credit.md                          the same: the statement beside the memo
  $ eis answer memos/child-care-credit.eis.yaml --section populations
  $ eis answer memos/child-care-credit.eis.yaml --answers answers.yaml
  $ cat answers.json | eis answer memos/child-care-credit.eis.yaml --answers -
  $ eis answer memos/child-care-credit.eis.yaml --accessible       line by line, for screen readers

Exit codes: 0 complete, 1 answers still missing, 2 could not run (bad answers file, file changed
on disk, no terminal and no --answers), 130 stopped with Ctrl-C (answers so far are saved).`,
    );

export type AnswerOptions = OptionsOf<typeof answerCommand>;
