// The portfolio as a one-page dashboard. The template (templates/report.html.hbs) gets a view of
// plain strings and numbers; Handlebars escapes all of them, and nothing in it runs as code. Each
// chart is followed by a table of the same numbers, so the page reads the same without the picture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../files/package-root.js';
import { EFFECTS, EFFECT_LABELS, type From, type Portfolio } from '../../core/report/portfolio.js';
import { stateText } from '../../core/report/markdown.js';
import { countText, type Suppression } from '../../core/report/suppress.js';
import type { Trends } from '../../core/report/trends.js';

const BAR_X = 230;
const BAR_MAX = 260;
const ROW = 28;

interface Cell {
  text: string;
  href?: string | undefined;
  num?: boolean;
  code?: string | undefined;
}

function chart(id: string, title: string, items: Array<{ label: string; count: number }>, below: Suppression) {
  const shown = (n: number) => countText(n, below);
  // A suppressed count draws no bar: its length would give the number away.
  const hidden = (n: number) => shown(n) !== String(n);
  const max = Math.max(1, ...items.map((i) => (hidden(i.count) ? 0 : i.count)));
  return {
    id,
    title,
    description: items.map((i) => `${i.label}: ${shown(i.count)}`).join('; '),
    bars: items.map((item, i) => {
      const barWidth = hidden(item.count) ? 0 : Math.round((item.count / max) * BAR_MAX);
      return { label: item.label, count: shown(item.count), y: i * ROW + 4, textY: i * ROW + 18, barWidth, countX: BAR_X + barWidth + 6 };
    }),
    barX: BAR_X,
    width: BAR_X + BAR_MAX + 110,
    height: Math.max(ROW, items.length * ROW + 4),
  };
}

// Every key on every cell: the template runs in strict mode, where a missing one throws.
const statementCell = (f: From): Cell => ({ text: f.title || f.statement, href: f.link, num: false, code: f.title ? f.statement : undefined });
const text = (s: string): Cell => ({ text: s, href: undefined, num: false, code: undefined });
const num = (s: string): Cell => ({ text: s, href: undefined, num: true, code: undefined });

function table(caption: string, head: Array<string | [string, 'num']>, rows: Cell[][]) {
  return { caption, head: head.map((h) => (typeof h === 'string' ? { text: h, num: false } : { text: h[0], num: true })), rows, empty: rows.length === 0 };
}

export function reportView(p: Portfolio, below: Suppression, trends?: Trends) {
  const n = (x: number) => countText(x, below);
  const t = p.totals;
  const effectHead = EFFECTS.map((e) => [EFFECT_LABELS[e], 'num'] as [string, 'num']);
  const sections = [
    {
      id: 'affected',
      heading: 'Who is affected, and how',
      charts: [
        chart(
          'by-kind',
          'Burdens by kind of population',
          p.byKind.map((k) => ({ label: k.label, count: k.burden })),
          below,
        ),
      ],
      tables: [
        table(
          'Populations by kind and effect (a population of several kinds counts under each)',
          ['Kind', ...effectHead, ['Total', 'num']],
          p.byKind.map((k) => [text(k.label), ...EFFECTS.map((e) => num(n(k[e]))), num(n(k.total))]),
        ),
        table(
          'Populations by division and effect',
          ['Division', ...effectHead, ['Total', 'num']],
          p.byDivision.map((k) => [text(k.division), ...EFFECTS.map((e) => num(n(k[e]))), num(n(k.total))]),
        ),
        table(
          'Burdens with no mitigation',
          ['Population', 'Statement', 'Division', 'Burden justified'],
          p.burdensWithoutMitigation.map((b) => [text(b.name), statementCell(b), text(b.division), text(b.justified ? 'Yes' : 'No')]),
        ),
        table(
          'Unknown effects with no plan to find out',
          ['Population', 'Statement', 'Division'],
          p.unknownsWithoutPlan.map((b) => [text(b.name), statementCell(b), text(b.division)]),
        ),
      ],
    },
    {
      id: 'actions',
      heading: 'Mitigation actions',
      charts: [],
      tables: [
        table(
          'Actions by owner',
          ['Owner', ['Overdue', 'num'], ['Open', 'num'], ['Done', 'num']],
          p.actionsByOwner.map((o) => [text(o.name), num(n(o.overdue)), num(n(o.open)), num(n(o.done))]),
        ),
        table(
          'Actions by division',
          ['Division', ['Overdue', 'num'], ['Open', 'num'], ['Done', 'num']],
          p.actionsByDivision.map((o) => [text(o.name), num(n(o.overdue)), num(n(o.open)), num(n(o.done))]),
        ),
        table(
          'Every action, overdue first',
          ['State', 'Action', 'Owner', 'Due', 'Statement', 'Division'],
          p.actions.map((a) => [text(stateText(a.state)), text(a.what), text(a.owner), text(a.due), statementCell(a), text(a.division)]),
        ),
      ],
    },
    {
      id: 'monitoring',
      heading: 'Indicators and monitoring',
      charts: [],
      tables: [
        table(
          'Reviews overdue',
          ['Statement', 'Review date', 'Division'],
          p.reviewsOverdue.map((r) => [statementCell(r), text(r.reviewDate), text(r.division)]),
        ),
        table(
          'Indicators',
          ['Indicator', 'Baseline', 'Target', 'Review date', 'Statement'],
          p.indicators.map((i) => [text(i.metric), text(i.baseline), text(i.target), text(`${i.reviewDate}${i.reviewOverdue ? ' (overdue)' : ''}`), statementCell(i)]),
        ),
      ],
    },
    {
      id: 'gaps',
      heading: 'Data gaps and engagement',
      charts: [chart('by-body', 'Engagement sessions by standing body', p.sessionsByBody, below)],
      tables: [
        table(
          'Engagement sessions by standing body',
          ['Body', ['Sessions', 'num']],
          p.sessionsByBody.map((b) => [text(b.label), num(n(b.count))]),
        ),
        table(
          'Engagement sessions by language',
          ['Language', ['Sessions', 'num']],
          p.sessionsByLanguage.map((b) => [text(b.label), num(n(b.count))]),
        ),
        table(
          'Statements where nobody was engaged',
          ['Statement', 'Division'],
          p.statementsWithoutEngagement.map((s) => [statementCell(s), text(s.division)]),
        ),
        table(
          'Data gaps and the plans to close them',
          ['Gap', 'Plan', 'Due', 'Statement'],
          p.gaps.map((g) => [text(g.gap), text(g.plan || 'No plan'), text(g.due), statementCell(g)]),
        ),
      ],
    },
  ];
  if (trends)
    sections.push({
      id: 'trends',
      heading: 'Trends from the repository history',
      charts: [
        chart(
          'created',
          'Statements created per month',
          trends.months.map((m) => ({ label: m.month, count: m.created })),
          below,
        ),
        chart(
          'approved',
          'Statements approved per month',
          trends.months.map((m) => ({ label: m.month, count: m.approved })),
          below,
        ),
      ],
      tables: [
        table(
          'Per month',
          ['Month', ['Created', 'num'], ['Approved', 'num'], ['Stale', 'num'], ['Overdue', 'num']],
          trends.months.map((m) => [text(m.month), num(n(m.created)), num(n(m.approved)), num(n(m.stale)), num(n(m.overdue))]),
        ),
      ],
    });
  return {
    title: 'Equity portfolio',
    today: p.today,
    lede: `As of ${p.today}: ${n(t.statements)} statements, ${n(t.populations)} affected populations.${below !== undefined ? ` Counts below ${below} show as "fewer than ${below}".` : ''}`,
    counts: [
      ['Statements', t.statements],
      ['Burdens', t.burdens],
      ['Burdens with no mitigation', t.burdensWithoutMitigation],
      ['Unknowns with no plan', t.unknownsWithoutPlan],
      ['Actions overdue', t.actionsOverdue],
      ['Actions open', t.actionsOpen],
      ['Reviews overdue', t.reviewsOverdue],
      ['Data gaps', t.gaps],
      ['Engagement sessions', t.sessions],
      ['Statements with no engagement', t.statementsWithoutEngagement],
    ].map(([label, value]) => ({ label, value: n(value as number) })),
    sections,
  };
}

export function formatReportHtml(p: Portfolio, below: Suppression, trends?: Trends): string {
  const file = join(packageRoot(), 'templates', 'report.html.hbs');
  const template = Handlebars.create().compile(readFileSync(file, 'utf8'), { strict: true, knownHelpersOnly: true });
  return template(reportView(p, below, trends));
}
