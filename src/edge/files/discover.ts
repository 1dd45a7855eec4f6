// Finding statements and initiatives on disk. I/O lives here so that check/ stays pure.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { initiativesFrom, type Initiative } from '../../core/check/coverage.js';
import { scanMemos } from './memo-scan.js';

const IGNORE = ['**/node_modules/**', '**/.git/**'];
export const STATEMENT_GLOB = '**/*.eis.{yaml,yml}';

export function isStatementName(file: string): boolean {
  return /\.eis\.ya?ml$/.test(file);
}

/** Absolute paths of the given paths, which must exist. */
export function resolvePaths(paths: string[], cwd: string): string[] {
  const list = paths.length ? paths : ['.'];
  return list.map((p) => {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw missingPath(abs, p);
    return abs;
  });
}

/** existsSync is false for a link that loops too: that is worth saying, not "does not exist". */
function missingPath(abs: string, shown: string): EisError {
  try {
    statSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return new EisError('the path is a symbolic link that loops.', { file: shown, hint: 'Point the link at a file, or remove it.' });
  }
  return new EisError('the path does not exist.', { file: shown, hint: 'Check the spelling, or run eis from the repository folder.' });
}

/** Statement files under the given absolute paths; a file named explicitly is always included. */
export function findStatements(paths: string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    // A folder named like a statement is reported as what it is rather than searched.
    if (statSync(path).isDirectory() && !isStatementName(path)) {
      for (const file of globSync(STATEMENT_GLOB, { cwd: path, absolute: true, ignore: IGNORE, followSymbolicLinks: false, dot: false, expandDirectories: false })) found.add(resolve(file));
    } else found.add(path);
  }
  return [...found].sort();
}

export function within(path: string, roots: string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
}

/** The initiatives the config names that lie under the given paths. */
export function findInitiatives(config: Config, paths: string[]): Initiative[] {
  const { memos, folders, registry } = config.initiatives;
  if (!memos.length && !folders.length && !registry.length) return [];
  const { memoFiles, folderPaths } = memos.length || folders.length ? scanMemos(config) : { memoFiles: [], folderPaths: [] };
  const folderMemos = (folder: string) =>
    readdirSync(folder)
      .filter((f) => /\.(md|markdown|txt|docx)$/i.test(f))
      .map((f) => resolve(folder, f))
      .sort();
  return initiativesFrom(config, memoFiles, folderPaths, folderMemos).filter((i) => within(i.path, paths) || within(i.statement, paths) || paths.some((p) => within(p, [i.path])));
}

/** A path as people should see it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : file;
}
