import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const migrateCommand = (program: Command) =>
  program
    .command('migrate')
    .summary('move statements to a newer version of their questionnaire')
    .description(
      "Rewrite statements written for an earlier version of the config's questionnaire so that they answer a newer one, with the steps " +
        'the newer version declares (renamed questions, mapped choices, defaults, questions no longer asked kept under x- keys). Only what ' +
        'the migration changes is written; comments and the rest stay as they are, and the statement records which migration ran. ' +
        'A migration that would replace or lose an answer is refused for that statement, and nothing is written to it. Approvals stay ' +
        'valid when the migration can be undone exactly (docs/questionnaire-format.md#migrations).',
    )
    .argument('[paths...]', 'statement files or folders (default: the current folder)')
    .option('--to <id@version>', "the version to migrate to (default: the config's questionnaire as it is now)")
    .option('-n, --dry-run', 'print what would change, and write nothing')
    .addHelpText(
      'after',
      `
Exit codes: 0 migrated (or nothing to do), 2 a statement could not be migrated (the reason per file) or bad input.

Examples:
  $ eis migrate --dry-run                      what migrating every statement here would change
  $ eis migrate memos/                         migrate them
  $ eis migrate memos/a.eis.yaml --to equity-impact@2
`,
    );

export type MigrateOptions = OptionsOf<typeof migrateCommand>;
