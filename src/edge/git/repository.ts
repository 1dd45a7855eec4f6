// Where the repository that holds a config ends: a config arrives with a pull request, so the
// files it names (a questionnaire, templates) must stay inside unless the person running eis says
// otherwise. Links are resolved before comparing.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { git } from './run.js';

/** The path with every link resolved; for a path that does not exist, its nearest existing folder's. */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}

export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

const roots = new Map<string, string>();

/** The top of the git work tree holding `folder` (links resolved), or the folder itself outside git. */
export function repositoryRoot(folder: string): string {
  // Asked once per folder: render checks the config's templates and each partial against it.
  let root = roots.get(folder);
  if (root === undefined) {
    try {
      root = realpathSync(git(['rev-parse', '--show-toplevel'], folder).trim());
    } catch {
      root = realPathOf(folder);
    }
    roots.set(folder, root);
  }
  return root;
}
