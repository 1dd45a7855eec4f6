// The portfolio as JSON, for scripts and other dashboards. In a public output every count is
// suppressed as the other formats show it; the lists of entries are the statements' own answers.
import type { Portfolio } from './portfolio.js';
import { countValue, type Suppression } from './suppress.js';

const COUNT_KEYS = new Set(['benefit', 'burden', 'neutral', 'unknown', 'total', 'count', 'open', 'overdue', 'done']);

export function formatReportJson(p: Portfolio, below: Suppression, meta: Record<string, unknown>): string {
  const counted = <T extends object>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, COUNT_KEYS.has(k) && typeof v === 'number' ? countValue(v, below) : v])));
  const out = {
    version: 1,
    ...meta,
    public: below !== undefined,
    ...(below !== undefined ? { suppressBelow: below } : {}),
    ...p,
    totals: Object.fromEntries(Object.entries(p.totals).map(([k, v]) => [k, countValue(v, below)])),
    byKind: counted(p.byKind),
    byDivision: counted(p.byDivision),
    actionsByOwner: counted(p.actionsByOwner),
    actionsByDivision: counted(p.actionsByDivision),
    sessionsByBody: counted(p.sessionsByBody),
    sessionsByLanguage: counted(p.sessionsByLanguage),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
