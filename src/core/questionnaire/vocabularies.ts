// Agency vocabularies: lists the config defines (divisions, languages, standing bodies, reviewer
// roles, the disaggregation standard) that questions name with `vocabulary:` and take as their
// choices. The questionnaire's own choices are the default; the config's list replaces them, and
// choices marked `keep` ("other", "none") stay after it. Pure: the compiled questionnaire in, a
// compiled questionnaire out, so checking, the interview, rendering and the diff all see one list.
import type { Field, Questionnaire, Section } from './model.js';

export interface VocabularyChoice {
  value: string;
  label: string;
  help?: string | undefined;
}

export type VocabularyEntry = string | VocabularyChoice;

export interface Vocabularies {
  /** Lists by name, as the config writes them. */
  lists: Record<string, ReadonlyArray<VocabularyEntry>>;
  /** The small-number suppression threshold, for `{suppressBelow}` in help texts. */
  suppressBelow: number;
  /** Where the lists were read, for `eis questions` (`eis.config.yaml`). */
  file?: string | undefined;
}

/** Every vocabulary name a questionnaire's questions use. */
export function vocabulariesUsed(model: Questionnaire): Set<string> {
  const names = new Set<string>();
  const visit = (field: Field) => {
    if (field.vocabulary) names.add(field.vocabulary);
    field.fields?.forEach(visit);
  };
  for (const section of model.sections) section.questions.forEach(visit);
  return names;
}

const PLACEHOLDER = /\{suppressBelow\}/g;

/** The questionnaire with the config's lists as the choices of the questions that name them. */
export function applyVocabularies(model: Questionnaire, vocabularies: Vocabularies): Questionnaire {
  const apply = (field: Field): Field => {
    const fields = field.fields?.map(apply);
    const help = field.help?.replace(PLACEHOLDER, String(vocabularies.suppressBelow));
    if (!field.vocabulary) return fields || help !== field.help ? { ...field, help, fields } : field;
    const entries = vocabularies.lists[field.vocabulary];
    if (!entries) return { ...field, help, fields, choicesFrom: { vocabulary: field.vocabulary, from: 'questionnaire' } };
    const list = entries.map((e) => entryChoice(e, field.type));
    const values = new Set(list.map((c) => c.value));
    const kept = (field.choices ?? []).filter((c) => c.keep && !values.has(c.value));
    return {
      ...field,
      help,
      fields,
      // A text question with an agency list becomes a choice among its entries: the answer is checked.
      type: field.type === 'text' ? 'choice' : field.type,
      choices: [...list, ...kept],
      choicesFrom: { vocabulary: field.vocabulary, from: 'config', file: vocabularies.file },
    };
  };
  const questions = new Map<string, Field>();
  const sections: Section[] = model.sections.map((section) => ({
    ...section,
    questions: section.questions.map((q) => {
      const field = apply(q);
      questions.set(field.key, field);
      return field;
    }),
  }));
  return { ...model, sections, questions };
}

/**
 * A vocabulary entry as written in the config: a string, or `{ value, label, help }`. A string is
 * its own value for a text question (the answer is the words), and for a choice question it is
 * the label, its value made from it ("Customer Advisory Body" -> customer-advisory-body), as
 * choice values are ids.
 */
export function entryChoice(entry: VocabularyEntry, type: string): VocabularyChoice {
  if (typeof entry !== 'string') return entry;
  return { value: type === 'text' ? entry : valueFromLabel(entry), label: entry };
}

/**
 * What is wrong with a list for the questions that use it: a value that is not an id where a
 * choice question needs one, a value given twice. Indexes are the entries' places in the list.
 */
export function vocabularyProblems(name: string, entries: ReadonlyArray<VocabularyEntry>, model: Questionnaire): Array<{ index: number; message: string }> {
  const types = new Set<string>();
  const visit = (field: Field) => {
    if (field.vocabulary === name) types.add(field.type);
    field.fields?.forEach(visit);
  };
  for (const section of model.sections) section.questions.forEach(visit);
  const problems: Array<{ index: number; message: string }> = [];
  for (const type of types) {
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      const { value } = entryChoice(entry, type);
      if (type !== 'text' && !/^[a-z0-9][a-z0-9_-]*$/.test(value)) problems.push({ index, message: `"${value}" cannot be a choice value: write lowercase letters, digits, "-" and "_"` });
      else if (seen.has(value)) problems.push({ index, message: `"${value}" is in the list twice (also entry ${seen.get(value)! + 1})` });
      seen.set(value, index);
    });
  }
  return problems;
}

/** The id a label gives when a choice question takes it: lowercase words joined by "-". */
export function valueFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
