// What counts as an answer. Pure helpers shared by the checker, the interview and the renderer.
import type { Field, Questionnaire } from './model.js';

export type Entry = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The answer to `section.question`, or undefined. */
export function getAnswer(answers: Record<string, unknown>, key: string): unknown {
  // The same as key.split('.')[0] and [1], without an array for every lookup: conditions call
  // this for every question of every statement.
  const dot = key.indexOf('.');
  const section = answers[dot === -1 ? key : key.slice(0, dot)];
  if (!isPlainObject(section)) return undefined;
  if (dot === -1) return section[String(undefined)];
  const end = key.indexOf('.', dot + 1);
  return section[key.slice(dot + 1, end === -1 ? undefined : end)];
}

/** Placeholders are a few characters; longer text needs no lowercasing to know it is not one. */
const longest = new WeakMap<Set<string>, number>();
// Every check asks about one questionnaire's placeholders many times over.
let lastPlaceholders: Set<string> | undefined;
let lastLongest = 0;

function longestPlaceholder(placeholders: Set<string>): number {
  if (placeholders === lastPlaceholders) return lastLongest;
  let max = longest.get(placeholders);
  if (max === undefined) longest.set(placeholders, (max = Math.max(0, ...[...placeholders].map((p) => p.length))));
  lastPlaceholders = placeholders;
  return (lastLongest = max);
}

/** A printable ASCII character other than the space: never trimmed away, so never blank. */
function isSolid(code: number): boolean {
  return code > 32 && code < 127;
}

export function isPlaceholder(model: Questionnaire, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const max = longestPlaceholder(model.placeholders);
  if (value.length > max && ((isSolid(value.charCodeAt(0)) && isSolid(value.charCodeAt(value.length - 1))) || value.trim().length > max)) return false;
  return model.placeholders.has(value.trim().toLowerCase());
}

/** Answer types written as free text, where a placeholder can hide inside a sentence. */
export function isFreeText(field: Pick<Field, 'type'>): boolean {
  return field.type === 'text' || field.type === 'markdown';
}

/**
 * A placeholder written inside a longer answer ("the budget is TBD."), with a short excerpt around
 * it; undefined when there is none, or when the whole answer is one (isPlaceholder says so).
 */
export function placeholderInside(model: Questionnaire, value: unknown): { word: string; excerpt: string } | undefined {
  const search = model.placeholderSearch;
  if (typeof value !== 'string' || search === undefined) return undefined;
  const match = search.pattern.exec(value);
  if (match === null || isPlaceholder(model, value)) return undefined;
  return { word: match[0], excerpt: excerptAround(value, match.index, match[0].length) };
}

/** About forty characters either side of a match, whole words on one line, "..." where cut. */
function excerptAround(text: string, at: number, length: number): string {
  let from = Math.max(0, at - 40);
  let to = Math.min(text.length, at + length + 40);
  if (from > 0) from = Math.min(at, from + Math.max(0, text.slice(from, at).search(/\s/)));
  if (to < text.length) to = Math.max(at + length, at + length + text.slice(at + length, to).search(/\s\S*$/));
  const part = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '...' : ''}${part}${to < text.length ? '...' : ''}`;
}

/** True when the value is a real answer: not missing, blank, a placeholder or an empty list. */
export function isAnswered(model: Questionnaire, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return (isSolid(value.charCodeAt(0)) || value.trim() !== '') && !isPlaceholder(model, value);
  if (Array.isArray(value)) return value.some((v) => isAnswered(model, v));
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/**
 * A real answer with no placeholder left inside it: what the interview, resuming, does not ask
 * again, as `eis check` counts it complete.
 */
export function isFinished(model: Questionnaire, field: Pick<Field, 'type'>, value: unknown): boolean {
  return isAnswered(model, value) && !(isFreeText(field) && placeholderInside(model, value) !== undefined);
}

/** The entries of a list answer that are mappings; anything else is a schema problem reported elsewhere. */
export function entriesOf(value: unknown): Entry[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** A short name for a list entry, for messages: its label field, else its id. */
export function entryName(list: Field, entry: Entry): string {
  const label = list.labelField ? entry[list.labelField] : undefined;
  if (typeof label === 'string' && label.trim()) {
    const choice = list.fields?.find((f) => f.id === list.labelField)?.choices?.find((c) => c.value === label);
    return choice ? choice.label : label;
  }
  return typeof entry.id === 'string' ? entry.id : '(unnamed entry)';
}

/** A slug for a new entry's id: lowercase words joined by "-". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `entry-${slug || '1'}`;
}

/** An id not used by any of the entries, made from the text. */
export function uniqueId(text: string, entries: Entry[]): string {
  const base = slugify(text);
  const used = new Set(entries.map((e) => e.id));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
