// How a questionnaire version says, as data, how statements of the version before it become
// statements of this one. Steps run in order; each names answers by path (`section.question`,
// `section.list.*.field` for a field of every entry). Nothing here is code.
import { z } from 'zod';

const segment = /^(?:x-)?[a-z][a-z0-9_-]*$/;
/** `section.question`, `section.list.*.field`: ids, and `*` for every entry of a list. */
export const answerPath = z.string().refine((p) => p.split('.').every((s, i) => (s === '*' ? i > 0 : segment.test(s))) && p.split('.').length >= 2, {
  message: 'a path is section.question, or section.list.*.field for a field of every entry',
});

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const migrationStepSchema = z.union([
  /** Moves an answer to a new key or place; `*` entries stay the same entries. */
  z.strictObject({ rename: z.strictObject({ from: answerPath, to: answerPath }) }),
  /** Maps choice values (in a choice answer, or in each item of a multi-choice answer). */
  z.strictObject({ values: z.strictObject({ at: answerPath, map: z.record(z.string(), z.string()) }) }),
  /** Gives an answer that is missing a default (never replaces one). */
  z.strictObject({ add: z.strictObject({ at: answerPath, value: z.union([scalar, z.array(scalar)]) }) }),
  /** A choice becomes a multi-choice: a single answer becomes a list of one. */
  z.strictObject({ wrap: z.strictObject({ at: answerPath }) }),
  /** Takes a question away: its answer is kept beside it under `x-<key>`, never deleted. */
  z.strictObject({ drop: z.strictObject({ at: answerPath }) }),
  /** One question becomes several: each starts with the old answer, for the author to edit. */
  z.strictObject({ split: z.strictObject({ from: answerPath, into: z.array(answerPath).min(2) }) }),
  /** Several questions become one: their answers are joined, in order, with a blank line between texts. */
  z.strictObject({ merge: z.strictObject({ from: z.array(answerPath).min(2), into: answerPath }) }),
]);

export type MigrationStep = z.output<typeof migrationStepSchema>;

export const previousVersionSchema = z.strictObject({
  version: z.number().int().min(1),
  /** The previous version's questionnaire file, relative to this one: statements pinned to it are still checked against it. */
  file: z.string().min(1),
  migrate: z.array(migrationStepSchema).default([]),
});

export type PreviousVersion = z.output<typeof previousVersionSchema>;

/** A step's kind and what it says, for messages. */
export function describeStep(step: MigrationStep): string {
  if ('rename' in step) return `moved ${step.rename.from} to ${step.rename.to}`;
  if ('values' in step)
    return `changed the values of ${step.values.at} (${Object.entries(step.values.map)
      .map(([a, b]) => `${a} -> ${b}`)
      .join(', ')})`;
  if ('add' in step) return `gave ${step.add.at} the default ${JSON.stringify(step.add.value)}`;
  if ('wrap' in step) return `made ${step.wrap.at} a list`;
  if ('drop' in step) return `kept the answer of ${step.drop.at}, a question no longer asked, under x-${step.drop.at.split('.').at(-1)}`;
  if ('split' in step) return `copied ${step.split.from} into ${step.split.into.join(' and ')}`;
  return `joined ${step.merge.from.join(' and ')} into ${step.merge.into}`;
}
