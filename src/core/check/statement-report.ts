// A statement's report from what the reader gives: its questionnaire, its findings placed on
// lines, its completeness and approval. Positions are asked of the reader only for findings, so
// a clean statement is never parsed in full.
import { EisError } from '../errors.js';
import type { Completeness, Finding, RawFinding, StatementReport } from '../findings/findings.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { getAnswer, isPlainObject } from '../questionnaire/answers.js';
import type { ApprovalSummary } from '../review/approval-findings.js';
import type { StatementRead } from '../statement/reader.js';
import { questionnaireFor } from '../statement/pin.js';
import { checkStatementData } from './statement.js';

export interface ReportOptions {
  today: string;
  /** The config's `rules`: severity per finding code. */
  severities: Record<string, 'error' | 'warning' | 'off'>;
}

/** The approval side of a check, worked out by the caller (it may read the memos). */
export interface Approval<Extra> {
  findings: RawFinding[];
  summary?: ApprovalSummary | undefined;
  extra?: Extra | undefined;
}

export interface StatementChecked<Extra> {
  report: StatementReport;
  data?: unknown;
  model?: Questionnaire;
  extra?: Extra | undefined;
}

export function reportStatement<Extra>(
  read: StatementRead,
  shown: string,
  known: (id: string) => Questionnaire | undefined,
  options: ReportOptions,
  approve: (data: unknown, model: Questionnaire, level: string | undefined) => Approval<Extra>,
): StatementChecked<Extra> {
  const data = read.data;
  if (data === null || data === undefined)
    return {
      report: {
        file: shown,
        findings: [
          { code: 'file/empty', severity: 'error', file: shown, path: [], line: 1, column: 1, message: 'The statement is empty.', hint: 'Fill it in with eis answer, or delete it.', fatal: true },
        ],
      },
    };
  try {
    let model: Questionnaire;
    try {
      model = questionnaireFor(data, known);
    } catch (error) {
      if (!(error instanceof EisError)) throw error;
      const pos = read.at(['questionnaire']);
      return { report: { file: shown, findings: [fatalFinding(error, shown, pos.line, pos.column)] } };
    }
    const result = checkStatementData(model, data, { today: options.today, severities: options.severities });
    const approval = approve(data, model, result.completeness.level);
    const findings: Finding[] = result.findings.map((f) => ({ ...f, file: shown, ...placeFinding(model, read, data, f.path) }));
    for (const f of approval.findings) findings.push({ ...f, file: shown, ...read.at(f.path) });
    return { report: statementReport(shown, model, data, result.completeness, findings, approval.summary), data, model, extra: approval.extra };
  } catch (error) {
    // A position can need the full parse, which finds a YAML error the fast reader let through.
    if (!(error instanceof EisError)) throw error;
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } };
  }
}

export function fatalFinding(error: EisError, file: string, line = error.line ?? 1, column = error.column ?? 1): Finding {
  return { code: error.code ?? 'file/unreadable', severity: 'error', file, path: [], line, column, message: capitalize(error.message), hint: error.hint, fatal: true };
}

/**
 * A string that does not hold on to the file it was read from. V8 makes a part of a longer string
 * a view into it, so a title kept in a report would keep its whole statement in memory: ten
 * thousand reports held ten thousand files, which the garbage collector then copied over and over.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

function statementReport(file: string, model: Questionnaire, data: unknown, completeness: Completeness, findings: Finding[], approval?: ApprovalSummary): StatementReport {
  const answers = isPlainObject(data) ? data : {};
  const role = (key: string | undefined) => {
    const value = key ? getAnswer(answers, key) : undefined;
    return typeof value === 'string' ? ownCopy(value) : undefined;
  };
  return {
    file,
    questionnaire: model.ref,
    title: role(model.roles.title),
    status: role(model.roles.status),
    completeness,
    approval,
    findings,
  };
}

/**
 * Where a finding goes: its node, or its nearest ancestor. A whole missing section points at the
 * place it belongs (the next section that is there, or the end of the file), where it would be written.
 */
function placeFinding(model: Questionnaire, read: StatementRead, data: unknown, path: Array<string | number>): { line: number; column: number } {
  const sectionId = path[0];
  if (path.length && isPlainObject(data) && !(String(sectionId) in data)) {
    const order = model.sections.map((s) => s.id);
    const next = order.slice(order.indexOf(String(sectionId)) + 1).find((id) => id in data);
    if (next) return read.at([next]);
    return { line: read.lastLine(), column: 1 };
  }
  return read.at(path);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
