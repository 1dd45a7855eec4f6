import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';
import { DEFAULT_ACTION } from '../../core/review/init-files.js';

export const initCommand = (program: Command) =>
  program
    .command('init')
    .summary('set up eis in a repository')
    .description(
      'Write a commented eis.config.yaml fitted to this repository (it looks for memo folders), add the git diff driver for statements to .gitattributes, ' +
        'and write an example GitHub Actions workflow and pre-commit hook. Files that exist are never replaced.',
    )
    .option('--git-config', 'also set git config diff.eis.textconv, so git diff shows statements as rendered text')
    .option('--action <ref>', 'the GitHub Action the workflow uses, OWNER/REPO@REF', DEFAULT_ACTION)
    .option('--eject', 'copy the built-in questionnaire and templates into eis/ to edit them, and point the config at the copies')
    .addHelpText(
      'after',
      `
Examples:
  $ eis init
  $ eis init --git-config          and set up the diff driver in this clone
  $ eis init --eject               adapt the questions and templates
  $ eis init --action my-agency/eis@v1   the workflow uses the eis action from your own copy
`,
    );

export type InitOptions = OptionsOf<typeof initCommand>;
