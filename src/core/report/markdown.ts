// The portfolio as Markdown: for a pull-request comment or a wiki page. Every figure is a table
// row; no chart needs a picture.
import { mdCell, mdText } from '../markdown/escape.js';
import { EFFECTS, EFFECT_LABELS, type From, type Portfolio } from './portfolio.js';
import { countText, type Suppression } from './suppress.js';
import type { Trends } from './trends.js';

const cell = (s: string) => mdCell(mdText(s)) || ' ';
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][], numeric = 0) => [row(head), row(head.map((_, i) => (i >= head.length - numeric ? '---:' : '---'))), ...rows.map(row)];
const statement = (f: From) => (f.link ? `[${cell(f.title || f.statement)}](${encodeURI(f.link)})` : cell(f.title ? `${f.title} (${f.statement})` : f.statement));

export function formatReportMarkdown(p: Portfolio, below: Suppression, trends?: Trends): string {
  const n = (x: number) => countText(x, below);
  const t = p.totals;
  const out: string[] = [
    '# Equity portfolio',
    '',
    `As of ${p.today}: ${n(t.statements)} statements, ${n(t.populations)} affected populations.${below !== undefined ? ` Counts below ${below} show as "fewer than ${below}".` : ''}`,
    '',
  ];
  out.push(
    ...table(
      ['Figure', 'Count'],
      [
        ['Burdens', t.burdens],
        ['Burdens with no mitigation', t.burdensWithoutMitigation],
        ['Unknown effects', t.unknowns],
        ['Unknowns with no plan to find out', t.unknownsWithoutPlan],
        ['Actions overdue', t.actionsOverdue],
        ['Actions open', t.actionsOpen],
        ['Actions done', t.actionsDone],
        ['Indicators', t.indicators],
        ['Reviews overdue', t.reviewsOverdue],
        ['Data gaps', t.gaps],
        ['Engagement sessions', t.sessions],
        ['Statements where nobody was engaged', t.statementsWithoutEngagement],
      ].map(([label, v]) => [String(label), n(v as number)]),
      1,
    ),
    '',
  );
  const effectHead = EFFECTS.map((e) => EFFECT_LABELS[e]);
  out.push('## Who is affected, and how', '', '### By kind of population', '');
  out.push(
    ...table(
      ['Kind', ...effectHead, 'Total'],
      p.byKind.map((k) => [cell(k.label), ...EFFECTS.map((e) => n(k[e])), n(k.total)]),
      5,
    ),
    '',
  );
  out.push('### By division', '');
  out.push(
    ...table(
      ['Division', ...effectHead, 'Total'],
      p.byDivision.map((k) => [cell(k.division), ...EFFECTS.map((e) => n(k[e])), n(k.total)]),
      5,
    ),
    '',
  );
  out.push('### Burdens with no mitigation', '');
  out.push(
    ...listOr(
      p.burdensWithoutMitigation.map((b) => [cell(b.name), statement(b), cell(b.division), b.justified ? 'yes' : 'no']),
      ['Population', 'Statement', 'Division', 'Burden justified'],
    ),
    '',
  );
  out.push('### Unknown effects with no plan to find out', '');
  out.push(
    ...listOr(
      p.unknownsWithoutPlan.map((b) => [cell(b.name), statement(b), cell(b.division)]),
      ['Population', 'Statement', 'Division'],
    ),
    '',
  );

  out.push('## Mitigation actions', '', 'Overdue first.', '');
  out.push(
    ...listOr(
      p.actions.map((a) => [stateText(a.state), cell(a.what), cell(a.owner), a.due, statement(a), cell(a.division)]),
      ['State', 'Action', 'Owner', 'Due', 'Statement', 'Division'],
    ),
    '',
  );
  out.push('### By owner', '');
  out.push(
    ...listOr(
      p.actionsByOwner.map((o) => [cell(o.name), n(o.overdue), n(o.open), n(o.done)]),
      ['Owner', 'Overdue', 'Open', 'Done'],
      3,
    ),
    '',
  );
  out.push('### By division', '');
  out.push(
    ...listOr(
      p.actionsByDivision.map((o) => [cell(o.name), n(o.overdue), n(o.open), n(o.done)]),
      ['Division', 'Overdue', 'Open', 'Done'],
      3,
    ),
    '',
  );

  out.push('## Indicators and monitoring', '');
  out.push(
    ...listOr(
      p.indicators.map((i) => [cell(i.metric), cell(i.baseline), cell(i.target), `${i.reviewDate}${i.reviewOverdue ? ' (overdue)' : ''}`, statement(i)]),
      ['Indicator', 'Baseline', 'Target', 'Review date', 'Statement'],
    ),
    '',
  );
  out.push('### Reviews overdue', '');
  out.push(
    ...listOr(
      p.reviewsOverdue.map((r) => [statement(r), r.reviewDate, cell(r.division)]),
      ['Statement', 'Review date', 'Division'],
    ),
    '',
  );

  out.push('## Data gaps and engagement', '', '### Data gaps', '');
  out.push(
    ...listOr(
      p.gaps.map((g) => [cell(g.gap), cell(g.plan || 'No plan'), g.due, statement(g)]),
      ['Gap', 'Plan', 'Due', 'Statement'],
    ),
    '',
  );
  out.push('### Engagement sessions by standing body', '');
  out.push(
    ...listOr(
      p.sessionsByBody.map((b) => [cell(b.label), n(b.count)]),
      ['Body', 'Sessions'],
      1,
    ),
    '',
  );
  out.push('### Engagement sessions by language', '');
  out.push(
    ...listOr(
      p.sessionsByLanguage.map((b) => [cell(b.label), n(b.count)]),
      ['Language', 'Sessions'],
      1,
    ),
    '',
  );
  out.push('### Statements where nobody was engaged', '');
  out.push(
    ...listOr(
      p.statementsWithoutEngagement.map((s) => [statement(s), cell(s.division)]),
      ['Statement', 'Division'],
    ),
    '',
  );
  if (trends) {
    out.push('## Trends', '', `Per month, from the repository's history (${trends.months.length} months).`, '');
    out.push(
      ...table(
        ['Month', 'Created', 'Approved', 'Stale', 'Overdue'],
        trends.months.map((m) => [m.month, n(m.created), n(m.approved), n(m.stale), n(m.overdue)]),
        4,
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function listOr(rows: string[][], head: string[], numeric = 0): string[] {
  return rows.length ? table(head, rows, numeric) : ['None.'];
}

export function stateText(state: string): string {
  return state === 'overdue' ? 'Overdue' : state === 'open' ? 'Open' : state === 'done' ? 'Done' : 'Dropped';
}
