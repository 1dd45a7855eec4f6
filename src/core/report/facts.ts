// What one statement says that the portfolio report counts: its populations and their effects,
// its actions, indicators, data gaps and engagement. Pure: data and questionnaire in, facts out.
import { entriesOf, getAnswer, isAnswered, isPlainObject, type Entry } from '../questionnaire/answers.js';
import { computeValues, holds } from '../questionnaire/conditions.js';
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { isApproved } from '../review/claimed-status.js';
import { CLOSED_STATUSES } from '../review/conventions.js';
import { reportParts } from './parts.js';

/** A value with the label the questionnaire gives it (the value itself when it has none). */
export interface Labelled {
  value: string;
  label: string;
}

export interface PopulationFact {
  id: string;
  name: string;
  kinds: Labelled[];
  /** benefit, burden, neutral, unknown; '' when unanswered. */
  effect: string;
  directness: string;
  /** An action (not dropped) names this population. */
  mitigated: boolean;
  /** The decision justifies a burden in place of an action. */
  justified: boolean;
  /** The data gap it cites, and whether that gap has a plan. */
  gap: string;
  gapPlanned: boolean;
}

export type ActionState = 'overdue' | 'open' | 'done' | 'dropped';

export interface ActionFact {
  id: string;
  what: string;
  owner: string;
  due: string;
  status: string;
  state: ActionState;
  populations: string[];
}

export interface IndicatorFact {
  id: string;
  metric: string;
  baseline: string;
  target: string;
  frequency: string;
}

export interface GapFact {
  id: string;
  gap: string;
  plan: string;
  due: string;
}

export interface SessionFact {
  id: string;
  who: string;
  date: string;
  body: Labelled | undefined;
  languages: Labelled[];
}

export interface StatementFacts {
  /** The statement's path as shown to the user. */
  path: string;
  /** Its rendered page, relative to the report, when one was written. */
  link?: string | undefined;
  title: string;
  division: string;
  status: string;
  approved: boolean;
  level: string;
  populations: PopulationFact[];
  actions: ActionFact[];
  indicators: IndicatorFact[];
  gaps: GapFact[];
  sessions: SessionFact[];
  reviewDate: string;
  reviewOverdue: boolean;
}

/** Status values that mean the work was done, among those that close an action. */
const DONE_STATUSES = new Set(['done', 'closed', 'completed', 'complete']);

export function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(text).join(', ');
  return typeof value === 'object' ? '' : String(value).trim();
}

/** A date answer as YYYY-MM-DD, or '' when it is not one. */
export function isoDate(value: unknown): string {
  const t = text(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : '';
}

const labelled = (field: Field | undefined, value: unknown): Labelled => {
  const v = text(value);
  return { value: v, label: field?.choices?.find((c) => c.value === v)?.label ?? v };
};
const many = (field: Field | undefined, value: unknown): Labelled[] =>
  (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]).map((v) => labelled(field, v)).filter((l) => l.value);

const idOf = (entry: Entry, i: number) => text(entry.id) || `#${i + 1}`;
const labelOf = (list: Field, entry: Entry, fallback: string) => text(list.labelField ? entry[list.labelField] : undefined) || text(entry[fallback]) || text(entry.id);

/** The facts of one statement, read against `model` (the data migrated to it already). */
export function statementFacts(path: string, model: Questionnaire, data: unknown, today: string): StatementFacts {
  const answers = isPlainObject(data) ? data : {};
  const parts = reportParts(model);
  const computed = computeValues(model, answers, today);
  const ctx = { model, answers, computed, today };

  const actions: ActionFact[] = [];
  const mitigatedIds = new Set<string>();
  for (const a of parts.actions)
    entriesOf(getAnswer(answers, a.list.key)).forEach((entry, i) => {
      const status = text(entry[a.status.id]);
      const due = a.due ? isoDate(entry[a.due.id]) : '';
      const closed = CLOSED_STATUSES.has(status);
      const state: ActionState = closed ? (DONE_STATUSES.has(status) ? 'done' : 'dropped') : due && due < today ? 'overdue' : 'open';
      const populations = a.populations ? many(undefined, entry[a.populations.id]).map((l) => l.value) : [];
      if (state !== 'dropped') for (const p of populations) mitigatedIds.add(p);
      actions.push({ id: idOf(entry, i), what: labelOf(a.list, entry, 'what'), owner: a.owner ? text(entry[a.owner.id]) : '', due, status, state, populations });
    });

  const justified = parts.justifications.some((j) => j.values.includes(text(getAnswer(answers, j.question.key))));
  const gaps: GapFact[] = [];
  const planned = new Set<string>();
  if (parts.gaps) {
    const g = parts.gaps;
    entriesOf(getAnswer(answers, g.list.key)).forEach((entry, i) => {
      const plan = g.plan ? text(entry[g.plan.id]) : '';
      const id = idOf(entry, i);
      if (g.plan && isAnswered(model, entry[g.plan.id])) planned.add(id);
      gaps.push({ id, gap: labelOf(g.list, entry, 'gap'), plan, due: g.due ? isoDate(entry[g.due.id]) : '' });
    });
  }

  const populations: PopulationFact[] = [];
  if (parts.populations) {
    const p = parts.populations;
    entriesOf(getAnswer(answers, p.list.key)).forEach((entry, i) => {
      const id = idOf(entry, i);
      const gap = p.gapRef ? text(entry[p.gapRef.id]) : '';
      populations.push({
        id,
        name: labelOf(p.list, entry, 'name'),
        kinds: many(p.kinds, p.kinds ? entry[p.kinds.id] : undefined),
        effect: p.effect ? text(entry[p.effect.id]) : '',
        directness: p.directness ? text(entry[p.directness.id]) : '',
        mitigated: mitigatedIds.has(id),
        justified,
        gap,
        gapPlanned: gap !== '' && planned.has(gap),
      });
    });
  }

  const indicators: IndicatorFact[] = [];
  if (parts.indicators) {
    const list = parts.indicators.list;
    entriesOf(getAnswer(answers, list.key)).forEach((entry, i) => {
      indicators.push({ id: idOf(entry, i), metric: labelOf(list, entry, 'metric'), baseline: text(entry.baseline), target: text(entry.target), frequency: text(entry.frequency) });
    });
  }

  const sessions: SessionFact[] = [];
  if (parts.sessions) {
    const s = parts.sessions;
    entriesOf(getAnswer(answers, s.list.key)).forEach((entry, i) => {
      const body = s.body ? text(entry[s.body.id]) : '';
      sessions.push({
        id: idOf(entry, i),
        who: labelOf(s.list, entry, 'who'),
        date: isoDate(entry.date),
        body: body ? labelled(s.body, body) : undefined,
        languages: s.languages ? many(s.languages, entry[s.languages.id]) : [],
      });
    });
  }

  const reviewDate =
    parts.reviewDates
      .map((q) => isoDate(getAnswer(answers, q.key)))
      .filter(Boolean)
      .sort()[0] ?? '';
  // Overdue as the questionnaire defines it: a review rule whose `when` holds and whose `require` does not.
  const reviewOverdue = parts.reviewRules.length ? parts.reviewRules.some((r) => holds(r.when, ctx) && !holds(r.require, ctx)) : reviewDate !== '' && reviewDate < today;
  const statusKey = model.roles.status;
  const titleKey = model.roles.title;
  return {
    path,
    title: titleKey ? text(getAnswer(answers, titleKey)) : '',
    division: parts.division ? labelled(parts.division, getAnswer(answers, parts.division.key)).label : '',
    status: statusKey ? text(getAnswer(answers, statusKey)) : '',
    approved: isApproved(model, answers, today),
    level: computed[model.computed[0]?.id ?? ''] ?? '',
    populations,
    actions,
    indicators,
    gaps,
    sessions,
    reviewDate,
    reviewOverdue,
  };
}
