// Whether a statement says it is approved (its status), which approval.ts holds to the sign-offs. Pure.
import type { Questionnaire } from '../questionnaire/model.js';
import { isPlainObject } from '../questionnaire/answers.js';
import { computeValues, holds } from '../questionnaire/conditions.js';
import { approvedCondition } from './conventions.js';

/** True when the statement says it is approved (by the questionnaire's own definition). */
export function isApproved(model: Questionnaire, data: unknown, today: string): boolean {
  const cond = approvedCondition(model);
  if (!cond || !isPlainObject(data)) return false;
  return holds(cond, { model, answers: data, computed: computeValues(model, data, today), today });
}
