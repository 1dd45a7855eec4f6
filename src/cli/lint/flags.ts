import { type Command, Option } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const lintCommand = (program: Command) =>
  program
    .command('lint')
    .summary('harmful, barrier and hard-to-read language in memos and answers')
    .description(
      "Look for harmful, barrier and hard-to-read language in memos (Markdown, plain text) and in the written answers of statements: inclusive language, profanity, reading grade per paragraph, and the glossary (built-in child-support terms plus the agency's own from eis.config.yaml).",
    )
    .argument('[files...]', 'memos (.md, .txt), statements (.eis.yaml) or folders (default: the memos the config names and every statement under the current folder)')
    .addOption(new Option('-f, --format <formats>', 'one or more of text, json, github, junit, sarif, comma-separated').default('text'))
    .option('-o, --output <file>', 'write the (last) format to this file instead of stdout')
    .option('--strict', 'warnings fail too (exit 1)')
    .addHelpText(
      'after',
      `
Examples:
  $ eis lint                                memos named in eis.config.yaml, and every statement
  $ eis lint memos/child-care-credit.md     one memo
  $ eis lint --format json                  findings, and the waived ones under "suppressed"
  $ eis lint --format github                annotations in a GitHub Actions log

Errors (exit 1): harmful labels from the glossary and certain profanity. Everything else is a
warning. Waive one line with <!-- eis-disable-next-line obligor --> in a memo, or
# eis-disable-next-line obligor above an answer. See docs/lint.md.`,
    );

export type LintCommandOptions = OptionsOf<typeof lintCommand>;
