// What git says changed, with file modes, so that submodules can be told from files and followed.
//
// A submodule shows in its parent's diff as one path whose mode is 160000 (a "gitlink") and whose
// object is a commit of the submodule's own repository. Statements inside it change only there, so
// a pull request that bumps a submodule would slip a broken statement past `--since` unless eis
// follows the link: it diffs the submodule from the old commit, as `git diff --submodule=diff` does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EisError } from '../../core/errors.js';
import { git } from './run.js';

export const GITLINK = '160000';

export interface RawChange {
  /** A, C, D, M, R, T or U; R and C without their score. */
  status: string;
  oldMode: string;
  newMode: string;
  oldObject: string;
  newObject: string;
  /** The path before a rename or copy; the same as `path` otherwise. */
  from: string;
  path: string;
}

/**
 * `git diff --raw` from `base` to `head` (or the working tree). `--ignore-submodules=none` overrides
 * any `ignore =` a pull request may have put in `.gitmodules`, so a submodule's change always shows.
 */
export function rawDiff(cwd: string, base: string, head: string | undefined, renames: boolean): RawChange[] {
  const args = ['diff', '--raw', '-z', '--no-abbrev', '--ignore-submodules=none', '--no-ext-diff', '--no-textconv', '--no-color', renames ? '-M' : '--no-renames', base, ...(head ? [head] : []), '--'];
  const fields = git(args, cwd).split('\0');
  const changes: RawChange[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const meta = fields[i++] ?? '';
    if (!meta.startsWith(':')) continue;
    const [oldMode = '', newMode = '', oldObject = '', newObject = '', score = ''] = meta.slice(1).split(' ');
    const status = score.charAt(0);
    const from = fields[i++] ?? '';
    const path = status === 'R' || status === 'C' ? (fields[i++] ?? '') : from;
    changes.push({ status, oldMode, newMode, oldObject, newObject, from, path });
  }
  return changes;
}

/** Files git does not track yet and does not ignore, relative to `cwd`'s repository root. */
export function untrackedFiles(cwd: string): string[] {
  return git(['ls-files', '--others', '--exclude-standard', '-z', '--'], cwd).split('\0').filter(Boolean);
}

/** The folder of a submodule at `path` in the repository at `parent`; refused when it is not checked out. */
export function submoduleFolder(parent: string, path: string, ref: string): string {
  const folder = join(parent, path);
  if (!existsSync(join(folder, '.git')))
    throw new EisError(`the submodule "${path}" changed since ${ref}, but it is not checked out here, so the statements in it cannot be checked.`, {
      hint: 'Check out submodules (git submodule update --init --recursive; with actions/checkout, submodules: recursive).',
    });
  return folder;
}

/** Where a submodule's diff starts: its old commit, or the empty tree for a submodule just added. */
export function submoduleBase(folder: string, path: string, change: RawChange): string {
  if (change.oldMode !== GITLINK) return git(['hash-object', '-t', 'tree', '--stdin'], folder).trim();
  requireCommit(folder, path, change.oldObject);
  return change.oldObject;
}

/** Fails with a plain sentence when the submodule's clone lacks a commit its parent names. */
export function requireCommit(folder: string, path: string, commit: string): void {
  git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}^{commit}`],
    folder,
    `the submodule "${path}" does not have commit ${commit.slice(0, 12)}, so what changed in it cannot be worked out.`,
    'Fetch the submodule with its history (git submodule update --init --recursive, and git -C <submodule> fetch --unshallow in a shallow clone).',
  );
}
