// eis status as a one-page dashboard. The template (templates/status.html.hbs) gets a view of
// plain strings and numbers; Handlebars escapes all of them, and nothing in it runs as code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../files/package-root.js';
import type { StatusReport } from '../../core/review/status.js';
import { STATUS_COLUMNS, statusCells, summaryText } from '../../core/review/status-table.js';

const BAR_X = 170;
const BAR_MAX = 260;
const ROW = 28;

interface Chart {
  id: string;
  title: string;
  labelHeading: string;
  items: Array<{ label: string; count: number }>;
}

function chartView(chart: Chart) {
  const max = Math.max(1, ...chart.items.map((i) => i.count));
  const bars = chart.items.map((item, i) => {
    const barWidth = Math.round((item.count / max) * BAR_MAX);
    return { label: item.label, count: item.count, y: i * ROW + 4, textY: i * ROW + 18, barWidth, countX: BAR_X + barWidth + 6 };
  });
  return {
    id: chart.id,
    title: chart.title,
    labelHeading: chart.labelHeading,
    description: chart.items.map((i) => `${i.label}: ${i.count}`).join('; '),
    bars,
    barX: BAR_X,
    width: BAR_X + BAR_MAX + 40,
    height: Math.max(ROW, chart.items.length * ROW + 4),
  };
}

export function statusView(report: StatusReport) {
  const s = report.summary;
  const [, ...columns] = STATUS_COLUMNS;
  return {
    title: 'Equity impact statements: status',
    today: report.today,
    summary: summaryText(report),
    counts: [
      { label: 'Initiatives', value: s.initiatives },
      { label: 'Statements', value: s.statements },
      { label: 'Without a statement', value: s.missing },
      { label: 'Complete', value: s.complete },
      { label: 'Approved', value: s.approved },
      { label: 'Stale', value: s.stale },
      { label: 'Changes requested', value: s.changesRequested },
      { label: 'Review overdue', value: s.overdue },
      { label: 'Open actions', value: s.openActions },
    ],
    charts: [
      chartView({ id: 'by-status', title: 'By status', labelHeading: 'Status', items: s.byStatus }),
      chartView({ id: 'by-level', title: 'By screening level', labelHeading: 'Level', items: s.byLevel }),
    ],
    columns: ['Initiative', ...columns],
    rows: report.rows.map((row) => ({
      path: row.path,
      title: row.title ?? '',
      cells: statusCells(row).slice(1),
      rowClass: !row.present || row.stale || row.problem || row.errors ? 'bad' : row.overdue || row.warnings ? 'warn' : '',
    })),
  };
}

export function formatStatusHtml(report: StatusReport): string {
  const file = join(packageRoot(), 'templates', 'status.html.hbs');
  const template = Handlebars.create().compile(readFileSync(file, 'utf8'), { strict: true, knownHelpersOnly: true });
  return template(statusView(report));
}
