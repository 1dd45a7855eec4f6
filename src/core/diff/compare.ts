// Answer-by-answer comparison of two versions of a statement, driven by the questionnaire: by
// section, with labels; text as a word diff; list entries matched by id. Pure.
import { diffWords } from 'diff';
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { entriesOf, entryName, getAnswer, isPlainObject, type Entry } from '../questionnaire/answers.js';
import { computeValues } from '../questionnaire/conditions.js';
import type { AnswerChange, Change, ComputedChange, EntryChange, FieldChange, SectionDiff, StatementDiff, ValueChange, WordPart } from './types.js';
import { display, displayList, same } from './values.js';
import { findConcerns } from './concerns.js';

export interface CompareOptions {
  /** YYYY-MM-DD, for computed values that depend on dates. */
  today: string;
}

export interface CompareInput {
  file: string;
  oldFile?: string | undefined;
  /** The old statement's data; undefined when the statement was added. */
  before?: unknown;
  /** The new statement's data; undefined when it was deleted. */
  after?: unknown;
}

const HEADER_KEYS = new Set(['eis', 'questionnaire']);

export function compareStatements(model: Questionnaire, input: CompareInput, options: CompareOptions): StatementDiff {
  const before = isPlainObject(input.before) ? input.before : {};
  const after = isPlainObject(input.after) ? input.after : {};
  const change = input.before === undefined ? 'added' : input.after === undefined ? 'deleted' : input.oldFile && input.oldFile !== input.file ? 'renamed' : 'modified';

  const sections: SectionDiff[] = [];
  for (const section of model.sections) {
    const b = asMap(before[section.id]);
    const a = asMap(after[section.id]);
    const changes: Change[] = [];
    // One at a time: a list of many entries has a change for each, too many to spread as arguments.
    for (const q of section.questions) for (const c of compareQuestion(model, q, b[q.id], a[q.id], before, after)) changes.push(c);
    // Keys the questionnaire does not know still changed; show them under their own names.
    const known = new Set(section.questions.map((q) => q.id));
    for (const key of unionKeys(b, a).filter((k) => !known.has(k))) for (const c of compareQuestion(model, unknownField(`${section.id}.${key}`, key), b[key], a[key], before, after)) changes.push(c);
    if (changes.length) sections.push({ id: section.id, title: section.title, changes });
  }
  const knownSections = new Set(model.sections.map((s) => s.id));
  for (const key of unionKeys(before, after).filter((k) => !knownSections.has(k) && !HEADER_KEYS.has(k))) {
    const changes = compareQuestion(model, unknownField(key, key), before[key], after[key], before, after);
    if (changes.length) sections.push({ id: key, title: key, changes });
  }

  const computed: ComputedChange[] = [];
  const cb = input.before === undefined ? {} : computeValues(model, before, options.today);
  const ca = input.after === undefined ? {} : computeValues(model, after, options.today);
  for (const c of model.computed) {
    if (cb[c.id] === ca[c.id]) continue;
    const label = (v: string | undefined) => (v === undefined ? undefined : (c.values.find((x) => x.value === v)?.label ?? v));
    computed.push({ id: c.id, label: c.label, op: cb[c.id] === undefined ? 'added' : ca[c.id] === undefined ? 'removed' : 'changed', before: label(cb[c.id]), after: label(ca[c.id]) });
  }

  const titleOf = (data: Record<string, unknown>) => {
    const v = model.roles.title ? getAnswer(data, model.roles.title) : undefined;
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const diff: StatementDiff = {
    file: input.file,
    ...(change === 'renamed' ? { oldFile: input.oldFile } : {}),
    change,
    title: titleOf(after) ?? titleOf(before),
    questionnaire: model.ref,
    concerns: [],
    computed,
    sections,
  };
  diff.concerns = findConcerns(model, {
    before: input.before === undefined ? undefined : before,
    after: input.after === undefined ? undefined : after,
    computedBefore: cb,
    computedAfter: ca,
    today: options.today,
  });
  return diff;
}

function asMap(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

function unknownField(key: string, id: string): Field {
  return { id, key, label: id, type: 'text', required: false, sectionId: key.split('.')[0] } as Field;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function compareQuestion(model: Questionnaire, q: Field, b: unknown, a: unknown, before: unknown, after: unknown): Change[] {
  if (q.type === 'list' && (Array.isArray(a) || Array.isArray(b)) && (a === undefined || Array.isArray(a)) && (b === undefined || Array.isArray(b)))
    return compareList(model, q, entriesOf(b), entriesOf(a), before, after);
  const change = compareValue(model, q, b, a, before, after);
  return change ? [{ kind: 'answer', key: q.key, label: q.label, type: q.type, ...change } satisfies AnswerChange] : [];
}

/** How one value changed, or undefined when it did not. */
export function compareValue(model: Questionnaire, field: Field, b: unknown, a: unknown, before: unknown, after: unknown): ValueChange | undefined {
  // A reference shows the entries' names, which may change without the reference changing: compare names too.
  const shownB = display(model, field, b, before);
  const shownA = display(model, field, a, after);
  const names = (list: string[] | undefined, shown: string | undefined) => (list ? JSON.stringify([...list].sort()) : shown);
  if (same(field, b, a) && names(displayList(model, field, b, before), shownB) === names(displayList(model, field, a, after), shownA)) return undefined;
  if (shownB === undefined && shownA === undefined) return undefined;
  const op = shownB === undefined ? 'added' : shownA === undefined ? 'removed' : 'changed';
  const change: ValueChange = { op, ...(shownB !== undefined ? { before: shownB } : {}), ...(shownA !== undefined ? { after: shownA } : {}) };
  if (op !== 'changed') return change;
  const listB = displayList(model, field, b, before);
  const listA = displayList(model, field, a, after);
  if (listB && listA) {
    const added = listA.filter((x) => !listB.includes(x));
    const removed = listB.filter((x) => !listA.includes(x));
    if (added.length) change.added = added;
    if (removed.length) change.removed = removed;
  } else if (typeof b === 'string' && typeof a === 'string' && (field.type === 'text' || field.type === 'markdown')) {
    change.words = wordDiff(b, a);
  }
  return change;
}

/**
 * Past this many characters (both texts together) a word diff takes seconds and hundreds of MB
 * (a 9 MB answer: 27 s and 760 MB), so the parts that stayed the same at the start and the end are
 * kept, and the changed middle shows as removed and added whole.
 */
export const WORD_DIFF_MAX_CHARS = 100_000;

export function wordDiff(before: string, after: string): WordPart[] {
  if (before.length + after.length > WORD_DIFF_MAX_CHARS) return middleDiff(before, after);
  const parts: WordPart[] = [];
  for (const part of diffWords(before, after)) {
    const op = part.added ? 'added' : part.removed ? 'removed' : undefined;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += part.value;
    else parts.push(op ? { text: part.value, op } : { text: part.value });
  }
  return parts;
}

/** The common start and end (whole words only) unchanged, and what is between them removed and added. */
function middleDiff(before: string, after: string): WordPart[] {
  const inWord = (text: string, i: number) => i > 0 && i < text.length && /\S/.test(text.charAt(i - 1)) && /\S/.test(text.charAt(i));
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  while (start > 0 && (inWord(before, start) || inWord(after, start))) start--;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  while (end > 0 && (inWord(before, before.length - end) || inWord(after, after.length - end))) end--;
  const parts: WordPart[] = [];
  if (start) parts.push({ text: before.slice(0, start) });
  if (before.length - end > start) parts.push({ text: before.slice(start, before.length - end), op: 'removed' });
  if (after.length - end > start) parts.push({ text: after.slice(start, after.length - end), op: 'added' });
  if (end) parts.push({ text: before.slice(before.length - end) });
  return parts;
}

function entryKey(entry: Entry, index: number): string {
  return typeof entry.id === 'string' && entry.id ? entry.id : `#${index + 1}`;
}

function compareList(model: Questionnaire, list: Field, b: Entry[], a: Entry[], before: unknown, after: unknown): EntryChange[] {
  const oldById = new Map(b.map((e, i) => [entryKey(e, i), e]));
  const newById = new Map(a.map((e, i) => [entryKey(e, i), e]));
  const changes: EntryChange[] = [];
  const fieldsOf = (x: Entry, y: Entry) => {
    const known = list.fields ?? [];
    const ids = new Set(known.map((f) => f.id));
    const extra = unionKeys(x, y).filter((k) => k !== 'id' && !ids.has(k));
    return [...known, ...extra.map((k) => unknownField(`${list.key}.${k}`, k))];
  };
  const entryFields = (x: Entry, y: Entry): FieldChange[] =>
    fieldsOf(x, y).flatMap((f) => {
      const c = compareValue(model, f, x[f.id], y[f.id], before, after);
      return c ? [{ id: f.id, label: f.label, type: f.type, ...c }] : [];
    });
  // Removed entries first, in their old order; then the new list's order (changed and added).
  for (const [id, entry] of oldById) {
    if (newById.has(id)) continue;
    changes.push({ kind: 'entry', key: list.key, list: list.label, id, name: entryName(list, entry), op: 'removed', fields: entryFields(entry, {}) });
  }
  for (const [id, entry] of newById) {
    const old = oldById.get(id);
    const fields = entryFields(old ?? {}, entry);
    if (old && !fields.length) continue;
    changes.push({ kind: 'entry', key: list.key, list: list.label, id, name: entryName(list, entry), op: old ? 'changed' : 'added', fields });
  }
  return changes;
}
