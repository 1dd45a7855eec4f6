// The portfolio: every statement's facts, counted and grouped the way leadership and analysts read
// them. Pure; the numbers here are the only numbers every format shows.
import type { ActionFact, ActionState, GapFact, IndicatorFact, Labelled, PopulationFact, StatementFacts } from './facts.js';

export const EFFECTS = ['benefit', 'burden', 'neutral', 'unknown'] as const;
export type Effect = (typeof EFFECTS)[number];
export const EFFECT_LABELS: Record<Effect, string> = { benefit: 'Benefit', burden: 'Burden', neutral: 'Neutral', unknown: 'Unknown' };

/** Where an entry came from: its statement, as every list row names it. */
export interface From {
  statement: string;
  title: string;
  division: string;
  link?: string | undefined;
}

export type EffectCounts = Record<Effect, number> & { total: number };
export type PopulationRow = From & PopulationFact;
export type ActionRow = From & ActionFact;
export type IndicatorRow = From & IndicatorFact & { reviewDate: string; reviewOverdue: boolean };
export type GapRow = From & GapFact;
export interface Tally {
  value: string;
  label: string;
  count: number;
}
export type ActionTally = { name: string } & Record<Exclude<ActionState, 'dropped'>, number>;

export interface Portfolio {
  today: string;
  statements: Array<From & { status: string; approved: boolean; level: string }>;
  totals: {
    statements: number;
    populations: number;
    burdens: number;
    unknowns: number;
    burdensWithoutMitigation: number;
    unknownsWithoutPlan: number;
    actionsOpen: number;
    actionsOverdue: number;
    actionsDone: number;
    indicators: number;
    reviewsOverdue: number;
    gaps: number;
    sessions: number;
    statementsWithoutEngagement: number;
  };
  /** A population of several kinds counts once under each of them; "No kind given" holds the rest. */
  byKind: Array<{ value: string; label: string } & EffectCounts>;
  byDivision: Array<{ division: string } & EffectCounts>;
  populations: PopulationRow[];
  /** Burdens no action names (a justified burden is listed, marked justified). */
  burdensWithoutMitigation: PopulationRow[];
  /** Unknown effects with no data gap that has a plan. */
  unknownsWithoutPlan: PopulationRow[];
  /** Overdue first (oldest due first), then open, then done; dropped actions are left out. */
  actions: ActionRow[];
  actionsByOwner: ActionTally[];
  actionsByDivision: ActionTally[];
  indicators: IndicatorRow[];
  reviewsOverdue: Array<From & { reviewDate: string }>;
  gaps: GapRow[];
  sessionsByBody: Tally[];
  sessionsByLanguage: Tally[];
  statementsWithoutEngagement: From[];
}

export const NO_DIVISION = 'No division';
export const NO_KIND = 'No kind given';
const NO_OWNER = 'No owner';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function effectCounts(): EffectCounts {
  return { benefit: 0, burden: 0, neutral: 0, unknown: 0, total: 0 };
}
function addEffect(c: EffectCounts, effect: string) {
  c.total++;
  if ((EFFECTS as readonly string[]).includes(effect)) c[effect as Effect]++;
  else c.unknown++; // an unanswered effect is not known
}

/**
 * The report over `facts`. `kindOrder` and `divisionOrder` are the questionnaire's and the config's
 * orders; values outside them follow, sorted.
 */
export function portfolio(facts: StatementFacts[], options: { today: string; kindOrder?: Labelled[] | undefined; divisionOrder?: string[] | undefined }): Portfolio {
  const sorted = [...facts].sort((a, b) => compare(a.path, b.path));
  const from = (f: StatementFacts): From => ({ statement: f.path, title: f.title, division: f.division || NO_DIVISION, ...(f.link ? { link: f.link } : {}) });
  const kinds = new Map<string, { value: string; label: string } & EffectCounts>();
  for (const k of options.kindOrder ?? []) kinds.set(k.value, { ...k, ...effectCounts() });
  const divisions = new Map<string, { division: string } & EffectCounts>();
  for (const d of options.divisionOrder ?? []) divisions.set(d, { division: d, ...effectCounts() });
  const populations: PopulationRow[] = [];
  const actions: ActionRow[] = [];
  const indicators: IndicatorRow[] = [];
  const gaps: GapRow[] = [];
  const bodies = new Map<string, Tally>();
  const languages = new Map<string, Tally>();
  const reviewsOverdue: Portfolio['reviewsOverdue'] = [];
  const withoutEngagement: From[] = [];
  let sessions = 0;

  for (const f of sorted) {
    const where = from(f);
    for (const p of f.populations) {
      populations.push({ ...where, ...p });
      const ks = p.kinds.length ? p.kinds : [{ value: '', label: NO_KIND }];
      for (const k of ks) {
        let c = kinds.get(k.value);
        if (!c) kinds.set(k.value, (c = { ...k, ...effectCounts() }));
        addEffect(c, p.effect);
      }
      let d = divisions.get(where.division);
      if (!d) divisions.set(where.division, (d = { division: where.division, ...effectCounts() }));
      addEffect(d, p.effect);
    }
    for (const a of f.actions) if (a.state !== 'dropped') actions.push({ ...where, ...a });
    for (const i of f.indicators) indicators.push({ ...where, ...i, reviewDate: f.reviewDate, reviewOverdue: f.reviewOverdue });
    if (f.reviewOverdue) reviewsOverdue.push({ ...where, reviewDate: f.reviewDate });
    for (const g of f.gaps) gaps.push({ ...where, ...g });
    for (const s of f.sessions) {
      sessions++;
      const body = s.body ?? { value: '', label: 'No standing body' };
      tally(bodies, body);
      for (const l of s.languages) tally(languages, l);
    }
    if (!f.sessions.length) withoutEngagement.push(where);
  }

  const stateRank: Record<ActionState, number> = { overdue: 0, open: 1, done: 2, dropped: 3 };
  actions.sort((a, b) => stateRank[a.state] - stateRank[b.state] || compare(a.due || '9999', b.due || '9999') || compare(a.statement, b.statement));
  const burdensWithoutMitigation = populations.filter((p) => p.effect === 'burden' && !p.mitigated);
  const unknownsWithoutPlan = populations.filter((p) => p.effect === 'unknown' && !p.gapPlanned);
  const count = (state: ActionState) => actions.filter((a) => a.state === state).length;
  const ordered = <T extends { value: string }>(map: Map<string, T>, fixed: number) => {
    const all = [...map.values()];
    return [...all.slice(0, fixed), ...all.slice(fixed).sort((a, b) => compare(a.value === '' ? '\uffff' : a.value, b.value === '' ? '\uffff' : b.value))];
  };
  const byDivision = [...divisions.values()];
  const fixedDivisions = options.divisionOrder?.length ?? 0;
  const rest = byDivision.slice(fixedDivisions).sort((a, b) => (a.division === NO_DIVISION ? 1 : b.division === NO_DIVISION ? -1 : compare(a.division, b.division)));

  return {
    today: options.today,
    statements: sorted.map((f) => ({ ...from(f), status: f.status, approved: f.approved, level: f.level })),
    totals: {
      statements: sorted.length,
      populations: populations.length,
      burdens: populations.filter((p) => p.effect === 'burden').length,
      unknowns: populations.filter((p) => p.effect === 'unknown').length,
      burdensWithoutMitigation: burdensWithoutMitigation.length,
      unknownsWithoutPlan: unknownsWithoutPlan.length,
      actionsOpen: count('open'),
      actionsOverdue: count('overdue'),
      actionsDone: count('done'),
      indicators: indicators.length,
      reviewsOverdue: reviewsOverdue.length,
      gaps: gaps.length,
      sessions,
      statementsWithoutEngagement: withoutEngagement.length,
    },
    byKind: ordered(kinds, options.kindOrder?.length ?? 0),
    byDivision: [...byDivision.slice(0, fixedDivisions), ...rest],
    populations,
    burdensWithoutMitigation,
    unknownsWithoutPlan,
    actions,
    actionsByOwner: actionTally(actions, (a) => a.owner || NO_OWNER),
    actionsByDivision: actionTally(actions, (a) => a.division),
    indicators,
    reviewsOverdue,
    gaps,
    sessionsByBody: [...bodies.values()].sort((a, b) => b.count - a.count || compare(a.label, b.label)),
    sessionsByLanguage: [...languages.values()].sort((a, b) => b.count - a.count || compare(a.label, b.label)),
    statementsWithoutEngagement: withoutEngagement,
  };
}

function tally(map: Map<string, Tally>, l: Labelled) {
  const t = map.get(l.value);
  if (t) t.count++;
  else map.set(l.value, { value: l.value, label: l.label, count: 1 });
}

function actionTally(actions: ActionRow[], key: (a: ActionRow) => string): ActionTally[] {
  const map = new Map<string, ActionTally>();
  for (const a of actions) {
    if (a.state === 'dropped') continue;
    const name = key(a);
    let t = map.get(name);
    if (!t) map.set(name, (t = { name, overdue: 0, open: 0, done: 0 }));
    t[a.state]++;
  }
  return [...map.values()].sort((a, b) => b.overdue - a.overdue || compare(a.name, b.name));
}
