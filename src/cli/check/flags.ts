import { type Command, Option } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const checkCommand = (program: Command) =>
  program
    .command('check')
    .summary('validate statements and that every initiative has one')
    .description('Validate statements against their questionnaire, and check that every initiative the config names has a statement.')
    .argument('[paths...]', 'statement files or folders (default: the current folder)')
    .addOption(new Option('-f, --format <formats>', 'one or more of text, json, github, junit, sarif, comma-separated').default('text'))
    .option('-o, --output <file>', 'write the (last) format to this file instead of stdout')
    .option('--strict', 'warnings fail too (exit 1)')
    .option('--since <ref>', 'the pull-request gate: check what changed since this git ref (statements, their memos; everything when the policy changed), against the policy of that ref')
    .option('--policy-from <ref>', 'read the config and questionnaire that decide what is required from this git ref (default with --since: that ref)')
    .option('--verify-signoffs', 'prove with git blame that each sign-off entry was committed by its reviewer')
    .option('--require-signed', 'with --verify-signoffs, also require the sign-off commits to carry signatures git can verify')
    .option('--lint', 'include language findings (eis lint) as warnings')
    .option('--no-cache', 'check every file afresh, ignoring reports kept from earlier runs')
    .addHelpText(
      'after',
      `
Examples:
  $ eis check                              everything under the current folder
  $ eis check memos/ --strict              warnings fail too
  $ eis check --format github              annotations in a GitHub Actions log
  $ eis check --format text,sarif --output eis.sarif
  $ eis check --since origin/main --verify-signoffs
                                           the pull-request gate: what this branch changed,
                                           against main's policy, with sign-offs proven by git

Reports of unchanged files are kept between runs in ~/.cache/eis (or $EIS_CACHE_DIR).
`,
    );

export type CheckOptions = OptionsOf<typeof checkCommand>;
