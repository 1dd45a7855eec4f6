// The questionnaire file format, as a zod schema. A questionnaire is data only: conditions are
// small JSON-like trees interpreted by conditions.ts, never code.
import { z } from 'zod';
import { previousVersionSchema } from './migration-format.js';

const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'ids are lowercase letters, digits, "-" and "_", starting with a letter');

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A reference to a value a condition tests: exactly one of question, field or computed. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({
      /** `section.question`, an answer anywhere in the statement. */
      question?: string;
      /** A sibling field inside the same list entry (only inside list entries and `each` rules). */
      field?: string;
      /** A computed value, such as the screening level. */
      computed?: string;
    } & Test)
  | { referencedBy: string };

export interface Test {
  equals?: string | number | boolean;
  in?: Array<string | number | boolean>;
  includes?: string | number | boolean;
  includesAny?: Array<string | number | boolean>;
  answered?: boolean;
  before?: string;
  after?: string;
  some?: Condition;
}

const testShape = {
  equals: scalar.optional(),
  in: z.array(scalar).min(1).optional(),
  includes: scalar.optional(),
  includesAny: z.array(scalar).min(1).optional(),
  answered: z.boolean().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
};

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ referencedBy: z.string() }),
    z
      .strictObject({
        question: z.string().optional(),
        field: z.string().optional(),
        computed: z.string().optional(),
        ...testShape,
        some: conditionSchema.optional(),
      })
      .refine((c) => [c.question, c.field, c.computed].filter((v) => v !== undefined).length === 1, {
        message: 'a condition names exactly one of question, field or computed',
      })
      .refine((c) => ['equals', 'in', 'includes', 'includesAny', 'answered', 'before', 'after', 'some'].filter((k) => (c as Record<string, unknown>)[k] !== undefined).length === 1, {
        message: 'a condition makes exactly one test: equals, in, includes, includesAny, answered, before, after or some',
      }),
  ]),
) as z.ZodType<Condition>;

const choice = z.union([
  z.string().transform((value) => ({ value, label: value, help: undefined as string | undefined })),
  z.strictObject({
    value: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    label: z.string(),
    help: z.string().optional(),
    /** Stays when a config vocabulary replaces the question's other choices (for "other", "none"). */
    keep: z.boolean().optional(),
  }),
]);

/** The name of an agency list in the config (`vocabularies.NAME`, or `disaggregation`). */
export const vocabularyName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'vocabulary names are lowercase letters, digits and "-"');

export const answerTypes = ['text', 'markdown', 'choice', 'multi-choice', 'yes-no', 'date', 'number', 'list', 'reference'] as const;
export type AnswerType = (typeof answerTypes)[number];

const questionBase = {
  id,
  label: z.string().min(1),
  help: z.string().optional(),
  example: z.union([z.string(), z.number(), z.boolean()]).optional(),
  type: z.enum(answerTypes),
  required: z.union([z.boolean(), conditionSchema]).default(false),
  when: conditionSchema.optional(),
  choices: z.array(choice).min(1).optional(),
  /**
   * text, choice or multi-choice: an agency list from the config (`vocabularies.NAME`) that gives
   * this question's choices when the config defines it; `choices` are the default. See
   * docs/config.md#vocabularies-the-agencys-own-lists.
   */
  vocabulary: vocabularyName.optional(),
  /** choice: its values from the least to the most serious, when the display order is not that order. */
  severityOrder: z.array(z.string()).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** reference: `section.list` whose entries can be referenced; multiple allows several. */
  to: z.string().optional(),
  multiple: z.boolean().optional(),
  /** list: the field whose answer names an entry (and from which its id is made). */
  labelField: z.string().optional(),
  /** list: the least number of entries a required list must have. */
  minEntries: z.number().int().min(0).optional(),
};

export interface FieldInput {
  id: string;
  label: string;
  help?: string | undefined;
  example?: string | number | boolean | undefined;
  type: AnswerType;
  required: boolean | Condition;
  when?: Condition | undefined;
  choices?: Array<{ value: string; label: string; help?: string | undefined; keep?: boolean | undefined }> | undefined;
  vocabulary?: string | undefined;
  severityOrder?: string[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  to?: string | undefined;
  multiple?: boolean | undefined;
  labelField?: string | undefined;
  minEntries?: number | undefined;
  fields?: FieldInput[] | undefined;
}

const fieldSchema = z.strictObject(questionBase);
export const questionSchema = z.strictObject({
  ...questionBase,
  fields: z.array(fieldSchema).min(1).optional(),
});

export const sectionSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().optional(),
  /** Whether this section's required questions count (e.g. only for some levels). */
  required: z.union([z.boolean(), conditionSchema]).default(true),
  when: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1),
});

export const computedSchema = z.strictObject({
  id,
  label: z.string(),
  help: z.string().optional(),
  /** The first case whose condition holds gives the value. */
  cases: z.array(z.strictObject({ value: z.string(), when: conditionSchema, because: z.string().optional() })).min(1),
  otherwise: z.string(),
  values: z.array(choice).min(1),
});

export const ruleSchema = z.strictObject({
  id,
  severity: z.enum(['error', 'warning', 'off']).default('error'),
  message: z.string().min(1),
  help: z.string().optional(),
  /** Only check the rule when this holds. */
  when: conditionSchema.optional(),
  /** Check every entry of this list (`section.question`) ... */
  each: z.string().optional(),
  /** ... that matches this condition (fields of the entry via `field`). */
  where: conditionSchema.optional(),
  /** The condition that must hold; a finding when it does not. */
  require: conditionSchema,
  /** Where to point when the rule is not about one entry: `section.question`. */
  at: z.string().optional(),
});

export const questionnaireSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: z.number().int().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  /** Answers that do not count as answers: whole answers in any case; inside longer text, see answers.ts placeholderSearch. */
  placeholders: z.array(z.string()).default(['TBD', 'TBA', 'N/A', 'NA', 'TODO', '?', '??', '???', '-', '...', 'XXX']),
  /** Which questions play a part every statement has: its title, status and summary (`section.question`). */
  roles: z.strictObject({ title: z.string().optional(), status: z.string().optional(), summary: z.string().optional() }).default({}),
  computed: z.array(computedSchema).default([]),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(ruleSchema).default([]),
  /** The version before this one, and how its statements become statements of this one (docs/questionnaire-format.md#migrations). */
  previous: previousVersionSchema.optional(),
});

export type QuestionnaireInput = z.output<typeof questionnaireSchema>;
export type SectionInput = z.output<typeof sectionSchema>;
export type QuestionInput = z.output<typeof questionSchema>;
export type RuleInput = z.output<typeof ruleSchema>;
export type ComputedInput = z.output<typeof computedSchema>;
