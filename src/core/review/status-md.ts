// eis status as Markdown: for a CI job summary or a wiki page.
import { escapeMarkdown } from '../reporters/markdown.js';
import type { StatusReport } from './status.js';
import { STATUS_COLUMNS, statusCells, summaryText } from './status-table.js';

export function formatStatusMarkdown(report: StatusReport): string {
  const s = report.summary;
  const out = ['## Equity impact statements: status', '', escapeMarkdown(summaryText(report)), ''];
  out.push('| Count | Initiatives |', '| --- | --- |');
  for (const [label, n] of [
    ['Without a statement', s.missing],
    ['Complete', s.complete],
    ['Approved', s.approved],
    ['Stale (memo or answers changed since approval)', s.stale],
    ['Changes requested', s.changesRequested],
    ['Review overdue', s.overdue],
  ] as const)
    out.push(`| ${label} | ${n} |`);
  out.push('', `| ${STATUS_COLUMNS.join(' | ')} | Title |`, `|${STATUS_COLUMNS.map(() => ' --- |').join('')} --- |`);
  for (const row of report.rows) {
    const cells = statusCells(row).map(escapeMarkdown);
    cells[0] = `\`${row.path.replace(/`/g, "'")}\``;
    out.push(`| ${cells.join(' | ')} | ${escapeMarkdown(row.title ?? '')} |`);
  }
  return `${out.join('\n')}\n`;
}
