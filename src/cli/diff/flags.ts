import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const diffCommand = (program: Command) =>
  program
    .command('diff')
    .summary('compare statements answer by answer')
    .description(
      "Compare two versions of a statement answer by answer, by section, with the questionnaire's labels. " +
        "Changes that need a reviewer's attention come first: a move towards a burden, a population, evidence or a mitigation removed, a justified burden, a later due or review date, " +
        'a status moving back, a lower level, and any sign-off added, edited or removed (docs/ci.md lists them).',
    )
    .argument('[files-or-paths...]', 'OLD NEW statement files; with --git, folders or statements to limit the comparison to')
    .option('--git <ref>', 'compare every statement that changed since REF (a commit, branch or tag) with the working tree; REF..REF2 compares two commits')
    .option('-f, --format <format>', 'text, md (a pull-request comment) or json', 'text')
    .option('--exit-code', 'exit 1 when there are differences (like git diff --exit-code)')
    .addHelpText(
      'after',
      `
Examples:
  $ eis diff old/reminders.eis.yaml memos/text-payment-reminders.eis.yaml
  $ eis diff --git main                         what changed since main, in the working tree
  $ eis diff --git origin/main...HEAD --format md > comment.md
  $ eis diff --git v1.0..v1.1 memos/ --format json
  $ eis diff --git HEAD --exit-code            exit 1 when a statement has uncommitted changes
`,
    );

export type DiffOptions = OptionsOf<typeof diffCommand>;
