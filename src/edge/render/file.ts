// The edge of `eis render` for one statement: reads the file, checks it and renders it. The rest of
// core/render is pure; this is the part the command and its worker threads share.
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { displayPath } from '../files/discover.js';
import { checkStatementData } from '../../core/check/statement.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { readBytes } from '../files/statement-file.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { readStatement } from '../../core/statement/reader.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { buildStatementView, type StatementView } from '../../core/render/view.js';
import { approvalCheck } from '../review/memo-hash.js';
import type { Words } from '../../core/i18n/words.js';

export interface RenderFileOptions {
  cwd: string;
  today: string;
  lang: string;
  /** The fixed words in `lang` (edge/render/locale.ts); English when not given. */
  words?: Words | undefined;
  date?: boolean | undefined;
  strict?: boolean | undefined;
  severities: Config['rules'];
  /** The config's approval policy: when given, the page shows whether reviewers approved the statement as it is. */
  approvals?: Pick<Config, 'statements' | 'rules' | 'reviewers' | 'approvals'>;
  /** Read with the full YAML parser only, for the test that both reads render the same. */
  slow?: boolean;
}

/** A rendered statement (text, or what `render` makes of the view), or (with --strict) what stderr says about one that was not rendered. */
export type FileResult<T = string> = { text: T } | { refused: string };

/**
 * Renders one statement, read by the statement reader (core/statement/reader.ts): positions are
 * asked for only when an error needs a line and column. Known user errors are thrown as EisErrors.
 */
export function renderFile<T = string>(file: string, known: (id: string) => Questionnaire | undefined, render: (view: StatementView) => T, options: RenderFileOptions): FileResult<T> {
  const shown = displayPath(file, options.cwd);
  // Messages about reading and parsing name the file as it was given to the reader (absolute).
  const read = readStatement(decodeLines(readBytes(file, 'statement'), file).text, file, { prefer: options.slow ? 'full' : 'fast' });
  const data = read.data;
  if (data === null || data === undefined) throw new EisError('the statement is empty; there is nothing to render.', { file: shown, line: 1, column: 1 });
  let model: Questionnaire;
  try {
    model = questionnaireFor(data, known);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    throw new EisError(error.message, { file: shown, ...read.at(['questionnaire']), hint: error.hint });
  }
  const check = checkStatementData(model, data, { today: options.today, severities: options.severities });
  // A stale or missing approval is a problem of the statement as much as a missing answer is.
  const approval = options.approvals ? approvalCheck(file, data, model, options.approvals, check.completeness.level, options.today) : undefined;
  if (approval) check.findings.push(...approval.findings);
  if (options.strict) {
    const errors = check.findings.filter((f) => f.severity === 'error' || f.fatal);
    if (errors.length) {
      let refused = '';
      for (const f of errors) {
        const pos = read.at(f.path);
        refused += `${shown}:${pos.line}:${pos.column}: ${f.message}\n`;
      }
      refused += `eis: ${shown} was not rendered: it has ${errors.length} problem${errors.length === 1 ? '' : 's'} (--strict).\n`;
      return { refused };
    }
  }
  // The statement says which language its answers are in (English when it does not): the page marks them with it.
  const answersIn = typeof (data as { language?: unknown }).language === 'string' ? (data as { language: string }).language : 'en';
  const view = buildStatementView(model, data, check, {
    today: options.today,
    lang: options.lang,
    words: options.words,
    answersIn,
    renderedOn: options.date ? options.today : null,
    approval: approval?.summary,
  });
  return { text: render(view) };
}
