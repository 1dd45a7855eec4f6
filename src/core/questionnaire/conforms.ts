// A quick yes to "does this statement have the right shape?", so that the zod schema (which says
// what is wrong, and where) runs only for statements that have something wrong. It must never say
// yes where zod would report a problem; where unsure it says no, and zod decides.
import { LANGUAGE_TAG } from './translation-format.js';
import type { Field, Questionnaire } from './model.js';
import { isPlainObject } from './answers.js';
import { ENTRY_ID, isRealDate, STATEMENT_FORMAT_VERSION } from './statement-schema.js';

const choiceSets = new WeakMap<Field, Set<string>>();
function choicesOf(field: Field): Set<string> {
  let set = choiceSets.get(field);
  if (!set) choiceSets.set(field, (set = new Set(field.choices?.map((c) => c.value))));
  return set;
}

function valueConforms(field: Field, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (field.type) {
    case 'text':
    case 'markdown':
      return typeof value === 'string';
    case 'choice':
      return typeof value === 'string' && choicesOf(field).has(value);
    case 'multi-choice':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && choicesOf(field).has(v));
    case 'yes-no':
      return typeof value === 'boolean' || value === 'yes' || value === 'no';
    case 'date':
      return typeof value === 'string' && isRealDate(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
    case 'reference':
      return field.multiple ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === 'string';
    case 'list':
      return Array.isArray(value) && value.every((entry) => entryConforms(field, entry));
  }
}

/** Fields of each list by id, looked up once per questionnaire rather than once per entry. */
const fieldMaps = new WeakMap<Field, Map<string, Field>>();
function fieldsOf(list: Field): Map<string, Field> {
  let map = fieldMaps.get(list);
  if (!map) fieldMaps.set(list, (map = new Map(list.fields?.map((f) => [f.id, f]))));
  return map;
}

const sectionMaps = new WeakMap<Questionnaire, Map<string, Map<string, Field>>>();
function sectionsOf(model: Questionnaire): Map<string, Map<string, Field>> {
  let map = sectionMaps.get(model);
  if (!map) sectionMaps.set(model, (map = new Map(model.sections.map((s) => [s.id, new Map(s.questions.map((q) => [q.id, q]))]))));
  return map;
}

function entryConforms(list: Field, entry: unknown): boolean {
  if (!isPlainObject(entry) || typeof entry.id !== 'string' || !ENTRY_ID.test(entry.id)) return false;
  const fields = fieldsOf(list);
  for (const key of Object.keys(entry)) {
    if (key === 'id' || key.startsWith('x-')) continue;
    const field = fields.get(key);
    if (!field || !valueConforms(field, entry[key])) return false;
  }
  return true;
}

export function conforms(model: Questionnaire, data: unknown): boolean {
  return nonConformingSections(model, data)?.length === 0;
}

/**
 * The sections whose answers may not conform, in the questionnaire's order (the order zod checks
 * them in); undefined when the top level itself may not (the version, the questionnaire, a key
 * that is not a section). zod then needs to see only those sections, or the whole statement.
 */
export function nonConformingSections(model: Questionnaire, data: unknown): string[] | undefined {
  if (!isPlainObject(data) || data.eis !== STATEMENT_FORMAT_VERSION || typeof data.questionnaire !== 'string') return undefined;
  const sections = sectionsOf(model);
  let off: Set<string> | undefined;
  for (const key of Object.keys(data)) {
    if (key === 'eis' || key === 'questionnaire' || key.startsWith('x-')) continue;
    if (key === 'language' && typeof data[key] === 'string' && LANGUAGE_TAG.test(data[key])) continue;
    const questions = sections.get(key);
    if (!questions) return undefined;
    if (!answersConform(questions, data[key])) (off ??= new Set()).add(key);
  }
  return off ? model.sections.map((s) => s.id).filter((id) => off.has(id)) : [];
}

function answersConform(questions: Map<string, Field>, answers: unknown): boolean {
  if (answers === null || answers === undefined) return true;
  if (!isPlainObject(answers)) return false;
  for (const qid of Object.keys(answers)) {
    if (qid.startsWith('x-')) continue;
    const question = questions.get(qid);
    if (!question || !valueConforms(question, answers[qid])) return false;
  }
  return true;
}
