// The zod schema of a statement for a questionnaire: types and shapes only. Every answer may be
// missing or empty here; completeness is a separate pass, so that a half-written statement still
// gets every type error at once.
import { z } from 'zod';
import type { Field, Questionnaire } from './model.js';
import { LANGUAGE_TAG } from './translation-format.js';

export const STATEMENT_FORMAT_VERSION = 1;
export const ENTRY_ID = /^[a-z0-9][a-z0-9_-]*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a day that exists (no 30 February). */
export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]!); // DATE takes months 01 to 12
}

function describe(schema: z.ZodType, field: Field): z.ZodType {
  const help = [field.label, field.help].filter(Boolean).join('. ');
  return schema.meta({ title: field.label, description: help, ...(field.example !== undefined ? { examples: [field.example] } : {}) });
}

function valueSchema(field: Field): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'markdown':
      return z.string();
    case 'choice':
      return z.enum(field.choices!.map((c) => c.value) as [string, ...string[]]);
    case 'multi-choice':
      return z.array(z.enum(field.choices!.map((c) => c.value) as [string, ...string[]]));
    case 'yes-no':
      return z.union([z.boolean(), z.enum(['yes', 'no'])]);
    case 'date':
      // abort: a date that is not written YYYY-MM-DD is one finding, not also "not a real date".
      return z.string().regex(DATE, { abort: true }).refine(isRealDate, { message: 'not a real date' });
    case 'number': {
      let n = z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'reference':
      return field.multiple ? z.array(z.string()) : z.string();
    case 'list': {
      const shape: Record<string, z.ZodType> = { id: z.string().regex(ENTRY_ID).meta({ title: 'Entry id', description: 'A stable slug naming this entry, used by references and diffs.' }) };
      for (const f of field.fields ?? []) shape[f.id] = optional(f);
      return z.array(z.strictObject(shape));
    }
  }
}

function optional(field: Field): z.ZodType {
  return describe(valueSchema(field), field).nullable().optional();
}

export function buildStatementSchema(model: Questionnaire) {
  const shape: Record<string, z.ZodType> = {
    eis: z.literal(STATEMENT_FORMAT_VERSION).meta({ description: 'Statement file format version.' }),
    questionnaire: z.string().meta({ description: `The questionnaire this statement answers, pinned as id@version (${model.ref}).` }),
    language: z.string().regex(LANGUAGE_TAG, 'a language tag such as en, es or pt-BR').optional().meta({
      description: 'The language the answers are written in, as a BCP 47 tag (en when left out). Rendered pages mark the answers with it, so that screen readers read them in the right voice.',
    }),
    migrated: z
      .array(z.strictObject({ from: z.string(), to: z.string(), date: z.string() }))
      .optional()
      .meta({ description: 'The migrations eis migrate ran on this statement, oldest first (written by eis).' }),
  };
  for (const section of model.sections) {
    const questions: Record<string, z.ZodType> = {};
    for (const q of section.questions) questions[q.id] = optional(q);
    shape[section.id] = z.strictObject(questions).nullable().optional().meta({ title: section.title, description: section.description });
  }
  return z.strictObject(shape).meta({ title: model.title, description: `Statement for the ${model.ref} questionnaire.` });
}

/** The field a statement path points into: [section, question, index?, field?]. */
export function fieldAt(model: Questionnaire, path: ReadonlyArray<PropertyKey>): Field | undefined {
  const question = model.questions.get(`${String(path[0])}.${String(path[1])}`);
  if (!question || path.length < 4 || question.type !== 'list') return question;
  return question.fields?.find((f) => f.id === String(path[3]));
}

/**
 * JSON Schema (draft 2020-12) of statements, for editors and other validators. Keys starting "x-"
 * are the documented way to keep notes of your own, so objects allow them.
 */
export function statementJsonSchema(model: Questionnaire): Record<string, unknown> {
  const schema = z.toJSONSchema(buildStatementSchema(model), { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const allowExtensions = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(allowExtensions);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'object' && obj.additionalProperties === false) obj.patternProperties = { '^x-': {} };
    Object.values(obj).forEach(allowExtensions);
  };
  allowExtensions(schema);
  return { ...schema, $id: `urn:eis:statement:${model.id}:${model.version}` };
}
