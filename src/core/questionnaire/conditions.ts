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
  /**
   * The ids each `section.list.field` refers to, filled as `referencedBy` asks: it is asked for
   * every entry of a list, and scanning the other list each time made checking quadratic in list
   * sizes (30,000 populations and actions did not finish). Shared by a context and its entry
   * contexts, so it must not outlive the answers it was built from; without it each test scans.
   */
  references?: Map<string, Set<string>> | undefined;
}

/** The context inside a list entry. Written out rather than spread: conditions run for every entry of every statement. */
export function entryContext(ctx: ConditionContext, entry: Entry): ConditionContext {
  return { model: ctx.model, answers: ctx.answers, computed: ctx.computed, entry, today: ctx.today, references: ctx.references };
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
  let ids = ctx.references?.get(path);
  if (!ids) {
    ids = referencedIds(path, ctx.answers);
    ctx.references?.set(path, ids);
  }
  return ids.has(id);
}

/** Every id that the entries of `section.list` name in `field`, alone or in a list. */
function referencedIds(path: string, answers: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  const [sectionId, listId, fieldId] = path.split('.');
  if (fieldId === undefined) return ids;
  for (const entry of entriesOf(getAnswer(answers, `${sectionId}.${listId}`))) {
    const ref = entry[fieldId];
    if (typeof ref === 'string') ids.add(ref);
    else if (Array.isArray(ref)) for (const r of ref) if (typeof r === 'string') ids.add(r);
  }
  return ids;
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
