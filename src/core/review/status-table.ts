// eis status for a terminal: one aligned line per initiative, then the counts.
import type { Colorizer } from '../reporters/types.js';
import type { StatusReport, StatusRow } from './status.js';
import { printable } from '../printable.js';

export const STATUS_COLUMNS = ['Initiative', 'Status', 'Level', 'Answered', 'Open actions', 'Next review', 'Notes'] as const;

/** The cells of a row as plain text, shared by the table and Markdown. */
export function statusCells(row: StatusRow): string[] {
  return [
    row.path,
    row.present ? (row.statusLabel ?? (row.problem ? '?' : '-')) : 'no statement',
    row.levelLabel ?? '-',
    row.required !== undefined ? `${row.answered}/${row.required}` : '-',
    row.openActions !== undefined ? String(row.openActions) : '-',
    row.nextReview ?? '-',
    notes(row).join(', '),
  ];
}

export function notes(row: StatusRow): string[] {
  const out: string[] = [];
  if (!row.present) out.push(`expected ${row.statement}`);
  if (row.problem) out.push(`cannot be read: ${row.problem.replace(/\.$/, '')}`);
  if (row.stale) out.push('stale');
  if (row.changesRequested) out.push('changes requested');
  else if (row.present && !row.problem && !row.approved && !row.stale) out.push('not approved');
  if (row.overdue) out.push('review overdue');
  const errors = row.errors - (row.stale ? 1 : 0);
  if (!row.problem && errors > 0) out.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (row.warnings) out.push(`${row.warnings} ${row.warnings === 1 ? 'warning' : 'warnings'}`);
  return out;
}

export function summaryText(report: StatusReport): string {
  const s = report.summary;
  const parts = [
    `${s.initiatives} ${s.initiatives === 1 ? 'initiative' : 'initiatives'}`,
    `${s.statements} ${s.statements === 1 ? 'statement' : 'statements'}`,
    `${s.missing} missing`,
    `${s.complete} complete`,
    `${s.approved} approved`,
    `${s.stale} stale`,
    `${s.overdue} overdue`,
    `${s.openActions} open ${s.openActions === 1 ? 'action' : 'actions'}`,
  ];
  return `${parts.join(', ')} (as of ${report.today}).`;
}

export function formatStatusTable(report: StatusReport, c: Colorizer): string {
  // One row of cells per report row, one cell per column.
  const rows = report.rows.map((row) => statusCells(row).map((cell) => printable(cell)));
  const widths = STATUS_COLUMNS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [c.bold(line([...STATUS_COLUMNS]))];
  report.rows.forEach((row, i) => {
    const text = line(rows[i]!);
    out.push(!row.present || row.stale || row.problem || row.errors ? c.red(text) : row.overdue || row.warnings ? c.yellow(text) : text);
  });
  out.push('', summaryText(report));
  return `${out.join('\n')}\n`;
}
