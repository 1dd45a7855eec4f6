import type { Define } from './commands.js';

export const defineSignoff: Define = (program, run) => {
  program
    .command('signoff')
    .summary("record a reviewer's decision on a statement")
    .description(
      "Record a reviewer's decision in the statement's sign-off list, with today's date and the content hash of the memo(s) it covers. " +
        'If a memo changes after an approval, eis check reports the statement as stale.',
    )
    .argument('<statement>', 'the statement file')
    .option('--name <name>', "the reviewer's name")
    .option('--role <role>', "the reviewer's role")
    .option('--decision <decision>', 'approve or changes-requested (the choices of the questionnaire\'s decision field)')
    .option('--comment <text>', 'a comment to record with the decision')
    .addHelpText(
      'after',
      `
Examples:
  $ eis signoff memos/text-payment-reminders.eis.yaml --name "Morgan Lee" --role "Chief Equity Officer" --decision approve
  $ eis signoff memos/online-application-portal.eis.yaml --name "Sam Ortiz" --role "Language Access Lead" \\
      --decision changes-requested --comment "Add the Vietnamese translation plan."
`,
    )
    .action((statement: string, options) => run(async (ctx) => (await import('../commands/signoff.js')).signoff(ctx, statement, options)));
};
