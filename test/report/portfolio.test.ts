// The portfolio's figures against counts made here, from the generated data, without the report's
// code: statements of both questionnaire versions, read from disk through the one statement reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/edge/config/load.js';
import { questionnaireRegistry } from '../../src/edge/questionnaire/registry.js';
import { readFacts } from '../../src/edge/report/read.js';
import { portfolio, type Portfolio } from '../../src/core/report/portfolio.js';
import { reportCsvFiles, POPULATION_COLUMNS, ACTION_COLUMNS, INDICATOR_COLUMNS } from '../../src/core/report/csv.js';
import { formatReportJson } from '../../src/core/report/json.js';
import { formatReportMarkdown } from '../../src/core/report/markdown.js';
import { tempTree } from '../helpers/cli.js';
import { BODIES, DIVISIONS, KINDS, LANGUAGES, OWNERS, generateStatements, groupOf, type Generated } from './generate.js';

const TODAY = '2026-03-15';
const tree = tempTree({ 'eis.config.yaml': 'questionnaire: equity-impact\n' });
afterAll(() => tree.cleanup());
let statements: Generated[];
let p: Portfolio;
beforeAll(() => {
  statements = generateStatements(120, 11);
  for (const s of statements) writeFileSync(join(tree.dir, s.name), s.text);
  const config = loadConfig({ cwd: tree.dir });
  const known = questionnaireRegistry(config);
  const { facts, problems } = readFacts(
    statements.map((s) => join(tree.dir, s.name)),
    known,
    { cwd: tree.dir, today: TODAY },
  );
  expect(problems).toEqual([]);
  p = portfolio(facts, { today: TODAY });
});

/**
 * Python's csv module reads the file, as a second, independent parser (none ships in node_modules):
 * with `utf-8-sig`, the encoding Excel writes and expects, the byte order mark is taken off.
 */
function readCsv(text: string): Array<Record<string, string>> {
  const script = 'import csv, io, json, sys\nprint(json.dumps(list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))))';
  const r = spawnSync('python3', ['-c', script], { input: Buffer.from(text, 'utf8'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const closed = (status: string) => status === 'done' || status === 'dropped';
const groups = () => statements.flatMap((s) => s.data.populations.groups.map((g: any) => ({ s, g, ...groupOf(g, s.version) })));
const liveActions = () => statements.flatMap((s) => s.data.mitigation.actions.filter((a: any) => a.status !== 'dropped').map((a: any) => ({ s, a })));
const stateOf = (a: any) => (a.status === 'done' ? 'done' : a.due < TODAY ? 'overdue' : 'open');

describe('the portfolio over generated statements of both versions', () => {
  it('counts populations by kind and effect, a population of several kinds under each', () => {
    for (const kind of KINDS) {
      const of = groups().filter((x) => x.kinds.includes(kind));
      const row = p.byKind.find((k) => k.value === kind);
      expect(row, kind).toMatchObject({
        benefit: of.filter((x) => x.effect === 'benefit').length,
        burden: of.filter((x) => x.effect === 'burden').length,
        neutral: of.filter((x) => x.effect === 'neutral').length,
        unknown: of.filter((x) => x.effect === 'unknown').length,
        total: of.length,
      });
    }
    expect(p.byKind.find((k) => k.value === 'race-ethnicity')?.label).toBe('Race and ethnicity');
  });

  it('counts populations by division', () => {
    for (const division of DIVISIONS) {
      const of = groups().filter((x) => x.s.data.initiative.division === division);
      expect(p.byDivision.find((d) => d.division === division)).toMatchObject({ burden: of.filter((x) => x.effect === 'burden').length, total: of.length });
    }
    expect(p.totals.populations).toBe(groups().length);
  });

  it('finds burdens no live action names, and unknowns with no planned data gap', () => {
    const named = (s: Generated, id: string) => s.data.mitigation.actions.some((a: any) => a.status !== 'dropped' && a.populations.includes(id));
    const burdens = groups().filter((x) => x.effect === 'burden' && !named(x.s, x.g.id));
    expect(p.burdensWithoutMitigation.map((b) => `${b.statement} ${b.id}`)).toEqual(burdens.map((x) => `${x.s.name} ${x.g.id}`));
    const planned = (s: Generated, gap?: string) => Boolean(gap && s.data.data.gaps.find((g: any) => g.id === gap)?.plan);
    const unknowns = groups().filter((x) => x.effect === 'unknown' && !planned(x.s, x.g.data_gap));
    expect(p.unknownsWithoutPlan.map((b) => `${b.statement} ${b.id}`)).toEqual(unknowns.map((x) => `${x.s.name} ${x.g.id}`));
    expect(burdens.length).toBeGreaterThan(0);
    expect(unknowns.length).toBeGreaterThan(0);
  });

  it('sorts actions overdue first and counts them by owner and division', () => {
    const live = liveActions();
    expect(p.actions).toHaveLength(live.length);
    const states = p.actions.map((a) => a.state);
    expect(states).toEqual([...states].sort((a, b) => ['overdue', 'open', 'done'].indexOf(a) - ['overdue', 'open', 'done'].indexOf(b)));
    for (const state of ['overdue', 'open', 'done'] as const) expect(p.actions.filter((a) => a.state === state).length).toBe(live.filter(({ a }) => stateOf(a) === state).length);
    expect(p.totals.actionsOverdue).toBe(live.filter(({ a }) => stateOf(a) === 'overdue').length);
    for (const owner of OWNERS) {
      const of = live.filter(({ a }) => a.owner === owner);
      expect(p.actionsByOwner.find((o) => o.name === owner)).toEqual({
        name: owner,
        overdue: of.filter(({ a }) => stateOf(a) === 'overdue').length,
        open: of.filter(({ a }) => stateOf(a) === 'open').length,
        done: of.filter(({ a }) => stateOf(a) === 'done').length,
      });
    }
    for (const division of DIVISIONS) {
      const of = live.filter(({ s }) => s.data.initiative.division === division);
      expect(p.actionsByDivision.find((o) => o.name === division)?.overdue).toBe(of.filter(({ a }) => !closed(a.status) && a.due < TODAY).length);
    }
  });

  it('lists indicators with review dates, and reviews overdue', () => {
    expect(p.indicators).toHaveLength(statements.reduce((n, s) => n + s.data.monitoring.indicators.length, 0));
    const overdue = statements.filter((s) => s.data.monitoring.review_date < TODAY && !s.data.monitoring.post_review);
    expect(p.reviewsOverdue.map((r) => r.statement)).toEqual(overdue.map((s) => s.name));
    const first = statements.find((s) => s.data.monitoring.indicators.length)!;
    expect(p.indicators.find((i) => i.statement === first.name)).toMatchObject({ baseline: '00%', target: '05%', reviewDate: first.data.monitoring.review_date });
  });

  it('lists data gaps, and counts engagement by body and language', () => {
    expect(p.gaps).toHaveLength(statements.reduce((n, s) => n + s.data.data.gaps.length, 0));
    const sessions = statements.flatMap((s) => s.data.engagement.sessions);
    expect(p.totals.sessions).toBe(sessions.length);
    for (const body of BODIES) expect(p.sessionsByBody.find((b) => b.value === body)?.count ?? 0).toBe(sessions.filter((x: any) => (x.standing_body ?? '') === body).length);
    for (const language of LANGUAGES) expect(p.sessionsByLanguage.find((b) => b.value === language)?.count ?? 0).toBe(sessions.filter((x: any) => x.languages?.includes(language)).length);
    expect(p.statementsWithoutEngagement.map((s) => s.statement)).toEqual(statements.filter((s) => !s.data.engagement.sessions.length).map((s) => s.name));
  });

  it('writes CSV that a CSV parser reads back, one row per entry', () => {
    const files = reportCsvFiles(p);
    const read = (name: string) => {
      const text = files[name]!;
      expect(text.startsWith('\ufeff')).toBe(true);
      return readCsv(text);
    };
    const populations = read('populations.csv');
    expect(Object.keys(populations[0]!)).toEqual([...POPULATION_COLUMNS]);
    expect(populations).toHaveLength(groups().length);
    const g = groups()[0]!;
    expect(populations[0]).toMatchObject({ statement: g.s.name, population: g.g.name, kinds: g.kinds.join('; '), effect: g.effect });
    const actions = read('actions.csv');
    expect(Object.keys(actions[0]!)).toEqual([...ACTION_COLUMNS]);
    expect(actions).toHaveLength(liveActions().length);
    // A text that would run as a formula in a spreadsheet is kept as text.
    expect(actions.every((a) => a.action!.startsWith("'=Action"))).toBe(true);
    expect(actions.filter((a) => a.state === 'overdue')).toHaveLength(p.totals.actionsOverdue);
    expect(actions.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.due!))).toBe(true);
    const indicators = read('indicators.csv');
    expect(Object.keys(indicators[0]!)).toEqual([...INDICATOR_COLUMNS]);
    expect(indicators).toHaveLength(p.indicators.length);
  });

  it('shows small counts as "fewer than N" in public JSON and Markdown only', () => {
    // A threshold between the smallest and largest counts, so some are suppressed and some not.
    const below = 30;
    const open = JSON.parse(formatReportJson(p, undefined, {}));
    const shut = JSON.parse(formatReportJson(p, below, {}));
    let suppressed = 0;
    for (const [i, row] of p.byKind.entries()) {
      for (const e of ['benefit', 'burden', 'neutral', 'unknown', 'total'] as const) {
        expect(open.byKind[i][e]).toBe(row[e]);
        const small = row[e] > 0 && row[e] < below;
        if (small) suppressed++;
        expect(shut.byKind[i][e]).toBe(small ? `fewer than ${below}` : row[e]);
      }
    }
    expect(suppressed).toBeGreaterThan(0);
    expect(suppressed).toBeLessThan(p.byKind.length * 5);
    expect(shut.totals.populations).toBe(p.totals.populations);
    const md = formatReportMarkdown(p, below);
    const small = p.sessionsByLanguage.find((b) => b.count > 0 && b.count < below);
    const large = p.sessionsByLanguage.find((b) => b.count >= below);
    expect(small && large).toBeTruthy();
    expect(md).toContain(`| ${small!.label} | fewer than ${below} |`);
    expect(md).toContain(`| ${large!.label} | ${large!.count} |`);
    expect(formatReportMarkdown(p, undefined)).not.toContain('fewer than');
  });
});
