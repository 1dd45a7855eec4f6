// A questionnaire in another language: the same ids, values, conditions and rules, with the texts
// people read (titles, labels, help, examples, choice labels, computed values, rule messages) taken
// from a translation (translation-format.ts). Pure: the hash of the English text a translation was
// made from is worked out by a digest function the caller passes in (SHA-256 lives at the edge).
import type { ComputedInput, RuleInput } from './format.js';
import { closest, type Field, type Questionnaire, type Section } from './model.js';
import type { QuestionTranslation, Translation } from './translation-format.js';

/** The hex SHA-256 of a text's UTF-8 bytes. */
export type Digest = (text: string) => string;

/** Help texts and rule messages are compared with their runs of whitespace collapsed, as YAML folds them. */
const folded = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\s+/g, ' ').trim());

/** The English text of a question or field, as hashed for its translation's `source`. */
export function fieldSourceText(field: Field): string {
  const english: Record<string, unknown> = { label: field.label };
  if (field.help !== undefined) english.help = folded(field.help);
  if (field.example !== undefined) english.example = String(field.example);
  if (field.choices) english.choices = field.choices.map((c) => (c.help !== undefined ? [c.value, c.label, folded(c.help)] : [c.value, c.label]));
  return JSON.stringify(english);
}

export function sectionSourceText(section: Section): string {
  return JSON.stringify(section.description !== undefined ? { title: section.title, description: section.description } : { title: section.title });
}

export function computedSourceText(computed: ComputedInput): string {
  return JSON.stringify({ label: computed.label, values: computed.values.map((v) => [v.value, v.label]) });
}

export function ruleSourceText(rule: RuleInput): string {
  return JSON.stringify(rule.help !== undefined ? { message: folded(rule.message), help: folded(rule.help) } : { message: folded(rule.message) });
}

export const sourceHash = (digest: Digest, text: string) => digest(text).slice(0, 12);

/** Every question and list field, by key (`section.question`, `section.list.field`). */
export function translatableFields(model: Questionnaire): Field[] {
  return model.sections.flatMap((s) => s.questions.flatMap((q) => [q, ...(q.fields ?? [])]));
}

function translateField(field: Field, t: QuestionTranslation | undefined, fields: Field[] | undefined): Field {
  const out: Field = { ...field, fields };
  if (!t) return out;
  out.label = t.label;
  if (field.help !== undefined && t.help !== undefined) out.help = t.help;
  if (typeof field.example === 'string' && t.example !== undefined) out.example = t.example;
  if (field.choices)
    out.choices = field.choices.map((c) => {
      const ct = t.choices?.[c.value];
      if (ct === undefined) return c;
      if (typeof ct === 'string') return { ...c, label: ct };
      return { ...c, label: ct.label, help: c.help !== undefined && ct.help !== undefined ? ct.help : c.help };
    });
  return out;
}

/**
 * The questionnaire with the translation's texts. What the translation lacks stays English (eis
 * questions --check-translations lists it); ids, values and every condition are the model's own,
 * so statements written in any language are the same YAML.
 */
export function translateQuestionnaire(model: Questionnaire, translation: Translation): Questionnaire {
  const questions = new Map<string, Field>();
  const sections = model.sections.map((section): Section => {
    const st = translation.sections[section.id];
    return {
      ...section,
      title: st?.title ?? section.title,
      description: section.description !== undefined ? (st?.description ?? section.description) : undefined,
      questions: section.questions.map((q) => {
        const fields = q.fields?.map((f) => translateField(f, translation.questions[f.key], undefined));
        const field = translateField(q, translation.questions[q.key], fields);
        questions.set(field.key, field);
        return field;
      }),
    };
  });
  const computed = model.computed.map((c): ComputedInput => {
    const ct = translation.computed[c.id];
    if (!ct) return c;
    return { ...c, label: ct.label, values: c.values.map((v) => ({ ...v, label: ct.values?.[v.value] ?? v.label })) };
  });
  const rules = model.rules.map((r): RuleInput => {
    const rt = translation.rules[r.id];
    if (!rt) return r;
    return { ...r, message: rt.message, help: r.help !== undefined ? (rt.help ?? r.help) : r.help };
  });
  return {
    ...model,
    title: translation.title,
    description: model.description !== undefined ? (translation.description ?? model.description) : undefined,
    sections,
    questions,
    computed,
    rules,
    language: translation.language,
  };
}

export interface TranslationProblem {
  kind: 'missing' | 'unknown' | 'stale';
  /** Where in the translation file; for something missing, the entry that should hold it (or the nearest one there is). */
  path: string[];
  /** What it is about, in the questionnaire's terms: `questions.initiative.kind.choices.memo`. */
  key: string;
  message: string;
  /** The `source` the entry should carry: the hash of the English text now. */
  source?: string | undefined;
}

/**
 * What a translation lacks (entries, help, choices), what it has that the questionnaire does not
 * (with the closest key, for a typo), and which entries were translated from English text that has
 * changed since (their `source` is not the hash of the English now).
 */
export function translationProblems(model: Questionnaire, translation: Translation, digest: Digest): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const at = (...path: string[]) => path;
  if (translation.questionnaire !== model.ref)
    problems.push({
      kind: 'stale',
      path: at('questionnaire'),
      key: 'questionnaire',
      message: `translates ${translation.questionnaire}, but the questionnaire is ${model.ref}: check every entry, then write questionnaire: ${model.ref}`,
    });
  if (model.description !== undefined && translation.description === undefined)
    problems.push({ kind: 'missing', path: [], key: 'description', message: 'the questionnaire has a description, and the translation has none' });

  /** Unknown keys of a group, each with the closest known key. */
  const unknown = (group: string, present: Record<string, unknown>, known: string[], what: string) => {
    for (const key of Object.keys(present))
      if (!known.includes(key)) {
        const best = closest(key, known);
        problems.push({ kind: 'unknown', path: at(group, key), key: `${group}.${key}`, message: `${what} "${key}" is not in ${model.ref}${best ? `; did you mean "${best}"?` : ''}` });
      }
  };
  /** Missing or stale, by the entry's `source`. */
  const entry = (group: string, id: string, present: { source?: string | undefined } | undefined, english: string, what: string): boolean => {
    const hash = sourceHash(digest, english);
    if (!present) {
      problems.push({ kind: 'missing', path: at(group), key: `${group}.${id}`, message: `${what} "${id}" has no translation`, source: hash });
      return false;
    }
    if (present.source === undefined)
      problems.push({ kind: 'stale', path: at(group, id), key: `${group}.${id}`, message: `${what} "${id}" has no source: add source: ${hash} once it matches the English`, source: hash });
    else if (present.source !== hash)
      problems.push({
        kind: 'stale',
        path: at(group, id, 'source'),
        key: `${group}.${id}`,
        message: `${what} "${id}" was translated from English that has changed since (source ${present.source}, now ${hash})`,
        source: hash,
      });
    return true;
  };

  for (const section of model.sections) {
    const st = translation.sections[section.id];
    if (entry('sections', section.id, st, sectionSourceText(section), 'section') && section.description !== undefined && st!.description === undefined)
      problems.push({
        kind: 'missing',
        path: at('sections', section.id),
        key: `sections.${section.id}.description`,
        message: `section "${section.id}" has a description, and its translation has none`,
      });
  }
  unknown(
    'sections',
    translation.sections,
    model.sections.map((s) => s.id),
    'section',
  );

  const fields = translatableFields(model);
  for (const field of fields) {
    const qt = translation.questions[field.key];
    if (!entry('questions', field.key, qt, fieldSourceText(field), field.key.split('.').length > 2 ? 'field' : 'question')) continue;
    const here = (what: string) => ({ kind: 'missing' as const, path: at('questions', field.key), key: `questions.${field.key}.${what}` });
    if (field.help !== undefined && qt!.help === undefined) problems.push({ ...here('help'), message: `"${field.key}" has help, and its translation has none` });
    if (typeof field.example === 'string' && qt!.example === undefined) problems.push({ ...here('example'), message: `"${field.key}" has an example, and its translation has none` });
    if (field.help === undefined && qt!.help !== undefined)
      problems.push({ kind: 'unknown', path: at('questions', field.key, 'help'), key: `questions.${field.key}.help`, message: `"${field.key}" has no help in English to translate` });
    const values = field.choices?.map((c) => c.value) ?? [];
    for (const c of field.choices ?? []) {
      const ct = qt!.choices?.[c.value];
      if (ct === undefined)
        problems.push({
          kind: 'missing',
          path: at('questions', field.key, ...(qt!.choices ? ['choices'] : [])),
          key: `questions.${field.key}.choices.${c.value}`,
          message: `choice "${c.value}" of "${field.key}" has no translation`,
        });
      else if (c.help !== undefined && (typeof ct === 'string' || ct.help === undefined))
        problems.push({
          kind: 'missing',
          path: at('questions', field.key, 'choices', c.value),
          key: `questions.${field.key}.choices.${c.value}.help`,
          message: `choice "${c.value}" of "${field.key}" has help, and its translation has none`,
        });
    }
    for (const value of Object.keys(qt!.choices ?? {}))
      if (!values.includes(value)) {
        const best = closest(value, values);
        problems.push({
          kind: 'unknown',
          path: at('questions', field.key, 'choices', value),
          key: `questions.${field.key}.choices.${value}`,
          message: values.length ? `"${field.key}" has no choice "${value}"${best ? `; did you mean "${best}"?` : ''}` : `"${field.key}" has no choices to translate`,
        });
      }
  }
  unknown(
    'questions',
    translation.questions,
    fields.map((f) => f.key),
    'question',
  );

  for (const c of model.computed) {
    const ct = translation.computed[c.id];
    if (!entry('computed', c.id, ct, computedSourceText(c), 'computed value')) continue;
    const values = c.values.map((v) => v.value);
    for (const v of values)
      if (ct!.values?.[v] === undefined) problems.push({ kind: 'missing', path: at('computed', c.id), key: `computed.${c.id}.values.${v}`, message: `value "${v}" of "${c.id}" has no translation` });
    for (const v of Object.keys(ct!.values ?? {}))
      if (!values.includes(v)) {
        const best = closest(v, values);
        problems.push({
          kind: 'unknown',
          path: at('computed', c.id, 'values', v),
          key: `computed.${c.id}.values.${v}`,
          message: `"${c.id}" has no value "${v}"${best ? `; did you mean "${best}"?` : ''}`,
        });
      }
  }
  unknown(
    'computed',
    translation.computed,
    model.computed.map((c) => c.id),
    'computed value',
  );

  for (const r of model.rules) {
    const rt = translation.rules[r.id];
    if (!entry('rules', r.id, rt, ruleSourceText(r), 'rule')) continue;
    if (r.help !== undefined && rt!.help === undefined)
      problems.push({ kind: 'missing', path: at('rules', r.id), key: `rules.${r.id}.help`, message: `rule "${r.id}" has help, and its translation has none` });
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    const want = placeholders(r.message).join(',');
    if (placeholders(rt!.message).join(',') !== want)
      problems.push({
        kind: 'stale',
        path: at('rules', r.id, 'message'),
        key: `rules.${r.id}.message`,
        message: want
          ? `the message of rule "${r.id}" must keep the placeholders {${want.split(',').join('}, {')}} as they are`
          : `the message of rule "${r.id}" has placeholders the English does not`,
      });
  }
  unknown(
    'rules',
    translation.rules,
    model.rules.map((r) => r.id),
    'rule',
  );
  return problems;
}
