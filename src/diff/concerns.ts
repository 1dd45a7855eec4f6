// The changes a reviewer should see first. What counts comes from the questionnaire's rules: an
// entry a rule singles out (a burden), an entry that addresses others (a mitigation action), the
// date a rule compares with today (the review date), the question that decides approval. Pure.
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { entriesOf, entryName, getAnswer, type Entry } from '../questionnaire/answers.js';
import { holds } from '../questionnaire/conditions.js';
import { addressingFields, flaggedEntries, reviewDates, statusQuestions } from '../review/conventions.js';
import type { Concern } from './types.js';
import { display, displayList } from './values.js';

export interface ConcernInput {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  computedBefore: Record<string, string>;
  computedAfter: Record<string, string>;
  today: string;
}

export function findConcerns(model: Questionnaire, input: ConcernInput): Concern[] {
  const { before, after } = input;
  if (!after) return [{ kind: 'statement-deleted', message: 'The statement was deleted.' }];
  const concerns: Concern[] = [];
  const old = before ?? {};

  // A new or newly flagged entry (a burden or an unknown effect).
  const flaggedSeen = new Set<string>();
  for (const { list, where, fields } of flaggedEntries(model)) {
    const ctx = (answers: Record<string, unknown>, entry: Entry) => ({ model, answers, computed: answers === after ? input.computedAfter : input.computedBefore, entry, today: input.today });
    const oldEntries = new Map(entriesOf(getAnswer(old, list.key)).map((e) => [e.id, e]));
    for (const entry of entriesOf(getAnswer(after, list.key))) {
      const id = typeof entry.id === 'string' ? entry.id : undefined;
      if (!id || flaggedSeen.has(`${list.key}#${id}`) || !holds(where, ctx(after, entry))) continue;
      const was = oldEntries.get(id);
      if (was && holds(where, ctx(old, was))) continue;
      flaggedSeen.add(`${list.key}#${id}`);
      const described = fields
        .map((f) => list.fields?.find((x) => x.id === f))
        .filter((f): f is Field => Boolean(f))
        .map((f) => {
          const now = display(model, f, entry[f.id], after);
          const then = was ? display(model, f, was[f.id], old) : undefined;
          return then !== undefined && then !== now ? `${f.label}: ${then} -> ${now}` : `${f.label}: ${now}`;
        })
        .join(', ');
      concerns.push({
        kind: 'flagged-entry',
        key: list.key,
        entry: id,
        message: was ? `${list.label}: "${entryName(list, entry)}": ${described}.` : `${list.label}: new entry "${entryName(list, entry)}" with ${described}.`,
      });
    }
  }

  // An entry that addressed others was removed, or now addresses fewer.
  for (const { list, field } of addressingFields(model)) {
    const newEntries = new Map(entriesOf(getAnswer(after, list.key)).map((e) => [e.id, e]));
    for (const entry of entriesOf(getAnswer(old, list.key))) {
      const id = typeof entry.id === 'string' ? entry.id : undefined;
      const targets = displayList(model, field, asList(entry[field.id]), old) ?? [];
      if (!id || !targets.length) continue;
      const now = newEntries.get(id);
      if (!now) {
        concerns.push({ kind: 'addressing-removed', key: list.key, entry: id, message: `${list.label}: "${entryName(list, entry)}" was removed; it addressed ${targets.join(', ')}.` });
        continue;
      }
      const oldIds = asList(entry[field.id]);
      const newIds = new Set(asList(now[field.id]));
      const lost = oldIds.filter((x) => !newIds.has(x));
      if (lost.length)
        concerns.push({
          kind: 'addressing-narrowed',
          key: list.key,
          entry: id,
          message: `${list.label}: "${entryName(list, now)}" no longer addresses ${(displayList(model, field, lost, old) ?? lost.map(String)).join(', ')}.`,
        });
    }
  }

  // The review date moved later, or went.
  if (before) {
    for (const q of reviewDates(model).questions) {
      const b = getAnswer(old, q.key);
      const a = getAnswer(after, q.key);
      if (typeof b !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(b)) continue;
      if (a === undefined || a === null || a === '') concerns.push({ kind: 'review-later', key: q.key, message: `${q.label}: ${b} was removed.` });
      else if (typeof a === 'string' && a > b) concerns.push({ kind: 'review-later', key: q.key, message: `${q.label} moved later: ${b} -> ${a}.` });
    }
  }

  // The status moved back (approved -> draft): to an earlier choice.
  if (before) {
    for (const q of statusQuestions(model)) {
      const order = q.choices!.map((c) => c.value);
      const b = order.indexOf(String(getAnswer(old, q.key)));
      const a = order.indexOf(String(getAnswer(after, q.key)));
      if (b !== -1 && a !== -1 && a < b) concerns.push({ kind: 'status-back', key: q.key, message: `${q.label} moved back: ${display(model, q, order[b], old)} -> ${display(model, q, order[a], after)}.` });
    }
  }

  // The screening level went down (full -> brief): less assessment is now asked for.
  if (before) {
    for (const c of model.computed.slice(0, 1)) {
      const order = c.values.map((v) => v.value);
      const b = order.indexOf(input.computedBefore[c.id]);
      const a = order.indexOf(input.computedAfter[c.id]);
      if (b !== -1 && a !== -1 && a < b) {
        const label = (i: number) => c.values[i].label;
        concerns.push({ kind: 'level-down', message: `${c.label} went down: ${label(b)} -> ${label(a)}.` });
      }
    }
  }
  return concerns;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null || value === '' ? [] : [value];
}

