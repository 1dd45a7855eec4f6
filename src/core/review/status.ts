// One row per initiative (and per statement no initiative claims) for `eis status`. Pure: the
// command reads the files and checks them; this turns the results into what a dashboard shows.
import type { Questionnaire } from '../questionnaire/model.js';
import { entriesOf, getAnswer, isPlainObject } from '../questionnaire/answers.js';
import type { StatementReport } from '../findings/findings.js';
import { actionLists, CLOSED_STATUSES, reviewDates } from './conventions.js';
import { isApproved } from './claimed-status.js';

export interface StatusRow {
  /** The memo or initiative folder; for a statement no initiative names, the statement itself. */
  path: string;
  kind: 'memo' | 'folder' | 'registered' | 'statement';
  statement: string;
  present: boolean;
  title?: string | undefined;
  status?: string | undefined;
  statusLabel?: string;
  level?: string | undefined;
  levelLabel?: string;
  answered?: number;
  required?: number;
  complete: boolean;
  approved: boolean;
  errors: number;
  warnings: number;
  /** Actions not done or dropped; undefined when the questionnaire has no list of actions. */
  openActions?: number;
  nextReview?: string;
  stale: boolean;
  /** A reviewer's latest decision asks for changes. */
  changesRequested?: boolean;
  overdue: boolean;
  /** The statement could not be read or understood; why. */
  problem?: string;
}

export interface StatusSummary {
  initiatives: number;
  statements: number;
  missing: number;
  complete: number;
  approved: number;
  stale: number;
  changesRequested: number;
  overdue: number;
  openActions: number;
  byStatus: Array<{ value: string; label: string; count: number }>;
  byLevel: Array<{ value: string; label: string; count: number }>;
}

export interface StatusReport {
  today: string;
  rows: StatusRow[];
  summary: StatusSummary;
}

/** A missing statement's row. */
export function missingRow(path: string, kind: 'memo' | 'folder' | 'registered', statement: string): StatusRow {
  return { path, kind, statement, present: false, complete: false, approved: false, errors: 0, warnings: 0, stale: false, overdue: false };
}

/** A present statement's row, from its check report and its data (model and data absent when it could not be read). */
export function statementRow(
  base: { path: string; kind: 'memo' | 'folder' | 'registered' | 'statement'; statement: string },
  report: StatementReport,
  model: Questionnaire | undefined,
  data: unknown,
  today: string,
): StatusRow {
  const fatal = report.findings.find((f) => f.fatal);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const row: StatusRow = { ...base, present: true, title: report.title, status: report.status, complete: false, approved: false, errors, warnings, stale: false, overdue: false };
  if (fatal || !model || !isPlainObject(data)) return { ...row, problem: fatal?.message ?? 'The statement could not be read.' };

  const statusQ = model.roles.status ? model.questions.get(model.roles.status) : undefined;
  if (report.status) row.statusLabel = statusQ?.choices?.find((c) => c.value === report.status)?.label ?? report.status;
  const level = model.computed[0];
  if (report.completeness) {
    row.answered = report.completeness.answered;
    row.required = report.completeness.required;
    row.level = report.completeness.level;
    if (row.level !== undefined) row.levelLabel = level?.values.find((v) => v.value === row.level)?.label ?? row.level;
  }
  row.complete = errors === 0 && row.answered === row.required;
  // Approved means approved by the reviewers the config requires, for the memo and answers as they
  // are: the check worked it out from the sign-offs; a status typed as approved is not enough.
  row.approved = report.approval ? report.approval.state === 'approved' : isApproved(model, data, today) && !report.findings.some((f) => f.severity === 'error');
  row.stale = report.findings.some((f) => f.code === 'stale');
  if (report.approval?.state === 'changes-requested') row.changesRequested = true;
  const dates = reviewDates(model);
  row.overdue = report.findings.some((f) => dates.rules.some((id) => f.code === `rule/${id}`));
  const next = dates.questions
    .map((q) => getAnswer(data, q.key))
    .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort()[0];
  if (next) row.nextReview = next;
  const lists = actionLists(model);
  if (lists.length) row.openActions = lists.reduce((n, { list, status }) => n + entriesOf(getAnswer(data, list.key)).filter((e) => !CLOSED_STATUSES.has(String(e[status.id] ?? ''))).length, 0);
  return row;
}

/** Counts for the dashboard; statuses and levels in the questionnaire's order, missing statements last. */
export function summarize(rows: StatusRow[], model: Questionnaire | undefined, today: string): StatusReport {
  const present = rows.filter((r) => r.present);
  const count = (pred: (r: StatusRow) => boolean) => rows.filter(pred).length;
  const statusQ = model?.roles.status ? model.questions.get(model.roles.status) : undefined;
  const statusValues = [...(statusQ?.choices ?? []).map((c) => ({ value: c.value, label: c.label }))];
  for (const r of present) if (r.status && !statusValues.some((s) => s.value === r.status)) statusValues.push({ value: r.status, label: r.statusLabel ?? r.status });
  const byStatus = statusValues.map((s) => ({ ...s, count: count((r) => r.present && r.status === s.value) }));
  const noStatus = count((r) => r.present && !r.status);
  if (noStatus) byStatus.push({ value: '', label: 'No status', count: noStatus });
  byStatus.push({ value: 'missing', label: 'No statement', count: count((r) => !r.present) });
  const levelValues = (model?.computed[0]?.values ?? []).map((v) => ({ value: v.value, label: v.label }));
  for (const r of present) if (r.level && !levelValues.some((l) => l.value === r.level)) levelValues.push({ value: r.level, label: r.levelLabel ?? r.level });
  const byLevel = levelValues.map((l) => ({ ...l, count: count((r) => r.present && r.level === l.value) }));
  return {
    today,
    rows,
    summary: {
      initiatives: count((r) => r.kind !== 'statement'),
      statements: present.length,
      missing: count((r) => !r.present),
      complete: count((r) => r.complete),
      approved: count((r) => r.approved),
      stale: count((r) => r.stale),
      changesRequested: count((r) => Boolean(r.changesRequested)),
      overdue: count((r) => r.overdue),
      openActions: present.reduce((n, r) => n + (r.openActions ?? 0), 0),
      byStatus,
      byLevel,
    },
  };
}

/** 1 when an initiative has no statement, a statement is stale or has errors; 2 when one could not be read. */
export function statusExitCode(report: StatusReport): 0 | 1 | 2 {
  if (report.rows.some((r) => r.problem)) return 2;
  return report.rows.some((r) => !r.present || r.stale || r.errors > 0) ? 1 : 0;
}
