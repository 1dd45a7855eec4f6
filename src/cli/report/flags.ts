import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const reportCommand = (program: Command) =>
  program
    .command('report')
    .summary('the equity portfolio: who is affected, actions, indicators, gaps, engagement')
    .description(
      'What the statements found, across all of them: affected populations by kind and division with their ' +
        'benefits, burdens and unknowns; burdens with no mitigation; mitigation actions by owner, overdue first; ' +
        'indicators and overdue reviews; data gaps and engagement. ' +
        'eis status says whether the paperwork is done; eis report says what it found.',
    )
    .argument('[paths...]', 'folders or statements (default: the current folder)')
    .option('-f, --format <formats>', 'md, json, html or csv, several with commas (csv and several formats need --out)', 'md')
    .option('-o, --out <dir>', 'write the report into this folder: report.md, report.json, report.html, populations.csv, actions.csv, indicators.csv, gaps.csv')
    .option('--since <ref>', 'only statements whose memo or statement changed since this git ref')
    .option('--division <name>', 'only statements of this division')
    .option('--public', 'the report will be shared: counts below disaggregation.suppressBelow show as "fewer than N"')
    .addHelpText(
      'after',
      `
Exit codes: 0 the report was written, 2 eis could not do its job (a statement could not be read is
named on stderr; the report leaves it out).

Examples:
  $ eis report                                        # Markdown on stdout
  $ eis report memos/ --format md >> "$GITHUB_STEP_SUMMARY"
  $ eis report --format html,csv,json --out equity-report/
  $ eis report --public --format html --out public-report/
  $ eis report --division "Office of Equity" --format json
  $ eis report --since origin/main
`,
    );

export type ReportOptions = OptionsOf<typeof reportCommand>;
