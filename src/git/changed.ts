// --since REF: the files that changed between REF and the working tree, from git.
import { resolve } from 'node:path';
import { git, assertSafeRef } from './run.js';

/** Absolute paths of files changed since `ref` (committed, staged, unstaged and untracked). */
export function changedSince(ref: string, cwd: string, _paths: string[]): Set<string> {
  assertSafeRef(ref);
  const root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd, `"${ref}" is not a commit in this repository.`);
  const base = git(['merge-base', ref, 'HEAD'], cwd).trim() || ref;
  const changed = git(['diff', '--name-only', '-z', '--no-renames', base, '--'], cwd).split('\0');
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--'], root).split('\0');
  return new Set([...changed, ...untracked].filter(Boolean).map((f) => resolve(root, f)));
}
