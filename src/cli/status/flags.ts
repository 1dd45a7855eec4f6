import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const statusCommand = (program: Command) =>
  program
    .command('status')
    .summary('where every initiative stands: missing, incomplete, stale, overdue')
    .description(
      'Every initiative the config names, and every statement found: whether it has a statement, its status and level, ' +
        'how many required answers it has, open mitigation actions, the next review date, and whether it is stale or overdue.',
    )
    .argument('[paths...]', 'folders or statements (default: the current folder)')
    .option('-f, --format <format>', 'table, json, md or html (a one-page dashboard)', 'table')
    .option('--since <ref>', 'only initiatives whose memo or statement changed since this git ref')
    .option('--lang <tag>', "status names and levels in this language, from the questionnaire's translation", 'en')
    .addHelpText(
      'after',
      `
Exit codes: 0 all statements present and passing, 1 a statement is missing, stale or has errors,
2 eis could not do its job.

Examples:
  $ eis status
  $ eis status memos/ --format md >> "$GITHUB_STEP_SUMMARY"
  $ eis status --format html > status.html
  $ eis status --since origin/main
`,
    );

export type StatusOptions = OptionsOf<typeof statusCommand>;
