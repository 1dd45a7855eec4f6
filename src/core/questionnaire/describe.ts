// Conditions and questions in words, for `eis questions` and for people reading help.
import type { Condition } from './format.js';
import type { Field, Questionnaire } from './model.js';
import { matchCondition, type ConditionCases } from './condition-visitor.js';

const fmt = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : String(v));

export function describeCondition(cond: Condition | boolean | undefined): string {
  return matchCondition(cond, inWords, undefined);
}

const inWords: ConditionCases<string> = {
  constant: (value) => (value === false ? 'never' : 'always'),
  all: (conds) => conds.map((c) => wrap(c)).join(' and '),
  any: (conds) => conds.map((c) => wrap(c)).join(' or '),
  not: (cond) => `not (${describeCondition(cond)})`,
  referencedBy: (cond) => `referenced by ${cond.referencedBy}`,
  test: (cond) => {
    const subject = cond.question ?? (cond.field !== undefined ? `field ${cond.field}` : cond.computed);
    if (cond.answered !== undefined) return `${subject} is ${cond.answered ? '' : 'not '}answered`;
    if (cond.equals !== undefined) return `${subject} is ${fmt(cond.equals)}`;
    if (cond.in !== undefined) return `${subject} is one of ${fmt(cond.in)}`;
    if (cond.includes !== undefined) return `${subject} includes ${fmt(cond.includes)}`;
    if (cond.includesAny !== undefined) return `${subject} includes any of ${fmt(cond.includesAny)}`;
    if (cond.before !== undefined) return `${subject} is before ${cond.before}`;
    if (cond.after !== undefined) return `${subject} is after ${cond.after}`;
    if (cond.some !== undefined) return `some entry of ${subject} has ${describeCondition(cond.some)}`;
    return 'always';
  },
};

function wrap(cond: Condition): string {
  const text = describeCondition(cond);
  return 'all' in cond || 'any' in cond ? `(${text})` : text;
}

export interface DescribedField {
  key: string;
  id: string;
  label: string;
  type: string;
  required: string;
  when?: string;
  help?: string;
  example?: string | number | boolean;
  choices?: Array<{ value: string; label: string }>;
  /** Where the choices came from, for a question that takes an agency list. */
  choicesFrom?: { vocabulary: string; from: 'config' | 'questionnaire'; file?: string };
  to?: string;
  multiple?: boolean;
  fields?: DescribedField[];
}

function describeField(field: Field): DescribedField {
  return {
    key: field.key,
    id: field.id,
    label: field.label,
    type: field.type,
    required: describeCondition(field.required),
    ...(field.when ? { when: describeCondition(field.when) } : {}),
    ...(field.help ? { help: field.help } : {}),
    ...(field.example !== undefined ? { example: field.example } : {}),
    ...(field.choices ? { choices: field.choices.map(({ value, label }) => ({ value, label })) } : {}),
    ...(field.choicesFrom ? { choicesFrom: { vocabulary: field.choicesFrom.vocabulary, from: field.choicesFrom.from, ...(field.choicesFrom.file ? { file: field.choicesFrom.file } : {}) } } : {}),
    ...(field.to ? { to: field.to, multiple: Boolean(field.multiple) } : {}),
    ...(field.fields ? { fields: field.fields.map(describeField) } : {}),
  };
}

export function describeQuestionnaire(model: Questionnaire) {
  return {
    id: model.id,
    version: model.version,
    ref: model.ref,
    title: model.title,
    computed: model.computed.map((c) => ({
      id: c.id,
      label: c.label,
      values: c.values.map((v) => v.value),
      cases: c.cases.map((k) => ({ value: k.value, when: describeCondition(k.when) })),
      otherwise: c.otherwise,
    })),
    sections: model.sections.map((s) => ({
      id: s.id,
      title: s.title,
      required: describeCondition(s.required),
      ...(s.when ? { when: describeCondition(s.when) } : {}),
      questions: s.questions.map(describeField),
    })),
    rules: model.rules.map((r) => ({ id: r.id, severity: r.severity, message: r.message.replace(/\s+/g, ' ').trim() })),
  };
}
