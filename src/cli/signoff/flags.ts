import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const signoffCommand = (program: Command) =>
  program
    .command('signoff')
    .summary("record a reviewer's decision on a statement")
    .description(
      "Record a reviewer's decision in the statement's sign-off list, with today's date and the hashes of the memo(s) and the answers it covers, " +
        "and set the status from every reviewer's latest decision: approved once each role the config requires has approved the statement as it is. " +
        'The reviewer is the one the config names with your git user.email (or --as). A later change to a memo or an answer makes the approval stale.',
    )
    .argument('[statement]', 'the statement file (not with --policy)')
    .option('--decision <decision>', "approve or changes-requested (the choices of the questionnaire's decision field)")
    .option('--comment <text>', 'a comment to record with the decision')
    .option('--role <role>', 'sign in one of your roles (default: every role the config gives you)')
    .option('--as <email>', 'sign as the reviewer with this email instead of git config user.email')
    .option('--name <name>', "the reviewer's name (only when the config names no reviewers)")
    .option('--policy', 'approve the config and questionnaire as they stand (policy owners only), so a branch that loosens them can pass the gate')
    .addHelpText(
      'after',
      `
Examples:
  $ eis signoff memos/text-payment-reminders.eis.yaml --decision approve
  $ eis signoff memos/online-application-portal.eis.yaml --decision changes-requested \\
      --comment "Add the Vietnamese translation plan."
  $ eis signoff memos/text-payment-reminders.eis.yaml --decision approve --role language-access
  $ eis signoff --policy --decision approve      a policy owner approves a change to eis.config.yaml

An approval is refused while the statement has errors (exit 1, with the errors). Commit the
change yourself: eis check --verify-signoffs holds each sign-off to its reviewer's commit.
`,
    );

export type SignoffOptions = OptionsOf<typeof signoffCommand>;
