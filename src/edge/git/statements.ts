// Which statements changed between two points of history (or a commit and the working tree), and
// their text at a commit. Renames are followed, so a moved statement diffs against its old self.
import { assertSafeRef, git } from './run.js';
import { GITLINK, rawDiff, requireCommit, submoduleBase, submoduleFolder, untrackedFiles } from './raw-diff.js';
import { repoRoot, verifyCommit } from './repo.js';
import { EisError } from '../../core/errors.js';

export interface GitRange {
  /** The commit the old versions come from. */
  base: string;
  /** The commit the new versions come from; undefined for the working tree. */
  head?: string;
}

export interface StatementChange {
  /** Paths relative to the repository root. */
  oldPath?: string;
  newPath?: string;
  /** Where git holds the old side: a submodule's own repository for a statement inside one. */
  oldAt?: GitBlob;
  /** Where git holds the new side; undefined when it is the working tree's file. */
  newAt?: GitBlob;
}

export interface GitBlob {
  /** A folder of the repository that holds the commit. */
  cwd: string;
  commit: string;
  /** Relative to that repository's root. */
  path: string;
}

const STATEMENT = /\.eis\.ya?ml$/;

/** `REF` (against the working tree), `A..B`, or `A...B` (from where B left A). */
export function parseRange(spec: string, cwd: string): GitRange {
  const match = /^(.*?)(\.\.\.?)(.*)$/.exec(spec);
  if (!match) {
    verifyCommit(spec, cwd);
    return { base: spec };
  }
  const [, from, dots, to] = match;
  const a = from || 'HEAD';
  const b = to || 'HEAD';
  if (!from && !to) throw new EisError(`"${spec}" names no commit.`, { hint: 'Write REF, REF..REF2 or REF...REF2.' });
  verifyCommit(a, cwd);
  verifyCommit(b, cwd);
  if (dots === '...') {
    const base = git(['merge-base', '--end-of-options', a, b], cwd, `"${a}" and "${b}" have no common history.`).trim();
    return { base, head: b };
  }
  return { base: a, head: b };
}

/**
 * Statements added, deleted, changed or renamed in the range, under the given root-relative paths.
 * Statements inside a submodule whose commit changed are followed into the submodule's own
 * history; a submodule removed in the range is not followed (its history may no longer be here).
 */
export function changedStatements(range: GitRange, cwd: string, paths: string[]): StatementChange[] {
  const root = repoRoot(cwd);
  const wanted = (path: string) => !paths.length || paths.some((p) => !p || p === '.' || path === p || path.startsWith(`${p}/`));
  const changes: StatementChange[] = [];
  const collect = (folder: string, prefix: string, base: string, head: string | undefined) => {
    for (const change of rawDiff(folder, base, head, true)) {
      if (change.newMode === GITLINK) {
        const submodule = submoduleFolder(folder, change.path, range.base);
        if (head) requireCommit(submodule, change.path, change.newObject);
        collect(submodule, `${prefix}${change.path}/`, submoduleBase(submodule, change.path, change), head ? change.newObject : undefined);
        continue;
      }
      if (change.oldMode === GITLINK) continue;
      const oldSide = change.status !== 'A' && change.status !== 'C' && STATEMENT.test(change.from) && wanted(prefix + change.from);
      const newSide = change.status !== 'D' && STATEMENT.test(change.path) && wanted(prefix + change.path);
      if (!oldSide && !newSide) continue;
      changes.push({
        ...(oldSide ? { oldPath: prefix + change.from, oldAt: { cwd: folder, commit: base, path: change.from } } : {}),
        ...(newSide ? { newPath: prefix + change.path, ...(head ? { newAt: { cwd: folder, commit: head, path: change.path } } : {}) } : {}),
      });
    }
    // New statements not yet added to git are part of the working tree too.
    if (!head) for (const path of untrackedFiles(folder)) if (STATEMENT.test(path) && wanted(prefix + path)) changes.push({ newPath: prefix + path });
  };
  collect(root, '', range.base, range.head);
  return changes.sort((x, y) => ((x.newPath ?? x.oldPath)! < (y.newPath ?? y.oldPath)! ? -1 : 1));
}

/** A file's text at a commit (never through a textconv driver: eis wants the YAML itself). */
export function showFile(ref: string, path: string, cwd: string): string {
  assertSafeRef(ref);
  return git(['show', '--no-textconv', '--no-color', `${ref}:${path}`, '--'], cwd, `"${path}" is not in ${ref}.`);
}
