// Answers as people read them, and when two answers are the same. Pure.
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { entriesOf, entryName, getAnswer, isPlainObject, type Entry } from '../questionnaire/answers.js';

/** A yes/no written as yes/no or true/false means the same. */
function yesNo(value: unknown): unknown {
  if (value === 'yes' || value === true) return true;
  if (value === 'no' || value === false) return false;
  return value;
}

/** A comparable form: order does not matter in multi-valued answers; blank means unanswered. */
export function normalize(field: Field | undefined, value: unknown): unknown {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (field?.type === 'yes-no') return yesNo(value);
  if (Array.isArray(value) && (field?.type === 'multi-choice' || field?.type === 'reference')) return [...value].map(String).sort();
  return value;
}

export function same(field: Field | undefined, a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(field, a)) === JSON.stringify(normalize(field, b));
}

/** The names of the values of a multi-valued answer (choice labels, entry names), or undefined. */
export function displayList(model: Questionnaire, field: Field | undefined, value: unknown, data: unknown): string[] | undefined {
  if (!Array.isArray(value) || !(field?.type === 'multi-choice' || field?.type === 'reference')) return undefined;
  return value.map((v) => displayOne(model, field, v, data));
}

/** An answer as text a reviewer reads: choice labels, Yes/No, the names of referenced entries. */
export function display(model: Questionnaire, field: Field | undefined, value: unknown, data: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const list = displayList(model, field, value, data);
  if (list) return list.length ? list.join(', ') : undefined;
  if (Array.isArray(value) || isPlainObject(value)) return JSON.stringify(value);
  return displayOne(model, field, value, data);
}

function displayOne(model: Questionnaire, field: Field | undefined, value: unknown, data: unknown): string {
  if (field?.type === 'yes-no') {
    const v = yesNo(value);
    if (v === true) return 'Yes';
    if (v === false) return 'No';
  }
  if ((field?.type === 'choice' || field?.type === 'multi-choice') && field.choices) return field.choices.find((c) => c.value === String(value))?.label ?? String(value);
  if (field?.type === 'reference' && field.to && isPlainObject(data)) {
    const target = model.questions.get(field.to);
    const entry = entryById(getAnswer(data, field.to), value);
    if (target && entry) return entryName(target, entry);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Each list's entries by id, made once per list: every reference of every entry is shown by name,
 * and finding the entry by reading the list each time made `eis diff` quadratic (10,000 actions
 * naming populations took 37 s). Keyed by the list itself, which a diff reads and never changes.
 */
const idIndexes = new WeakMap<object, Map<unknown, Entry>>();

/** The first entry of a list answer with this id. */
export function entryById(list: unknown, id: unknown): Entry | undefined {
  if (!Array.isArray(list)) return undefined;
  let index = idIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const entry of entriesOf(list)) if (!index.has(entry.id)) index.set(entry.id, entry);
    idIndexes.set(list, index);
  }
  return index.get(id);
}
