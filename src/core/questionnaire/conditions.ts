// Interprets the data-only conditions of a questionnaire. Nothing here evaluates code: a condition
// is a tree of tests on answers, entry fields and computed values.
import type { Condition } from './format.js';
import type { Questionnaire } from './model.js';
import { matchCondition, type ConditionCases, type ConditionTest } from './condition-visitor.js';
import { entriesOf, getAnswer, isAnswered, type Entry } from './answers.js';

export interface ConditionContext {
  model: Questionnaire;
  answers: Record<string, unknown>;
  computed: Record<string, string>;
  /** The list entry a `field` test reads, inside list entries and `each` rules. */
  entry?: Entry | undefined;
  /** Today as YYYY-MM-DD, injected so that results do not depend on the clock. */
  today: string;
}

/** The context inside a list entry. Written out rather than spread: conditions run for every entry of every statement. */
export function entryContext(ctx: ConditionContext, entry: Entry): ConditionContext {
  return { model: ctx.model, answers: ctx.answers, computed: ctx.computed, entry, today: ctx.today };
}

export function holds(cond: Condition | boolean | undefined, ctx: ConditionContext): boolean {
  return matchCondition(cond, evaluate, ctx);
}

/** Made once: holds runs for every condition of every entry of every statement. */
const evaluate: ConditionCases<boolean, ConditionContext> = {
  constant: (value) => value ?? true,
  all: (conds, ctx) => conds.every((c) => holds(c, ctx)),
  any: (conds, ctx) => conds.some((c) => holds(c, ctx)),
  not: (cond, ctx) => !holds(cond, ctx),
  referencedBy: (cond, ctx) => isReferenced(cond.referencedBy, ctx),
  test: passes,
};

function passes(cond: ConditionTest, ctx: ConditionContext): boolean {
  let value: unknown;
  if (cond.question !== undefined) value = getAnswer(ctx.answers, cond.question);
  else if (cond.field !== undefined) value = ctx.entry?.[cond.field];
  else if (cond.computed !== undefined) value = ctx.computed[cond.computed];

  if (cond.answered !== undefined) return isAnswered(ctx.model, value) === cond.answered;
  if (cond.equals !== undefined) return same(value, cond.equals);
  if (cond.in !== undefined) return cond.in.some((v) => same(value, v));
  if (cond.includes !== undefined) return Array.isArray(value) && value.some((v) => same(v, cond.includes!));
  if (cond.includesAny !== undefined) return Array.isArray(value) && value.some((v) => cond.includesAny!.some((w) => same(v, w)));
  if (cond.before !== undefined || cond.after !== undefined) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const limit = (cond.before ?? cond.after)!.replace('today', ctx.today);
    return cond.before !== undefined ? value < limit : value > limit;
  }
  if (cond.some !== undefined) return entriesOf(value).some((entry) => holds(cond.some, entryContext(ctx, entry)));
  return false;
}

/** yes/no answers may be written as yes/no or true/false; compare them as booleans. */
function same(value: unknown, expected: unknown): boolean {
  return normalize(value) === normalize(expected);
}

function normalize(value: unknown): unknown {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return value;
}

/** True when some entry of `section.list` has `field` pointing at the current entry's id. */
function isReferenced(path: string, ctx: ConditionContext): boolean {
  const id = ctx.entry?.id;
  if (typeof id !== 'string') return false;
  const [sectionId, listId, fieldId] = path.split('.');
  if (fieldId === undefined) return false;
  return entriesOf(getAnswer(ctx.answers, `${sectionId}.${listId}`)).some((entry) => {
    const ref = entry[fieldId];
    return ref === id || (Array.isArray(ref) && ref.includes(id));
  });
}

/** Every computed value (the screening level) for these answers. */
export function computeValues(model: Questionnaire, answers: Record<string, unknown>, today: string): Record<string, string> {
  const computed: Record<string, string> = {};
  for (const c of model.computed) {
    const ctx: ConditionContext = { model, answers, computed, today };
    computed[c.id] = c.cases.find((k) => holds(k.when, ctx))?.value ?? c.otherwise;
  }
  return computed;
}
