// The repository around the working directory: its root, its refs, paths inside it.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { EisError } from '../../core/errors.js';
import { assertSafeRef, git } from './run.js';

export function repoRoot(cwd: string): string {
  return git(['rev-parse', '--show-toplevel'], cwd).trim();
}

/** Fails with a plain sentence when `ref` names no commit here (a shallow clone lacks history). */
export function verifyCommit(ref: string, cwd: string): void {
  assertSafeRef(ref);
  git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    cwd,
    `"${ref}" is not a commit in this repository.`,
    'Check the name with git log; in CI, fetch the history (fetch-depth: 0 with actions/checkout).',
  );
}

/** The real path, following symbolic links in the part that exists (a deleted file's folder). */
function realish(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}

/** A path given by the user as a path relative to the repository root ('' for the root); outside it is an error. */
export function repoPath(path: string, cwd: string, root: string): string {
  if (path.startsWith('-')) throw new EisError(`"${path}" looks like an option, not a path.`, { hint: `Write ./${path} if it is a file name.` });
  const abs = realish(resolve(cwd, path));
  const rel = relative(realpathSync(root), abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new EisError('the path is outside the git repository.', { file: path, hint: `Give paths inside ${root}.` });
  return rel.split(sep).join('/');
}
