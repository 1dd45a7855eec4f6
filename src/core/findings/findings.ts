// Findings are data. The core produces them with a statement path; the edge adds line and column;
// reporters turn them into text, JSON, annotations, JUnit or SARIF.
import type { ApprovalSummary } from './approval-summary.js';
import type { FindingCode } from './catalogue.js';
import type { Severity } from './severity.js';

export type { Severity };

export interface Finding {
  /** Stable identifier, e.g. `required`, `schema/unknown-key`, `rule/burden-addressed`: one of catalogue.ts. */
  code: FindingCode;
  severity: Severity;
  message: string;
  /** What to do about it, when there is something specific to say. */
  hint?: string | undefined;
  file: string;
  /** Where in the statement (section, question, entry index, field); empty for the whole file. */
  path: Array<string | number>;
  line: number;
  column: number;
  /**
   * In a file without lines a reader can go to (a Word memo): the paragraph, counted from 1, and
   * the heading it sits under. `line` then holds the paragraph too, and `column` the character.
   */
  paragraph?: number | undefined;
  heading?: string | undefined;
  /** The file could not be checked at all (unreadable, not YAML, unknown questionnaire): exit 2. */
  fatal?: boolean | undefined;
}

/** A finding before it has a file and position. */
export type RawFinding = Omit<Finding, 'file' | 'line' | 'column'>;

/** Completeness of one statement, for the summary line and `eis status`. */
export interface Completeness {
  answered: number;
  required: number;
  level?: string | undefined;
}

export interface StatementReport {
  file: string;
  questionnaire?: string | undefined;
  status?: string | undefined;
  title?: string | undefined;
  completeness?: Completeness | undefined;
  /** Whether reviewers approved it as it is now (see review/approval.ts). */
  approval?: ApprovalSummary | undefined;
  findings: Finding[];
}

export interface CheckReport {
  statements: StatementReport[];
  /** Findings not about one statement, such as an initiative with none. */
  findings: Finding[];
}

export function allFindings(report: CheckReport): Finding[] {
  return [...report.findings, ...report.statements.flatMap((s) => s.findings)];
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

/** 0 when clean, 1 when statements fall short (warnings too with strict), 2 when a file could not be checked. */
export function exitCodeFor(findings: Finding[], strict: boolean): 0 | 1 | 2 {
  if (findings.some((f) => f.fatal)) return 2;
  if (findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning'))) return 1;
  return 0;
}
