// The portfolio as CSV files for Excel and Power BI: UTF-8 with a byte order mark (Excel reads
// UTF-8 only with one), CRLF rows (RFC 4180), ISO dates, one row per entry, and column names that
// stay the same between versions (docs/report.md lists them).
import type { Portfolio } from './portfolio.js';

/**
 * A cell as RFC 4180 quotes it. A text starting with = + - @ or a tab would run as a formula in a
 * spreadsheet, so it gets a leading apostrophe (OWASP's advice for CSV injection); dates and plain
 * numbers never start so.
 */
export function csvCell(value: string | number | boolean): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(columns: readonly string[], rows: Array<Array<string | number | boolean>>): string {
  return `\ufeff${[columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const POPULATION_COLUMNS = ['statement', 'title', 'division', 'population_id', 'population', 'kinds', 'effect', 'directness', 'mitigated', 'justified', 'data_gap', 'data_gap_planned'] as const;
export const ACTION_COLUMNS = ['statement', 'title', 'division', 'action_id', 'action', 'owner', 'due', 'status', 'state', 'populations'] as const;
export const INDICATOR_COLUMNS = ['statement', 'title', 'division', 'indicator_id', 'metric', 'baseline', 'target', 'frequency', 'review_date', 'review_overdue'] as const;
export const GAP_COLUMNS = ['statement', 'title', 'division', 'gap_id', 'gap', 'plan', 'due'] as const;

/** Several values in one cell, split by "; " (a semicolon never starts a formula, and reads as a list). */
const joined = (values: string[]) => values.join('; ');

export function reportCsvFiles(p: Portfolio): Record<string, string> {
  return {
    'populations.csv': csvTable(
      POPULATION_COLUMNS,
      p.populations.map((r) => [r.statement, r.title, r.division, r.id, r.name, joined(r.kinds.map((k) => k.value)), r.effect, r.directness, r.mitigated, r.justified, r.gap, r.gapPlanned]),
    ),
    'actions.csv': csvTable(
      ACTION_COLUMNS,
      p.actions.map((r) => [r.statement, r.title, r.division, r.id, r.what, r.owner, r.due, r.status, r.state, joined(r.populations)]),
    ),
    'indicators.csv': csvTable(
      INDICATOR_COLUMNS,
      p.indicators.map((r) => [r.statement, r.title, r.division, r.id, r.metric, r.baseline, r.target, r.frequency, r.reviewDate, r.reviewOverdue]),
    ),
    'gaps.csv': csvTable(
      GAP_COLUMNS,
      p.gaps.map((r) => [r.statement, r.title, r.division, r.id, r.gap, r.plan, r.due]),
    ),
  };
}
