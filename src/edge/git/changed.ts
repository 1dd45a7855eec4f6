// --since REF: the files that changed between REF and the working tree, from git.
import { resolve } from 'node:path';
import { git } from './run.js';
import { GITLINK, rawDiff, submoduleBase, submoduleFolder, untrackedFiles } from './raw-diff.js';
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
 * this branch left REF, so that changes made on REF meanwhile do not count. Files inside a
 * submodule whose commit changed count too, as a full check would see them.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  const root = repoRoot(cwd);
  const changed = new Set<string>();
  collect(root, mergeBase(ref, root) ?? ref, ref, changed);
  return changed;
}

function collect(folder: string, base: string, ref: string, changed: Set<string>): void {
  for (const change of rawDiff(folder, base, undefined, false)) {
    changed.add(resolve(folder, change.path));
    if (change.newMode !== GITLINK) continue;
    const submodule = submoduleFolder(folder, change.path, ref);
    collect(submodule, submoduleBase(submodule, change.path, change), ref, changed);
  }
  for (const file of untrackedFiles(folder)) changed.add(resolve(folder, file));
}
