import type { Command } from '@commander-js/extra-typings';

export const mvCommand = (program: Command) =>
  program
    .command('mv')
    .summary('move or rename a memo together with its statement')
    .description(
      'Move a memo and its statement together: the statement gets the name the config gives the new memo, and paths in its memo list ' +
        'follow. When the memo was already moved (with git mv or mv), only the statement moves. Files git tracks are moved with git mv. ' +
        "Sign-offs are left as they are: they record a hash of the memo's content, not its name, so an approval stays valid when the content did not change. " +
        'Nothing is ever overwritten: eis mv refuses when a target exists, the memo is missing, or a path is outside the repository.',
    )
    .argument('<old-memo>', 'the memo as it is named now (or was named, if it was moved already)')
    .argument('<new-memo>', "the memo's new path")
    .addHelpText(
      'after',
      `
Exit codes: 0 moved, 2 nothing moved (the reason on one line).

Examples:
  $ eis mv memos/text-reminders.md memos/text-payment-reminders.md
  $ eis mv memos/child-care-credit.md memos/2027/child-care-credit.md
  $ git mv memos/a.md memos/b.md && eis mv memos/a.md memos/b.md      the memo moved already: its statement follows
`,
    );
