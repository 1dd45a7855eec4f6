// Where eis keeps what it can rebuild: check reports and the compiled code of its own bundle.
// Outside every repository, so a pull request can never bring its own.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The cache folder: EIS_CACHE_DIR, else $XDG_CACHE_HOME/eis, else ~/.cache/eis. A relative
 * EIS_CACHE_DIR would name a folder inside whatever repository eis runs in, where a pull request
 * could plant a cache: it turns the caches off instead (undefined).
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.EIS_CACHE_DIR) return isAbsolute(env.EIS_CACHE_DIR) ? env.EIS_CACHE_DIR : undefined;
  return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache'), 'eis');
}

/**
 * A cache file's bytes, or undefined: only a regular file (a named pipe put in its place would
 * make eis wait for ever) of at most `maxBytes`, that no one but its owner can write, and, with
 * `own`, that belongs to the user running eis.
 */
export function readCacheFile(file: string, maxBytes: number, { own }: { own: boolean }): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    // Windows reports every writable file as writable by all; its folders' access lists guard it.
    if (process.platform !== 'win32' && (stat.mode & 0o022) !== 0) return undefined;
    if (own && typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes the files in `folder` whose names match and that were last written over a month ago. */
export function removeMonthOldFiles(folder: string, matches: (name: string) => boolean): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    if (!matches(name)) continue;
    const file = join(folder, name);
    try {
      if (now - statSync(file).mtimeMs > MONTH_MS) rmSync(file, { force: true });
    } catch {
      // Removed by another eis meanwhile.
    }
  }
}
