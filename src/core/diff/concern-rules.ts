// The changes a reviewer should see first, as one table of rules. Each rule finds one kind of
// concern from the questionnaire's own data (its rules, the order of its choices and values, and the
// conventions in review/conventions.ts), never from a question id: a questionnaire of another
// agency gets the same concerns for its own questions. Pure.
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { entriesOf, entryName, getAnswer, isAnswered, type Entry } from '../questionnaire/answers.js';
import { holds, type ConditionContext } from '../questionnaire/conditions.js';
import { actionLists, addressingFields, burdenJustifications, evidenceFields, flaggedEntries, reviewDates, severityRank, signoffList, statusQuestions } from '../review/conventions.js';
import type { Concern, ConcernKind } from './types.js';
import { display, displayList, entryById, same } from './values.js';

/** Both versions of a statement, as every rule reads them. */
export interface Versions {
  model: Questionnaire;
  /** The old answers; undefined when the statement is new. */
  before?: Record<string, unknown> | undefined;
  /** The old answers, or nothing for a new statement: what entry-by-entry rules compare with. */
  old: Record<string, unknown>;
  after: Record<string, unknown>;
  computedBefore: Record<string, string>;
  computedAfter: Record<string, string>;
  today: string;
}

export interface ConcernRule {
  kind: ConcernKind;
  /** What the rule looks for, in a reviewer's words. */
  describe: string;
  detect(v: Versions): Concern[];
}

/** The rules, in the order their concerns are listed. */
export const CONCERN_RULES: readonly ConcernRule[] = [
  {
    kind: 'flagged-entry',
    describe: 'an entry moved towards what a rule flags: new, newly flagged, or to a more serious value (unknown -> burden)',
    detect: towardsFlagged,
  },
  { kind: 'flagged-removed', describe: 'an entry of a list a rule flags entries of was removed (a population)', detect: flaggedRemoved },
  { kind: 'evidence-removed', describe: 'an answer a rule needs to back a flagged entry went (its evidence, or the data gap it cites)', detect: evidenceRemoved },
  { kind: 'burden-justified', describe: 'an answer moved to one a rule accepts in place of addressing a burden (a justified burden)', detect: burdenJustified },
  { kind: 'addressing-removed', describe: 'an entry that addressed others was removed (a mitigation action)', detect: addressingRemoved },
  { kind: 'addressing-narrowed', describe: 'an entry that addresses others now addresses fewer', detect: addressingNarrowed },
  { kind: 'action-later', describe: "a date of an action moved later or went (a mitigation's due date)", detect: actionLater },
  { kind: 'review-later', describe: 'the review date moved later or went', detect: reviewLater },
  { kind: 'status-back', describe: 'the status moved to an earlier choice (approved -> in review)', detect: statusBack },
  { kind: 'level-down', describe: 'the screening level moved to an earlier value (full -> brief)', detect: levelDown },
  { kind: 'signoff-added', describe: 'a sign-off entry was added', detect: (v) => signoffChanges(v, 'added') },
  { kind: 'signoff-edited', describe: 'a sign-off entry was edited, any field (its hashes included)', detect: (v) => signoffChanges(v, 'edited') },
  { kind: 'signoff-removed', describe: 'a sign-off entry was removed', detect: (v) => signoffChanges(v, 'removed') },
];

// 1. Towards what a rule flags. A value the rule's `where` selects is worse than one it does not;
// among selected values, the field's `severityOrder` (least serious first) says which is worse.
function towardsFlagged(v: Versions): Concern[] {
  const out: Concern[] = [];
  const seen = new Set<string>();
  for (const { list, where, fields } of flaggedEntries(v.model)) {
    const tested = fieldsOf(list, fields);
    // Two entries with one id (a mistake eis check reports) are matched in order, the first
    // with the first: matched by id alone, an unchanged statement showed a move.
    const oldEntries = byIdOccurrence(entriesOf(getAnswer(v.old, list.key)));
    const occurrences = new Map<string, number>();
    for (const entry of entriesOf(getAnswer(v.after, list.key))) {
      const id = idOf(entry);
      if (!id) continue;
      const nth = occurrences.get(id) ?? 0;
      occurrences.set(id, nth + 1);
      if (seen.has(`${list.key}#${id}`) || !holds(where, context(v, 'after', entry))) continue;
      const was = oldEntries.get(`${id}\u0000${nth}`);
      if (was && holds(where, context(v, 'before', was)) && !tested.some((f) => moreSerious(f, was[f.id], entry[f.id]))) continue;
      seen.add(`${list.key}#${id}`);
      const described = tested
        .map((f) => {
          const now = display(v.model, f, entry[f.id], v.after);
          const then = was ? display(v.model, f, was[f.id], v.old) : undefined;
          return then !== undefined && then !== now ? `${f.label}: ${then} -> ${now}` : `${f.label}: ${now}`;
        })
        .join(', ');
      out.push({
        kind: 'flagged-entry',
        key: list.key,
        entry: id,
        message: was ? `${list.label}: "${entryName(list, entry)}": ${described}.` : `${list.label}: new entry "${entryName(list, entry)}" with ${described}.`,
      });
    }
  }
  return out;
}

function moreSerious(field: Field, before: unknown, after: unknown): boolean {
  const b = severityRank(field, before);
  const a = severityRank(field, after);
  return b !== undefined && a !== undefined && a > b;
}

// 2. An entry of a list whose entries a rule flags was removed: a population is no longer assessed.
function flaggedRemoved(v: Versions): Concern[] {
  const out: Concern[] = [];
  const lists = new Map<string, { list: Field; fields: Field[] }>();
  for (const { list, fields } of flaggedEntries(v.model)) {
    const known = lists.get(list.key)?.fields ?? [];
    lists.set(list.key, { list, fields: [...known, ...fieldsOf(list, fields).filter((f) => !known.includes(f))] });
  }
  for (const { list, fields } of lists.values()) {
    const newEntries = byId(entriesOf(getAnswer(v.after, list.key)));
    for (const entry of entriesOf(getAnswer(v.old, list.key))) {
      const id = idOf(entry);
      if (!id || newEntries.has(id)) continue;
      const described = fields.flatMap((f) => {
        const shown = display(v.model, f, entry[f.id], v.old);
        return shown === undefined ? [] : [`${f.label}: ${shown}`];
      });
      out.push({ kind: 'flagged-removed', key: list.key, entry: id, message: `${list.label}: "${entryName(list, entry)}" was removed${described.length ? ` (${described.join(', ')})` : ''}.` });
    }
  }
  return out;
}

// 3. The support a rule asks of a flagged entry went: an answered field that is now unanswered, or a
// reference whose entry was removed (a data gap taken out of the data section).
function evidenceRemoved(v: Versions): Concern[] {
  const out: Concern[] = [];
  const seen = new Set<string>();
  for (const { list, field, where } of evidenceFields(v.model)) {
    const oldEntries = byIdOccurrence(entriesOf(getAnswer(v.old, list.key)));
    const occurrences = new Map<string, number>();
    for (const entry of entriesOf(getAnswer(v.after, list.key))) {
      const id = idOf(entry);
      const nth = id ? (occurrences.get(id) ?? 0) : 0;
      if (id) occurrences.set(id, nth + 1);
      const was = id ? oldEntries.get(`${id}\u0000${nth}`) : undefined;
      const key = `${list.key}#${id}.${field.id}`;
      if (!id || !was || seen.has(key) || (where && !holds(where, context(v, 'after', entry)))) continue;
      if (!backs(v.model, field, was[field.id], v.old) || backs(v.model, field, entry[field.id], v.after)) continue;
      seen.add(key);
      out.push({
        kind: 'evidence-removed',
        key: list.key,
        entry: id,
        message: `${list.label}: "${entryName(list, entry)}": ${field.label} removed (was "${display(v.model, field, was[field.id], v.old)}").`,
      });
    }
  }
  return out;
}

/** An answer that counts: answered, and for a reference, pointing at an entry that exists. */
function backs(model: Questionnaire, field: Field, value: unknown, data: Record<string, unknown>): boolean {
  if (!isAnswered(model, value)) return false;
  if (field.type !== 'reference' || !field.to) return true;
  const list = getAnswer(data, field.to);
  return asList(value).some((id) => typeof id === 'string' && id !== '' && entryById(list, id) !== undefined);
}

// 4. An answer moved to one a rule accepts in place of addressing a burden.
function burdenJustified(v: Versions): Concern[] {
  const out: Concern[] = [];
  for (const { question, values } of burdenJustifications(v.model)) {
    const b = getAnswer(v.old, question.key);
    const a = getAnswer(v.after, question.key);
    if (a === undefined || a === null || !values.includes(String(a)) || (b !== undefined && b !== null && values.includes(String(b)))) continue;
    const then = display(v.model, question, b, v.old);
    const now = display(v.model, question, a, v.after);
    out.push({
      kind: 'burden-justified',
      key: question.key,
      message: `${question.label}: ${then === undefined ? now : `${then} -> ${now}`}. With this answer a burden may stand without a mitigation action.`,
    });
  }
  return out;
}

// 5. Entries that addressed others (mitigation actions): removed, narrowed, or their dates moved later.
function addressingRemoved(v: Versions): Concern[] {
  const out: Concern[] = [];
  for (const { list, field } of addressingFields(v.model)) {
    const newEntries = byId(entriesOf(getAnswer(v.after, list.key)));
    for (const entry of entriesOf(getAnswer(v.old, list.key))) {
      const id = idOf(entry);
      const targets = displayList(v.model, field, asList(entry[field.id]), v.old) ?? [];
      if (!id || !targets.length || newEntries.has(id)) continue;
      out.push({ kind: 'addressing-removed', key: list.key, entry: id, message: `${list.label}: "${entryName(list, entry)}" was removed; it addressed ${targets.join(', ')}.` });
    }
  }
  return out;
}

function addressingNarrowed(v: Versions): Concern[] {
  const out: Concern[] = [];
  for (const { list, field } of addressingFields(v.model)) {
    const counterpartOf = counterpart(entriesOf(getAnswer(v.after, list.key)));
    for (const entry of entriesOf(getAnswer(v.old, list.key))) {
      const id = idOf(entry);
      const now = counterpartOf(entry);
      if (!id || !now) continue;
      // Compared as written: a malformed reference (an object) is equal to itself in the other version.
      const keyOf = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
      const newIds = new Set(asList(now[field.id]).map(keyOf));
      const lost = asList(entry[field.id]).filter((x) => !newIds.has(keyOf(x)));
      if (!lost.length) continue;
      out.push({
        kind: 'addressing-narrowed',
        key: list.key,
        entry: id,
        message: `${list.label}: "${entryName(list, now)}" no longer addresses ${(displayList(v.model, field, lost, v.old) ?? lost.map(String)).join(', ')}.`,
      });
    }
  }
  return out;
}

function actionLater(v: Versions): Concern[] {
  const out: Concern[] = [];
  for (const { list } of actionLists(v.model)) {
    const dates = (list.fields ?? []).filter((f) => f.type === 'date');
    const counterpartOf = counterpart(entriesOf(getAnswer(v.after, list.key)));
    for (const entry of entriesOf(getAnswer(v.old, list.key))) {
      const id = idOf(entry);
      const now = counterpartOf(entry);
      if (!id || !now) continue;
      for (const f of dates) {
        const moved = laterDate(entry[f.id], now[f.id]);
        if (moved) out.push({ kind: 'action-later', key: list.key, entry: id, message: `${list.label}: "${entryName(list, now)}": ${f.label} ${moved}.` });
      }
    }
  }
  return out;
}

/** "moved later: a -> b" or "a was removed" when a date moved later or went; otherwise undefined. */
function laterDate(before: unknown, after: unknown): string | undefined {
  if (typeof before !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(before)) return undefined;
  if (after === undefined || after === null || after === '') return `${before} was removed`;
  return typeof after === 'string' && after > before ? `moved later: ${before} -> ${after}` : undefined;
}

// 6. The review date moved later, or went.
function reviewLater(v: Versions): Concern[] {
  if (!v.before) return [];
  return reviewDates(v.model).questions.flatMap((q) => {
    const moved = laterDate(getAnswer(v.old, q.key), getAnswer(v.after, q.key));
    if (!moved) return [];
    return [{ kind: 'review-later' as const, key: q.key, message: moved.startsWith('moved') ? `${q.label} ${moved}.` : `${q.label}: ${moved}.` }];
  });
}

// 7. The status moved back: to an earlier choice of a status question (its choices are listed in the
// order of a statement's life, so approved -> changes requested or in review is a move back).
function statusBack(v: Versions): Concern[] {
  if (!v.before) return [];
  const out: Concern[] = [];
  for (const q of statusQuestions(v.model)) {
    const order = q.choices!.map((c) => c.value);
    const b = order.indexOf(String(getAnswer(v.old, q.key)));
    const a = order.indexOf(String(getAnswer(v.after, q.key)));
    if (b !== -1 && a !== -1 && a < b)
      out.push({ kind: 'status-back', key: q.key, message: `${q.label} moved back: ${display(v.model, q, order[b], v.old)} -> ${display(v.model, q, order[a], v.after)}.` });
  }
  return out;
}

// 8. The screening level went down: the first computed value moved to an earlier one of its values,
// so less assessment is asked for.
function levelDown(v: Versions): Concern[] {
  if (!v.before) return [];
  const out: Concern[] = [];
  for (const c of v.model.computed.slice(0, 1)) {
    // A value the statement has not got is found nowhere: -1.
    const order: Array<string | undefined> = c.values.map((x) => x.value);
    const b = order.indexOf(v.computedBefore[c.id]);
    const a = order.indexOf(v.computedAfter[c.id]);
    if (b !== -1 && a !== -1 && a < b) out.push({ kind: 'level-down', message: `${c.label} went down: ${c.values[b]!.label} -> ${c.values[a]!.label}.` });
  }
  return out;
}

// 9. Any change to the sign-off list: entries are written by `eis signoff`, so one added, edited (a
// hash overwritten by hand) or removed in a pull request is for the reviewer to confirm.
function signoffChanges(v: Versions, op: 'added' | 'edited' | 'removed'): Concern[] {
  const signoff = signoffList(v.model);
  if (!signoff) return [];
  const { list } = signoff;
  const oldEntries = byKey(entriesOf(getAnswer(v.old, list.key)));
  const newEntries = byKey(entriesOf(getAnswer(v.after, list.key)));
  const who = (entry: Entry, data: Record<string, unknown>) => {
    const name = display(v.model, field(list, signoff.name), entry[signoff.name], data);
    return name ? `"${name}"` : `"${entryName(list, entry)}"`;
  };
  const base = { key: list.key };
  const out: Concern[] = [];
  if (op === 'removed')
    for (const [key, entry] of oldEntries)
      if (!newEntries.has(key)) out.push({ ...base, kind: 'signoff-removed', entry: idOf(entry), message: `${list.label}: the sign-off by ${who(entry, v.old)} was removed.` });
  if (op === 'added')
    for (const [key, entry] of newEntries) {
      if (oldEntries.has(key)) continue;
      const decision = display(v.model, field(list, signoff.decision), entry[signoff.decision], v.after);
      const date = display(v.model, field(list, signoff.date), entry[signoff.date], v.after);
      const what = [decision, date].filter(Boolean).join(', ');
      out.push({
        ...base,
        kind: 'signoff-added',
        entry: idOf(entry),
        message: `${list.label}: a sign-off by ${who(entry, v.after)} was added${what ? ` (${what})` : ''}; check that the reviewer recorded it.`,
      });
    }
  if (op === 'edited')
    for (const [key, entry] of newEntries) {
      const was = oldEntries.get(key);
      if (!was) continue;
      const changed = [...new Set([...Object.keys(was), ...Object.keys(entry)])]
        .filter((k) => k !== 'id' || key.startsWith('#'))
        .flatMap((k) => {
          const f = field(list, k);
          if (same(f, was[k], entry[k])) return [];
          const then = display(v.model, f, was[k], v.old) ?? 'nothing';
          const now = display(v.model, f, entry[k], v.after) ?? 'nothing';
          // Hashes and long comments are named, not quoted: the answers below show them.
          return [then.length + now.length > 60 ? `${f?.label ?? k} changed` : `${f?.label ?? k}: ${then} -> ${now}`];
        });
      if (changed.length) out.push({ ...base, kind: 'signoff-edited', entry: idOf(entry), message: `${list.label}: the sign-off by ${who(was, v.old)} was edited: ${changed.join(', ')}.` });
    }
  return out;
}

function field(list: Field, id: string): Field | undefined {
  return list.fields?.find((f) => f.id === id);
}

function fieldsOf(list: Field, ids: string[]): Field[] {
  return [...new Set(ids)].map((id) => field(list, id)).filter((f): f is Field => Boolean(f));
}

function context(v: Versions, side: 'before' | 'after', entry: Entry): ConditionContext {
  return side === 'after'
    ? { model: v.model, answers: v.after, computed: v.computedAfter, entry, today: v.today }
    : { model: v.model, answers: v.old, computed: v.computedBefore, entry, today: v.today };
}

function idOf(entry: Entry): string | undefined {
  return typeof entry.id === 'string' && entry.id ? entry.id : undefined;
}

/** Finds each entry's counterpart in the other version by id: the n-th entry of an id with the n-th one there. */
function counterpart(entries: Entry[]): (entry: Entry) => Entry | undefined {
  const map = byIdOccurrence(entries);
  const counts = new Map<string, number>();
  return (entry) => {
    const id = idOf(entry);
    if (!id) return undefined;
    const nth = counts.get(id) ?? 0;
    counts.set(id, nth + 1);
    return map.get(`${id}\u0000${nth}`);
  };
}

/** Entries by id and by which entry of that id they are (0 for the first). */
function byIdOccurrence(entries: Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  const counts = new Map<string, number>();
  for (const e of entries) {
    const id = idOf(e);
    if (!id) continue;
    const nth = counts.get(id) ?? 0;
    counts.set(id, nth + 1);
    map.set(`${id}\u0000${nth}`, e);
  }
  return map;
}

function byId(entries: Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const e of entries) {
    const id = idOf(e);
    if (id && !map.has(id)) map.set(id, e);
  }
  return map;
}

/** Entries by id, or by place for entries without one (as the answer-by-answer comparison matches them). */
function byKey(entries: Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  entries.forEach((e, i) => {
    const key = idOf(e) ?? `#${i + 1}`;
    if (!map.has(key)) map.set(key, e);
  });
  return map;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null || value === '' ? [] : [value];
}
