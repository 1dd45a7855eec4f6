// Every file eis writes (a statement, a rendered page, a report, what `eis init` makes) goes
// through this check first: no link in a repository may carry a write out of it. A pull request
// can commit a link to a folder (`reports -> /home/ci/.ssh`), and CI would then write where the
// link points. A path a person names outside the repository (`--out /srv/site`) is their choice,
// and written; a link met on the way is judged by the repository that holds it.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative, sep } from 'node:path';
import { EisError } from '../../core/errors.js';
import { isWithin, realPathOf } from './real-path.js';

/**
 * Throws when writing `file` (relative to `cwd`) would pass through a link that leads out of the
 * repository holding it: the git work tree, or outside git, the folder eis runs in. Every folder
 * on the way is resolved as the system would; the file itself too when `followFile` (an append
 * writes through a link; a rename replaces it).
 */
export function assertWritesInside(file: string, cwd: string, options: { followFile?: boolean } = {}): void {
  const path = isAbsolute(file) ? file : `${cwd}${sep}${file}`;
  const parts = path.slice(parse(path).root.length).split(sep);
  if (!options.followFile) parts.pop();
  try {
    walk(parse(path).root, parts, cwd, { links: 0 });
  } catch (error) {
    if (!(error instanceof LeavesRepository)) throw error;
    const shown = (p: string) => relative(cwd, p).split(sep).join('/') || '.';
    throw new EisError(`the path leaves the repository: ${shown(error.link)} is a link to ${error.target}, outside ${error.root}; eis wrote nothing there.`, {
      file: shown(path),
      hint: 'Write inside the repository, or name the folder outside it directly.',
    });
  }
}

class LeavesRepository extends Error {
  constructor(
    readonly link: string,
    readonly target: string,
    readonly root: string,
  ) {
    super('leaves the repository');
  }
}

/** Follows `parts` from the real folder `from` as the system would, checking each link; returns where they lead. */
function walk(from: string, parts: string[], cwd: string, count: { links: number }): string {
  let here = from;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      here = dirname(here);
      continue;
    }
    const next = join(here, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(next).isSymbolicLink();
    } catch {
      // Not there yet: it and what follows are made as plain folders.
      return join(next, ...parts.slice(i + 1));
    }
    if (!isLink) {
      here = next;
      continue;
    }
    // The system gives up after 40 links; so does eis (the write then fails with its own error).
    if (++count.links > 40) return join(next, ...parts.slice(i + 1));
    const target = readlinkSync(next);
    const to = walk(isAbsolute(target) ? parse(target).root : here, target.split(sep), cwd, count);
    const root = repositoryOf(here, cwd);
    if (root !== undefined && !isWithin(to, root)) throw new LeavesRepository(next, to, root);
    here = to;
  }
  return here;
}

const roots = new Map<string, string | undefined>();

/**
 * The repository a folder belongs to: the nearest folder above it holding `.git` (a work tree, a
 * linked worktree or a submodule, as git finds it), or outside git the folder eis runs in when it
 * lies within it.
 */
function repositoryOf(folder: string, cwd: string): string | undefined {
  const key = `${folder}\0${cwd}`;
  if (roots.has(key)) return roots.get(key);
  let root: string | undefined;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (root === undefined) {
    const home = realPathOf(cwd);
    if (isWithin(folder, home)) root = home;
  }
  roots.set(key, root);
  return root;
}
