// eis status as Markdown: for a CI job summary or a wiki page.
import { mdCell, mdText } from '../markdown/escape.js';
import { printable } from '../printable.js';
import type { StatusReport } from './status.js';
import { STATUS_COLUMNS, statusCells, summaryText } from './status-table.js';

export function formatStatusMarkdown(report: StatusReport): string {
  const s = report.summary;
  const out = ['## Equity impact statements: status', '', mdText(summaryText(report)), ''];
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
    // Each cell is one line: a line break in a path shows as `\n`.
    const cells = statusCells(row).map((cell) => mdCell(mdText(printable(cell))));
    // Monospace without a code span: in a table cell, a pipe inside one is unescaped differently by different renderers.
    cells[0] = `<code>${cells[0]}</code>`;
    out.push(`| ${cells.join(' | ')} | ${mdCell(mdText(row.title ?? ''))} |`);
  }
  return `${out.join('\n')}\n`;
}
