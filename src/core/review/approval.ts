// Whether a statement is approved, worked out from its sign-off list and the config's reviewers,
// never from a status someone typed. Each reviewer's latest decision counts; an approval counts
// only while the memos and the answers are as they were when it was given. Pure: the caller
// hashes the memos and the answers.
import type { Questionnaire } from '../questionnaire/model.js';
import { entriesOf, getAnswer, isPlainObject, type Entry } from '../questionnaire/answers.js';
import { signoffList, type SignoffList } from './conventions.js';

export interface Reviewer {
  name: string;
  email: string;
  roles: string[];
}

/** What the config says about approvals (see docs/review.md). */
export interface ApprovalPolicy {
  reviewers: Reviewer[];
  /** Roles that must approve, per level value; `default` for levels not listed. */
  approvals?: Record<string, string[]> | undefined;
}

/** One sign-off entry, read. */
export interface Decision {
  /** Where the entry is: section, list, index. */
  path: Array<string | number>;
  name: string;
  email?: string | undefined;
  role?: string | undefined;
  decision: string;
  date?: string | undefined;
  memoHash?: string | undefined;
  answersHash?: string | undefined;
  /** The config's reviewer this entry is by, when the config names them. */
  reviewer?: Reviewer | undefined;
}

/** The memos and answers as they are now. */
export interface CurrentContent {
  /** Each memo the statement covers: its path relative to the statement's folder, and its hash. */
  memos: Array<{ path: string; hash: string }>;
  answers: string;
  /**
   * The answers' hash as it was before each migration the statement records, where the migration
   * can be undone exactly: an approval of the earlier answers covers the same answers migrated.
   */
  earlier?: string[] | undefined;
}

export interface StaleApproval {
  decision: Decision;
  /** What changed since it was given, in words: `memo memos/a.md changed`, `the answers changed`. */
  changes: string[];
}

export type ApprovalStateName = 'approved' | 'changes-requested' | 'pending';

export interface ApprovalState {
  state: ApprovalStateName;
  /** Roles that must approve at this level; empty when one approval by any reviewer is enough. */
  required: string[];
  /** Required roles with no approval that counts; `['a reviewer']` when any reviewer would do. */
  missing: string[];
  /** Approvals that count: each reviewer's latest decision, an approval, for the content as it is. */
  current: Decision[];
  stale: StaleApproval[];
  /** Latest decisions that ask for changes. */
  changesRequested: Decision[];
  /** Entries by people the config does not name as reviewers (only when it names some). */
  unknown: Decision[];
}

export type { ApprovalSummary } from '../findings/approval-summary.js';

export const APPROVE_VALUES = new Set(['approve', 'approved']);

/** Every sign-off entry, read, with the config's reviewer it is by. */
export function decisionsOf(model: Questionnaire, data: unknown, policy: ApprovalPolicy): Decision[] {
  const list = signoffList(model);
  if (!list || !isPlainObject(data)) return [];
  const [section, question] = list.key.split('.') as [string, string]; // `section.question`
  return entriesOf(getAnswer(data, list.key)).map((entry, index) => readDecision(list, entry, [section, question, index], policy));
}

function readDecision(list: SignoffList, entry: Entry, path: Array<string | number>, policy: ApprovalPolicy): Decision {
  const text = (id: string | undefined) => (id && typeof entry[id] === 'string' && (entry[id] as string).trim() ? (entry[id] as string).trim() : undefined);
  const decision: Decision = {
    path,
    name: text(list.name) ?? '',
    email: text(list.email),
    role: text(list.role),
    decision: text(list.decision) ?? '',
    date: text(list.date),
    memoHash: text(list.hash),
    answersHash: text(list.answersHash),
  };
  decision.reviewer = findReviewer(policy.reviewers, decision);
  return decision;
}

/** The config's reviewer an entry names: by email when it has one, else by name. */
export function findReviewer(reviewers: Reviewer[], who: { name?: string | undefined; email?: string | undefined }): Reviewer | undefined {
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  if (who.email) return reviewers.find((r) => same(r.email, who.email));
  return reviewers.find((r) => same(r.name, who.name));
}

/** Roles that must approve a statement at this level; empty for "one reviewer, any role". */
export function requiredRoles(policy: ApprovalPolicy, level: string | undefined): string[] {
  const table = policy.approvals;
  if (!table) return [];
  if (level !== undefined && Object.hasOwn(table, level)) return table[level]!;
  return table.default ?? [];
}

/** True when the policy asks for no approval at all at this level (`level: []`, or `default: []` for levels not listed). */
export function approvalWaived(policy: ApprovalPolicy, level: string | undefined): boolean {
  const table = policy.approvals;
  if (!table) return false;
  const roles = level !== undefined && Object.hasOwn(table, level) ? table[level] : table.default;
  return roles !== undefined && roles.length === 0;
}

/**
 * Each reviewer's latest decision: by date, and on the same date the later entry in the list.
 * People are told apart by the config's reviewer, else by email, else by name.
 */
export function latestDecisions(decisions: Decision[]): Decision[] {
  const latest = new Map<string, Decision>();
  for (const d of decisions) {
    const who = (d.reviewer?.email ?? d.email ?? d.name).toLowerCase();
    const seen = latest.get(who);
    if (!seen || (d.date ?? '') >= (seen.date ?? '')) latest.set(who, d);
  }
  return [...latest.values()];
}

export function approvalState(model: Questionnaire, data: unknown, policy: ApprovalPolicy, level: string | undefined, current: () => CurrentContent): ApprovalState {
  const all = decisionsOf(model, data, policy);
  const named = policy.reviewers.length > 0;
  const unknown = named ? all.filter((d) => !d.reviewer) : [];
  const counted = latestDecisions(named ? all.filter((d) => d.reviewer) : all);
  const required = requiredRoles(policy, level);
  const changesRequested = counted.filter((d) => !APPROVE_VALUES.has(d.decision));
  const approvals = counted.filter((d) => APPROVE_VALUES.has(d.decision));

  let content: CurrentContent | undefined;
  const stale: StaleApproval[] = [];
  const valid: Decision[] = [];
  for (const d of approvals) {
    content ??= current();
    const changes = changesSince(d, content);
    if (changes.length) stale.push({ decision: d, changes });
    else valid.push(d);
  }
  const rolesOf = (d: Decision) => (d.reviewer ? d.reviewer.roles : named ? [] : d.role ? [d.role] : []);
  const covered = new Set(valid.flatMap(rolesOf));
  const missing = required.length ? required.filter((r) => !covered.has(r)) : valid.length || approvalWaived(policy, level) ? [] : ['a reviewer'];
  const state: ApprovalStateName = changesRequested.length ? 'changes-requested' : missing.length ? 'pending' : 'approved';
  return { state, required, missing, current: valid, stale, changesRequested, unknown };
}

/** What changed since an approval was given; an approval that recorded no hashes proves nothing. */
export function changesSince(decision: Decision, content: CurrentContent): string[] {
  const changes: string[] = [];
  if (!decision.answersHash) changes.push('it recorded no hash of the answers');
  else if (!sameHash(decision.answersHash, content.answers) && !content.earlier?.some((hash) => sameHash(decision.answersHash!, hash))) changes.push('the answers changed');
  if (content.memos.length) {
    if (!decision.memoHash) changes.push('it recorded no hash of the memo');
    else changes.push(...memoChanges(decision.memoHash, content.memos));
  }
  return changes;
}

/**
 * `memo_hash` holds the memo's hash, or for several memos one line `path hash` each. A single
 * bare hash is compared with a single memo whatever its path, so moving a memo keeps the approval.
 */
export function memoChanges(recorded: string, memos: CurrentContent['memos']): string[] {
  const lines = recorded
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const pairs = lines.map((l) => /^(.+?)\s+(\S+)$/.exec(l));
  if (lines.length === 1 && !pairs[0]) {
    const [memo] = memos;
    if (memos.length === 1 && memo) return sameHash(lines[0]!, memo.hash) ? [] : [`memo ${memo.path} changed`];
    return [`the statement now covers ${memos.length} memos (${memos.map((m) => m.path).join(', ')})`];
  }
  const before = new Map(pairs.filter((p): p is RegExpExecArray => Boolean(p)).map((p) => [p[1]!, p[2]!]));
  const changes: string[] = [];
  const added: CurrentContent['memos'] = [];
  for (const memo of memos) {
    const was = before.get(memo.path);
    if (was === undefined) added.push(memo);
    else if (!sameHash(was, memo.hash)) changes.push(`memo ${memo.path} changed`);
    before.delete(memo.path);
  }
  // A memo under a new path with the content of one no longer there was moved, not changed:
  // hashes are of content, so moving memos keeps an approval (swapping two contents does not).
  for (const memo of added) {
    const moved = [...before].find(([, hash]) => sameHash(hash, memo.hash));
    if (moved) before.delete(moved[0]);
    else changes.push(`memo ${memo.path} was added`);
  }
  for (const path of before.keys()) changes.push(`memo ${path} is no longer covered`);
  return changes;
}

/** How eis signoff records the memos: a bare hash for one memo, `path hash` lines for several. */
export function formatMemoHashes(memos: CurrentContent['memos']): string | undefined {
  if (!memos.length) return undefined;
  if (memos.length === 1) return memos[0]!.hash;
  return [...memos]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((m) => `${m.path} ${m.hash}`)
    .join('\n');
}

/** `sha256:abc` and `abc` are the same hash. */
export function sameHash(a: string, b: string): boolean {
  const bare = (h: string) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^sha256:/, '');
  return bare(a) === bare(b);
}

/**
 * The answers an approval covers, as one canonical text: every answer but the sign-off list and the
 * questions the caller leaves out (the status, the memo list), with keys sorted, so that reordering keys, comments and YAML styles do not
 * change it, and any change of a value does. `x-` keys are notes, not answers.
 */
export function canonicalAnswers(data: unknown, exclude: { signoff?: string | undefined; status: string[] }): string {
  if (!isPlainObject(data)) return JSON.stringify(data ?? null);
  const skip = new Set([exclude.signoff, ...exclude.status].filter((k): k is string => Boolean(k)));
  const sorted = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => sorted(v, key));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const path = key ? `${key}.${k}` : k;
      // The record of migrations is eis's bookkeeping, not an answer (see core/migrate).
      if (skip.has(path) || k.startsWith('x-') || path === 'migrated') continue;
      out[k] = sorted(value[k], key === '' ? k : `${key}.${k}`);
    }
    return out;
  };
  return JSON.stringify(sorted(data, ''));
}

/**
 * The questions whose answers differ between two versions of a statement (labels, in questionnaire
 * order), leaving out what an approval does not cover: the status and the sign-off list.
 */
export function changedQuestions(model: Questionnaire, before: unknown, after: unknown, exclude: { signoff?: string | undefined; status: string[] }): string[] {
  const skip = new Set([exclude.signoff, ...exclude.status]);
  const value = (data: unknown, key: string) => {
    const v = isPlainObject(data) ? getAnswer(data, key) : undefined;
    return canonicalAnswers({ v }, { status: [] });
  };
  const labels: string[] = [];
  for (const section of model.sections) for (const q of section.questions) if (!skip.has(q.key) && value(before, q.key) !== value(after, q.key)) labels.push(`"${q.label}"`);
  return labels;
}
