// --since REF: the files that changed between REF and the working tree, from git.
import { resolve } from 'node:path';
import { git } from './run.js';
import { repoRoot, verifyCommit } from './repo.js';

/** Where this branch left REF: their merge base, or undefined when they share no history. */
export function mergeBase(ref: string, root: string): string | undefined {
  verifyCommit(ref, root);
  try {
    return git(['merge-base', '--end-of-options', ref, 'HEAD'], root).trim() || undefined;
  } catch {
    // No common history (or no commit yet on this branch).
    return undefined;
  }
}

/**
 * Absolute paths of files changed since `ref` (committed, staged, unstaged and untracked; both
 * sides of a rename; deleted files too). Like `changesets status --since`, it counts from where
 * this branch left REF, so that changes made on REF meanwhile do not count.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  const root = repoRoot(cwd);
  const base = mergeBase(ref, root) ?? ref;
  const changed = git(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', base, '--'], root).split('\0');
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--'], root).split('\0');
  return new Set([...changed, ...untracked].filter(Boolean).map((f) => resolve(root, f)));
}
