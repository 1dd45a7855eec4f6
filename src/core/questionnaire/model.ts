// The compiled questionnaire: the one description that the interview, the checker, the renderer,
// the diff and the JSON Schema all read. Compiling resolves references and indexes questions.
import type { Condition, QuestionnaireInput, FieldInput, ComputedInput, RuleInput } from './format.js';
import type { PreviousVersion } from './migration-format.js';
import { placeholderSearch, type PlaceholderSearch } from './placeholders.js';
import { forEachLeaf, type ConditionLeaf } from './condition-visitor.js';

export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };
export type Answers = Record<string, unknown>;

export interface Field extends Omit<FieldInput, 'fields'> {
  /** `section.question`, or `section.question.field` for a field of a list entry. */
  key: string;
  sectionId: string;
  fields?: Field[] | undefined;
  /** Where the choices came from, when the question names a vocabulary (vocabularies.ts). */
  choicesFrom?: ChoicesFrom | undefined;
}

/** Where a question's choices came from, for `eis questions` (see vocabularies.ts). */
export interface ChoicesFrom {
  vocabulary: string;
  /** `config`: the config's list; `questionnaire`: the question's own default choices. */
  from: 'config' | 'questionnaire';
  file?: string | undefined;
}

export interface Section {
  id: string;
  title: string;
  description?: string | undefined;
  required: boolean | Condition;
  when?: Condition | undefined;
  questions: Field[];
}

export interface Questionnaire {
  id: string;
  version: number;
  /** `id@version`, as pinned in statements. */
  ref: string;
  title: string;
  description?: string | undefined;
  placeholders: Set<string>;
  /** Finds the placeholders that count inside a longer answer too (TBD, N/A, ??...); see answers.ts. */
  placeholderSearch: PlaceholderSearch | undefined;
  /** Questions with a part to play in reports (`section.question`); see roles in the format docs. */
  roles: { title?: string | undefined; status?: string | undefined; summary?: string | undefined };
  computed: ComputedInput[];
  sections: Section[];
  rules: RuleInput[];
  /** Every top-level question by `section.question`. */
  questions: Map<string, Field>;
  /** Where the questionnaire came from: `builtin:<id>` or a file path. */
  source: string;
  /** The language of its texts, when a translation gave them (translate.ts); English otherwise. */
  language?: string | undefined;
  /** The version before this one, and the steps that migrate its statements (loaded by the registry). */
  previous?: PreviousVersion | undefined;
}

export interface ModelProblem {
  path: Array<string | number>;
  message: string;
}

export function compileQuestionnaire(input: QuestionnaireInput, source: string): Questionnaire {
  const questions = new Map<string, Field>();
  const sections: Section[] = input.sections.map((section) => ({
    id: section.id,
    title: section.title,
    description: section.description,
    required: section.required,
    when: section.when,
    questions: section.questions.map((q) => {
      const key = `${section.id}.${q.id}`;
      const field: Field = {
        ...q,
        key,
        sectionId: section.id,
        fields: q.fields?.map((f) => ({ ...f, key: `${key}.${f.id}`, sectionId: section.id })),
      };
      questions.set(key, field);
      return field;
    }),
  }));
  return {
    id: input.id,
    version: input.version,
    ref: `${input.id}@${input.version}`,
    title: input.title,
    description: input.description,
    placeholders: new Set(input.placeholders.map((p) => p.trim().toLowerCase())),
    placeholderSearch: placeholderSearch(input.placeholders),
    roles: { ...defaultRoles(sections), ...input.roles },
    computed: input.computed,
    sections,
    rules: input.rules,
    questions,
    source,
    previous: input.previous,
  };
}

/** Without `roles`, the first text question names the statement and a question called status gives its status. */
function defaultRoles(sections: Section[]): Questionnaire['roles'] {
  const all = sections.flatMap((s) => s.questions);
  return {
    title: all.find((q) => q.type === 'text')?.key,
    status: all.find((q) => q.id === 'status' && q.type === 'choice')?.key,
  };
}

/** Checks what the zod schema cannot: that every name a questionnaire uses points at something real. */
export function findModelProblems(model: Questionnaire): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const computedIds = new Set(model.computed.map((c) => c.id));
  const seenSections = new Set<string>();

  const checkCondition = (cond: Condition | boolean | undefined, path: Array<string | number>, entryOf?: Field) => forEachLeaf(cond, (leaf, at) => checkLeaf(leaf, [...path, ...at], entryOf));

  const checkLeaf = (cond: ConditionLeaf, path: Array<string | number>, entryOf?: Field) => {
    if ('referencedBy' in cond) {
      const [s, q, f] = cond.referencedBy.split('.');
      const list = model.questions.get(`${s}.${q}`);
      const ref = list?.fields?.find((x) => x.id === f);
      if (!entryOf) problems.push({ path: [...path, 'referencedBy'], message: 'referencedBy can only be used inside a list entry (in `fields` or a rule with `each`)' });
      else if (ref?.type !== 'reference') problems.push({ path: [...path, 'referencedBy'], message: `"${cond.referencedBy}" is not a reference field of a list (write section.list.field)` });
      return;
    }
    if (cond.question !== undefined) {
      const q = model.questions.get(cond.question);
      if (!q) problems.push({ path: [...path, 'question'], message: `condition names question "${cond.question}", which does not exist${suggest(cond.question, [...model.questions.keys()])}` });
      else if (cond.some) {
        if (q.type !== 'list') problems.push({ path: [...path, 'some'], message: `"some" needs a list question, and "${cond.question}" is ${q.type}` });
        else checkCondition(cond.some, [...path, 'some'], q);
      }
    }
    if (cond.field !== undefined) {
      if (!entryOf) problems.push({ path: [...path, 'field'], message: '"field" can only be used inside a list entry (in `fields` or a rule with `each`)' });
      else if (!entryOf.fields?.some((f) => f.id === cond.field) && cond.field !== 'id')
        problems.push({
          path: [...path, 'field'],
          message: `condition names field "${cond.field}", which "${entryOf.key}" does not have${suggest(cond.field, entryOf.fields?.map((f) => f.id) ?? [])}`,
        });
    }
    if (cond.computed !== undefined && !computedIds.has(cond.computed))
      problems.push({ path: [...path, 'computed'], message: `condition names computed value "${cond.computed}", which does not exist${suggest(cond.computed, [...computedIds])}` });
    for (const date of [cond.before, cond.after]) {
      if (date !== undefined && date !== 'today' && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        problems.push({ path: [...path, cond.before === date ? 'before' : 'after'], message: `"${date}" is not a date: write YYYY-MM-DD or today` });
    }
  };

  const checkField = (field: Field, path: Array<string | number>, entryOf?: Field) => {
    if ((field.type === 'choice' || field.type === 'multi-choice') && !field.choices) problems.push({ path: [...path, 'choices'], message: `a ${field.type} question needs a list of choices` });
    if (field.vocabulary !== undefined && !['text', 'choice', 'multi-choice'].includes(field.type))
      problems.push({ path: [...path, 'vocabulary'], message: `a vocabulary gives the choices of a text, choice or multi-choice question, and this one is ${field.type}` });
    if (field.choices?.some((c) => c.keep) && field.vocabulary === undefined)
      problems.push({ path: [...path, 'choices'], message: '"keep" marks a choice that stays when a vocabulary replaces the others, and this question has no vocabulary' });
    if (field.type === 'list' && !field.fields) problems.push({ path: [...path, 'fields'], message: 'a list question needs the fields of its entries' });
    if (field.type !== 'list' && field.fields) problems.push({ path: [...path, 'fields'], message: 'only list questions have fields' });
    if (field.type === 'list' && field.labelField && !field.fields?.some((f) => f.id === field.labelField))
      problems.push({ path: [...path, 'labelField'], message: `labelField "${field.labelField}" is not one of this list's fields` });
    if (field.severityOrder) {
      const values = new Set(field.choices?.map((c) => c.value));
      const seen = new Set<string>();
      if (field.type !== 'choice') problems.push({ path: [...path, 'severityOrder'], message: `severityOrder orders the values of a choice question, and this one is ${field.type}` });
      else
        field.severityOrder.forEach((v, i) => {
          if (!values.has(v)) problems.push({ path: [...path, 'severityOrder', i], message: `"${v}" is not one of this question's choices${suggest(v, values)}` });
          else if (seen.has(v)) problems.push({ path: [...path, 'severityOrder', i], message: `"${v}" is listed twice` });
          seen.add(v);
        });
    }
    if (field.type === 'reference') {
      const target = field.to ? model.questions.get(field.to) : undefined;
      if (target?.type !== 'list')
        problems.push({ path: [...path, 'to'], message: `a reference names the list it points into with "to: section.question"${field.to ? `; "${field.to}" is not a list question` : ''}` });
    }
    const seen = new Set<string>();
    field.fields?.forEach((f, i) => {
      if (f.id === 'id') problems.push({ path: [...path, 'fields', i, 'id'], message: '"id" is reserved: every list entry has one already' });
      if (seen.has(f.id)) problems.push({ path: [...path, 'fields', i, 'id'], message: `field id "${f.id}" is used twice in this list` });
      seen.add(f.id);
      checkField(f, [...path, 'fields', i], field);
    });
    checkCondition(field.required, [...path, 'required'], entryOf);
    checkCondition(field.when, [...path, 'when'], entryOf);
  };

  model.sections.forEach((section, si) => {
    if (seenSections.has(section.id)) problems.push({ path: ['sections', si, 'id'], message: `section id "${section.id}" is used twice` });
    seenSections.add(section.id);
    if (['eis', 'questionnaire', 'language', 'migrated'].includes(section.id)) problems.push({ path: ['sections', si, 'id'], message: `"${section.id}" is reserved for the statement's header` });
    checkCondition(section.required, ['sections', si, 'required']);
    checkCondition(section.when, ['sections', si, 'when']);
    const seen = new Set<string>();
    section.questions.forEach((q, qi) => {
      if (seen.has(q.id)) problems.push({ path: ['sections', si, 'questions', qi, 'id'], message: `question id "${q.id}" is used twice in section "${section.id}"` });
      seen.add(q.id);
      checkField(q, ['sections', si, 'questions', qi]);
    });
  });
  for (const [role, key] of Object.entries(model.roles))
    if (key !== undefined && !model.questions.has(key))
      problems.push({ path: ['roles', role], message: `role "${role}" names question "${key}", which does not exist${suggest(key, [...model.questions.keys()])}` });
  model.computed.forEach((c, ci) => {
    const values = new Set(c.values.map((v) => v.value));
    c.cases.forEach((k, ki) => {
      checkCondition(k.when, ['computed', ci, 'cases', ki, 'when']);
      if (!values.has(k.value)) problems.push({ path: ['computed', ci, 'cases', ki, 'value'], message: `"${k.value}" is not one of this computed value's values` });
    });
    if (!values.has(c.otherwise)) problems.push({ path: ['computed', ci, 'otherwise'], message: `"${c.otherwise}" is not one of this computed value's values` });
  });
  model.rules.forEach((rule, ri) => {
    let entryOf: Field | undefined;
    if (rule.each !== undefined) {
      entryOf = model.questions.get(rule.each);
      if (entryOf?.type !== 'list') problems.push({ path: ['rules', ri, 'each'], message: `"each" names a list question; "${rule.each}" is not one` });
    }
    if (rule.at !== undefined && !model.questions.has(rule.at)) problems.push({ path: ['rules', ri, 'at'], message: `"at" names question "${rule.at}", which does not exist` });
    checkCondition(rule.when, ['rules', ri, 'when']);
    checkCondition(rule.where, ['rules', ri, 'where'], entryOf);
    checkCondition(rule.require, ['rules', ri, 'require'], entryOf);
  });
  return problems;
}

/** ", did you mean "x"?" for the closest candidate, or nothing when none is close. */
export function suggest(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates);
  return best ? `; did you mean "${best}"?` : '';
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  // Indexes 0 to b.length, all of them in row.
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(tmp + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
