// The one way into a condition tree. Evaluating a condition, checking the names it uses, putting
// it in words and finding its tests all take a condition apart the same way; they do it here, so
// that a new kind of condition is added in one place and every reader of conditions meets it.
import type { Condition } from './format.js';

/** A test on one value: an answer, a field of the current list entry or a computed value. */
export type ConditionTest = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition } | { referencedBy: string }>;

/** A condition that is not made of others: a test, or `referencedBy`. */
export type ConditionLeaf = ConditionTest | { referencedBy: string };

export type ConditionPath = Array<string | number>;

/**
 * What to do with each kind of condition. `arg` is passed through unchanged, so that a walker with
 * context (the answers) can use one set of cases made once, rather than new closures per call:
 * conditions are evaluated for every entry of every statement.
 */
export interface ConditionCases<T, A = undefined> {
  /** No condition (undefined), or `true`/`false` written in place of one. */
  constant(value: boolean | undefined, arg: A): T;
  all(conditions: Condition[], arg: A): T;
  any(conditions: Condition[], arg: A): T;
  not(condition: Condition, arg: A): T;
  referencedBy(cond: { referencedBy: string }, arg: A): T;
  test(test: ConditionTest, arg: A): T;
}

/** Calls the case for this condition's kind; walkers recurse by matching the parts again. */
export function matchCondition<T, A>(cond: Condition | boolean | undefined, cases: ConditionCases<T, A>, arg: A): T {
  if (cond === undefined || typeof cond === 'boolean') return cases.constant(cond, arg);
  if ('all' in cond) return cases.all(cond.all, arg);
  if ('any' in cond) return cases.any(cond.any, arg);
  if ('not' in cond) return cases.not(cond.not, arg);
  if ('referencedBy' in cond) return cases.referencedBy(cond, arg);
  return cases.test(cond, arg);
}

/**
 * Calls `visit` on every leaf of a condition, through `all`, `any` and `not`, with its path from
 * the condition (`['all', 0, 'not']`) and whether a `not` is above it. It does not go into a test's
 * `some`: that condition is about each entry of a list, and the caller decides what that means.
 */
export function forEachLeaf(cond: Condition | boolean | undefined, visit: (leaf: ConditionLeaf, path: ConditionPath, negated: boolean) => void, path: ConditionPath = [], negated = false): void {
  matchCondition(
    cond,
    {
      constant: () => undefined,
      all: (conds) => {
        for (const [i, c] of conds.entries()) forEachLeaf(c, visit, [...path, 'all', i], negated);
      },
      any: (conds) => {
        for (const [i, c] of conds.entries()) forEachLeaf(c, visit, [...path, 'any', i], negated);
      },
      not: (c) => forEachLeaf(c, visit, [...path, 'not'], true),
      referencedBy: (leaf) => visit(leaf, path, negated),
      test: (test) => visit(test, path, negated),
    },
    undefined,
  );
}

/** Every leaf of a condition (not inside a test's `some`). */
export function leaves(cond: Condition | boolean | undefined): ConditionLeaf[] {
  const found: ConditionLeaf[] = [];
  forEachLeaf(cond, (leaf) => found.push(leaf));
  return found;
}

/** The leaves that must hold for the condition to hold: those under a `not` are left out. */
export function affirmedLeaves(cond: Condition | boolean | undefined): ConditionLeaf[] {
  const found: ConditionLeaf[] = [];
  forEachLeaf(cond, (leaf, _path, negated) => negated || found.push(leaf));
  return found;
}
