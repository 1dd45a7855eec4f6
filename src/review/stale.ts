// A stale statement: approved, but the memo it covers changed since the approving sign-off. Pure:
// the caller hashes the memo; this compares it with what the sign-off recorded.
import type { Questionnaire } from '../questionnaire/model.js';
import { entriesOf, getAnswer, isPlainObject } from '../questionnaire/answers.js';
import { computeValues, holds } from '../questionnaire/conditions.js';
import type { RawFinding } from '../check/findings.js';
import { approvedCondition, signoffList } from './conventions.js';

export interface Approval {
  /** Where the sign-off entry is: section, list, index. */
  path: Array<string | number>;
  name?: string;
  date?: string;
  /** The memo hash recorded at sign-off, if any. */
  hash?: string;
}

/** True when the statement says it is approved (by the questionnaire's own definition). */
export function isApproved(model: Questionnaire, data: unknown, today: string): boolean {
  const cond = approvedCondition(model);
  if (!cond || !isPlainObject(data)) return false;
  return holds(cond, { model, answers: data, computed: computeValues(model, data, today), today });
}

/** The latest approving sign-off (by date, then by place in the list). */
export function latestApproval(model: Questionnaire, data: unknown): Approval | undefined {
  const list = signoffList(model);
  if (!list || !isPlainObject(data)) return undefined;
  const [section, question] = list.key.split('.');
  let best: Approval | undefined;
  entriesOf(getAnswer(data, list.key)).forEach((entry, index) => {
    if (entry[list.decision] !== 'approve') return;
    const date = typeof entry[list.date] === 'string' ? (entry[list.date] as string) : undefined;
    if (best && (best.date ?? '') > (date ?? '')) return;
    const hash = list.hash && typeof entry[list.hash] === 'string' ? (entry[list.hash] as string).trim() : undefined;
    best = { path: [section, question, index], name: typeof entry[list.name] === 'string' ? (entry[list.name] as string) : undefined, date, hash: hash || undefined };
  });
  return best;
}

/** What must be hashed to tell: the approval to compare with, or nothing when staleness cannot arise. */
export function approvalToVerify(model: Questionnaire, data: unknown, today: string): Approval | undefined {
  if (!isApproved(model, data, today)) return undefined;
  const approval = latestApproval(model, data);
  return approval?.hash ? approval : undefined;
}

/** The `stale` finding when the memo's current hash differs from the approving sign-off's. */
export function staleFinding(approval: Approval, currentHash: string | undefined): RawFinding | undefined {
  if (!approval.hash || currentHash === undefined || sameHash(approval.hash, currentHash)) return undefined;
  const who = approval.name ? `${approval.name} approved it` : 'it was approved';
  return {
    code: 'stale',
    severity: 'error',
    path: approval.path,
    message: `The memo changed since ${who}${approval.date ? ` on ${approval.date}` : ''}, so the approval no longer covers it.`,
    hint: 'Ask the reviewer to look again and record it with eis signoff, or set the status back to in review.',
  };
}

/** `sha256:abc` and `abc` are the same hash. */
function sameHash(a: string, b: string): boolean {
  const bare = (h: string) => h.trim().toLowerCase().replace(/^sha256:/, '');
  return bare(a) === bare(b);
}
