// The changes a reviewer should see first: the statement deleted, or what the rules in
// concern-rules.ts find, in the table's order. Pure.
import type { Questionnaire } from '../questionnaire/model.js';
import type { Concern } from './types.js';
import { CONCERN_RULES, type Versions } from './concern-rules.js';

export interface ConcernInput {
  before?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
  computedBefore: Record<string, string>;
  computedAfter: Record<string, string>;
  today: string;
}

export function findConcerns(model: Questionnaire, input: ConcernInput): Concern[] {
  const { before, after } = input;
  if (!after) return [{ kind: 'statement-deleted', message: 'The statement was deleted.' }];
  const versions: Versions = { model, before, old: before ?? {}, after, computedBefore: input.computedBefore, computedAfter: input.computedAfter, today: input.today };
  const concerns: Concern[] = [];
  // One at a time: a list of many entries gives many concerns, too many to spread as arguments.
  for (const rule of CONCERN_RULES) for (const c of rule.detect(versions)) concerns.push(c);
  return concerns;
}
