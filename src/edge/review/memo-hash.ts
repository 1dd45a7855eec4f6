// The memos a statement covers and the hashes of memos and answers: what a sign-off records, and
// what `eis check` compares with it. This is the file-system side; approval.ts decides.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../../core/config/config.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { entriesOf, getAnswer, isPlainObject } from '../../core/questionnaire/answers.js';
import { hashText } from '../files/statement-file.js';
import type { RawFinding } from '../../core/findings/findings.js';
import { memoList, signoffList, statusQuestions } from '../../core/review/conventions.js';
import { isApproved } from '../../core/review/claimed-status.js';
import { approvalState, canonicalAnswers, type ApprovalPolicy, type CurrentContent } from '../../core/review/approval.js';
import { approvalFindings, summarizeApproval, type ApprovalSummary } from '../../core/review/approval-findings.js';
import { parsePin } from '../../core/statement/pin.js';
import { unmigrateData } from '../../core/migrate/migrate.js';
import { olderVersion } from '../questionnaire/versions.js';

const MEMO = /\.(md|markdown|txt|docx)$/i;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Absolute paths of the memos a statement covers: the memo beside it (by the config's naming), every
 * memo in its folder when it is an initiative folder's statement, and the paths its memo list names.
 */
export function memosCovered(statement: string, data: unknown, model: Questionnaire, config: Pick<Config, 'statements'>): string[] {
  return memosCoveredBy(statement, listedMemos(model, data), config);
}

/** The paths a statement's memo list names, as written (the check cache keeps these, not the data). */
export function listedMemos(model: Questionnaire, data: unknown): string[] {
  const list = memoList(model);
  if (!list) return [];
  const paths: string[] = [];
  for (const entry of entriesOf(getAnswer((data ?? {}) as Record<string, unknown>, list.key))) {
    const path = entry[list.field];
    if (typeof path === 'string' && path.trim()) paths.push(path.trim());
  }
  return paths;
}

/** memosCovered, given the paths the memo list names. */
export function memosCoveredBy(statement: string, listed: string[], config: Pick<Config, 'statements'>): string[] {
  const dir = dirname(statement);
  const name = basename(statement);
  const found = new Set<string>();
  const match = besidePattern(config.statements.memo).exec(name);
  if (match) {
    // The memo beside it: any memo extension, in any case (x.MD is a memo, as the globs say).
    const memo = memosIn(dir)?.byStem.get(match[1] as string);
    if (memo && isFile(join(dir, memo))) found.add(join(dir, memo));
  }
  if (name === config.statements.folder) for (const f of memosIn(dir)?.names ?? []) if (isFile(join(dir, f))) found.add(join(dir, f));
  for (const path of listed) if (isFile(resolve(dir, path))) found.add(resolve(dir, path));
  return [...found];
}

const patterns = new Map<string, RegExp>();

function besidePattern(memo: string): RegExp {
  let pattern = patterns.get(memo);
  if (!pattern) {
    pattern = new RegExp(`^${memo.split('{name}').map(escapeRegExp).join('(.+)')}$`);
    patterns.set(memo, pattern);
  }
  return pattern;
}

interface MemoListing {
  mtimeMs: number;
  /** The memo files' names, sorted. */
  names: string[];
  /** The first memo, sorted by name, of each stem. */
  byStem: Map<string, string>;
}

/**
 * The memo files of each folder, listed once while the folder is unchanged (its mtime moves when a
 * file is added, removed or renamed in it). Checking each approved statement of a folder of 10,000
 * statements used to read the whole folder again.
 */
const listings = new Map<string, MemoListing>();

function memosIn(dir: string): MemoListing | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(dir).mtimeMs;
  } catch {
    return undefined;
  }
  const known = listings.get(dir);
  if (known && known.mtimeMs === mtimeMs) return known;
  const names = readdirSync(dir)
    .filter((f) => MEMO.test(f))
    .sort();
  const byStem = new Map<string, string>();
  for (const f of names) {
    const stem = f.slice(0, f.lastIndexOf('.'));
    if (!byStem.has(stem)) byStem.set(stem, f);
  }
  const listing = { mtimeMs, names, byStem };
  listings.set(dir, listing);
  return listing;
}

/** `sha256:<hex>` of a memo's bytes. */
export function memoFileHash(file: string): string {
  return `sha256:${hashText(readFileSync(file))}`;
}

/** The memos a statement covers as an approval records them: paths relative to its folder, and hashes. */
export function memoHashes(statement: string, memos: string[]): CurrentContent['memos'] {
  const dir = dirname(statement);
  return memos.map((m) => ({ path: relative(dir, m).split(sep).join('/'), hash: memoFileHash(m) })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The questions an approval's answers hash leaves out: the status (set by sign-offs), and the memo list (the memo hash covers those memos by content, so moving them, as eis mv does, keeps an approval). */
export function unhashedQuestions(model: Questionnaire): string[] {
  const keys = statusQuestions(model).map((q) => q.key);
  if (model.roles.status) keys.push(model.roles.status);
  const memos = memoList(model)?.key;
  if (memos) keys.push(memos);
  return [...new Set(keys)];
}

/** The hash of the answers an approval covers (see canonicalAnswers). */
export function answersHash(model: Questionnaire, data: unknown): string {
  return `sha256:${hashText(canonicalAnswers(data, { signoff: signoffList(model)?.key, status: unhashedQuestions(model) }))}`;
}

/** The memos and answers of a statement as they are now. */
export function currentContent(statement: string, data: unknown, model: Questionnaire, config: Pick<Config, 'statements'>): CurrentContent {
  const earlier = earlierAnswersHashes(model, data);
  return { memos: memoHashes(statement, memosCovered(statement, data, model, config)), answers: answersHash(model, data), ...(earlier.length ? { earlier } : {}) };
}

/**
 * For a statement eis migrate moved on: the answers' hash under each version it was migrated from,
 * where the migration can be undone exactly (core/migrate). The record only says which versions to
 * try; the hash is worked out from the answers, so a record written by hand proves nothing.
 */
export function earlierAnswersHashes(model: Questionnaire, data: unknown): string[] {
  const records = isPlainObject(data) && Array.isArray(data.migrated) ? data.migrated : [];
  const hashes: string[] = [];
  for (const record of records) {
    const pin = isPlainObject(record) ? parsePin(record.from) : undefined;
    if (!pin || pin.id !== model.id || pin.version >= model.version) continue;
    const older = olderVersion(model, pin.version);
    const before = older && unmigrateData(data, older.chain);
    if (older && before) hashes.push(answersHash(older.model, before));
  }
  return hashes;
}

/** The config's approval policy. */
export function approvalPolicy(config: Pick<Config, 'reviewers' | 'approvals'>): ApprovalPolicy {
  return { reviewers: config.reviewers, approvals: config.approvals };
}

export interface ApprovalCheck {
  findings: RawFinding[];
  summary?: ApprovalSummary;
  /** The memos hashed, when an approval was compared with them: what the check cache must watch. */
  memos?: CurrentContent['memos'] | undefined;
}

/**
 * The approval findings for one statement. Memos are read only when there is an approval to
 * compare with them. Severities follow the config's `rules` (by code), as other findings do.
 */
export function approvalCheck(
  statement: string,
  data: unknown,
  model: Questionnaire,
  config: Pick<Config, 'statements' | 'rules' | 'reviewers' | 'approvals'>,
  level: string | undefined,
  today: string,
): ApprovalCheck {
  if (!isPlainObject(data)) return { findings: [] };
  if (!signoffList(model)) {
    // A config that names reviewers or approvals expects them; a questionnaire with nowhere to
    // record them must not turn that into "nothing to approve".
    if (!config.reviewers.length && !config.approvals) return { findings: [] };
    return {
      findings: [
        {
          code: 'approval/required',
          severity: 'error',
          path: [],
          message: `The config requires approvals, but questionnaire ${model.ref} has no sign-off list to record them in.`,
          hint: 'Add a sign-off list to the questionnaire (docs/review.md), a policy change.',
        },
      ],
    };
  }
  let content: CurrentContent | undefined;
  const state = approvalState(model, data, approvalPolicy(config), level, () => (content = currentContent(statement, data, model, config)));
  const statusPath = model.roles.status ? model.roles.status.split('.') : undefined;
  const findings = approvalFindings(model, state, statusPath, isApproved(model, data, today)).flatMap((f) => {
    const severity = config.rules[f.code];
    if (severity === undefined) return [f];
    return severity === 'off' ? [] : [{ ...f, severity }];
  });
  return { findings, summary: summarizeApproval(state), memos: content?.memos };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
