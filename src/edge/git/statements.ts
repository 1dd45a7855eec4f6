// Which statements changed between two points of history (or a commit and the working tree), and
// their text at a commit. Renames are followed, so a moved statement diffs against its old self.
import { assertSafeRef, git } from './run.js';
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

/** Statements added, deleted, changed or renamed in the range, under the given root-relative paths. */
export function changedStatements(range: GitRange, cwd: string, paths: string[]): StatementChange[] {
  const root = repoRoot(cwd);
  const specs = paths.length ? paths.map((p) => p || '.') : ['.'];
  const args = ['--literal-pathspecs', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', '--no-color', range.base, ...(range.head ? [range.head] : []), '--', ...specs];
  const fields = git(args, root).split('\0');
  const changes: StatementChange[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++] ?? '';
      const to = fields[i++] ?? '';
      const oldPath = status.startsWith('R') && STATEMENT.test(from) ? from : undefined;
      const newPath = STATEMENT.test(to) ? to : undefined;
      if (oldPath || newPath) changes.push({ ...(oldPath ? { oldPath } : {}), ...(newPath ? { newPath } : {}) });
      continue;
    }
    const path = fields[i++] ?? '';
    if (!STATEMENT.test(path)) continue;
    if (status === 'A') changes.push({ newPath: path });
    else if (status === 'D') changes.push({ oldPath: path });
    else changes.push({ oldPath: path, newPath: path });
  }
  if (!range.head) {
    // New statements not yet added to git are part of the working tree too.
    const untracked = git(['--literal-pathspecs', 'ls-files', '--others', '--exclude-standard', '-z', '--', ...specs], root).split('\0');
    for (const path of untracked) if (STATEMENT.test(path)) changes.push({ newPath: path });
  }
  return changes.sort((x, y) => ((x.newPath ?? x.oldPath)! < (y.newPath ?? y.oldPath)! ? -1 : 1));
}

/** A file's text at a commit (never through a textconv driver: eis wants the YAML itself). */
export function showFile(ref: string, path: string, cwd: string): string {
  assertSafeRef(ref);
  return git(['show', '--no-textconv', '--no-color', `${ref}:${path}`, '--'], cwd, `"${path}" is not in ${ref}.`);
}
