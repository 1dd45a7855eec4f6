// The memos a statement covers and their content hash: what a sign-off records, and what `eis
// check` compares with it. This is the file-system side; stale.ts decides.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { entriesOf, getAnswer } from '../questionnaire/answers.js';
import { hashText } from '../statement/file.js';
import type { RawFinding } from '../check/findings.js';
import { memoList } from './conventions.js';
import { approvalToVerify, staleFinding } from './stale.js';

const MEMO = /\.(md|markdown|txt)$/i;

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
  const pattern = new RegExp(`^${config.statements.memo.split('{name}').map(escapeRegExp).join('(.+)')}$`);
  const match = pattern.exec(name);
  if (match) {
    const memo = ['.md', '.markdown', '.txt'].map((ext) => join(dir, `${match[1]}${ext}`)).find(isFile);
    if (memo) found.add(memo);
  }
  if (name === config.statements.folder && existsSync(dir))
    for (const f of readdirSync(dir).filter((f) => MEMO.test(f)).sort()) if (isFile(join(dir, f))) found.add(join(dir, f));
  for (const path of listed) if (isFile(resolve(dir, path))) found.add(resolve(dir, path));
  return [...found];
}

/** `sha256:<hex>`: of the memo's bytes, or for several memos, of their sorted hashes (so renaming a memo does not change it). */
export function memoHash(files: string[]): string | undefined {
  if (!files.length) return undefined;
  const hashes = files.map((f) => hashText(readFileSync(f)));
  return `sha256:${hashes.length === 1 ? hashes[0] : hashText([...hashes].sort().join('\n'))}`;
}

/** The `stale` finding for one statement, with the config's severity for it. Memos are read only for an approved statement whose sign-off has a hash. */
export function staleFindings(statement: string, data: unknown, model: Questionnaire, config: Pick<Config, 'statements' | 'rules'>, today: string): RawFinding[] {
  const severity = config.rules.stale;
  if (severity === 'off') return [];
  const approval = approvalToVerify(model, data, today);
  if (!approval) return [];
  const finding = staleFinding(approval, memoHash(memosCovered(statement, data, model, config)));
  return finding ? [{ ...finding, severity: severity ?? finding.severity }] : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
