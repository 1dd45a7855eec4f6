import { type Command, Option } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const renderCommand = (program: Command) =>
  program
    .command('render')
    .summary('render statements to Markdown, a self-contained HTML page, a Word document or an accessible PDF')
    .description(
      'Render statements as documents to read, circulate or publish: Markdown (the default), one self-contained, accessible HTML page, a Word document (docx), or an accessible PDF (tagged, with bookmarks) printed by a Chromium-family browser on the machine. A statement with gaps still renders, with the gaps marked, unless --strict.',
    )
    .argument('<statements...>', 'statement files (any name: eis render also works as a git textconv driver), or their memos (.md)')
    .addOption(new Option('-f, --format <format>', 'md, html, docx or pdf').choices(['md', 'html', 'docx', 'pdf']).default('md'))
    .option('-o, --out <file-or-dir>', 'write to this file, or into this folder (needed for several statements; created if missing)')
    .option('-t, --template <name-or-path>', 'the main template: a built-in name or the path of a .hbs file')
    .option('--strict', 'do not render a statement that has errors; exit 1')
    .option('--lang <tag>', "the language of the page: its fixed words, the questionnaire's texts (from its translation) and dates; the answers stay as written", 'en')
    .option('--browser <path>', 'for pdf: the Chromium, Chrome, Edge or Brave to print with (else the config, EIS_BROWSER, then PATH)')
    .option('--date', "add today's date as the render date (off, so that output is the same on every run)")
    .option('--reference-doc <file>', 'docx: a Word document whose styles (fonts, headings, colours) the output takes, as pandoc does')
    .option('--allow-external-templates', 'let the config name templates outside the repository')
    .addHelpText(
      'after',
      `
Examples:
  $ eis render memos/text-payment-reminders.eis.yaml
  $ eis render memos/text-payment-reminders.md                     the statement beside the memo
  $ eis render memos/text-payment-reminders.eis.yaml --format html --out site/reminders.html
  $ eis render memos/*.eis.yaml --format html --out site/
  $ eis render statement.eis.yaml --template my-templates/statement.md.hbs
  $ eis render memos/text-payment-reminders.eis.yaml --format docx --out reminders.docx
  $ eis render memos/*.eis.yaml --format docx --reference-doc house-style.docx --out word/
  $ eis render memos/text-payment-reminders.eis.yaml --format pdf --out reminders.pdf
  $ eis render memos/*.eis.yaml --format pdf --out print/         one x.eis.pdf per statement
  $ eis render statement.eis.yaml --format pdf --browser /opt/google/chrome/chrome > statement.pdf

As a git diff driver, so that git diff shows statements as rendered text:
  $ git config diff.eis.textconv "eis render --format md"
  $ echo '*.eis.yaml diff=eis' >> .gitattributes`,
    );

export type RenderOptions = OptionsOf<typeof renderCommand>;
