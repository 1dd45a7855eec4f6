// Paths with links resolved, and whether one lies within a folder: what the checks that keep
// reads and writes inside the repository compare.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

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
