// Where eis keeps what it can rebuild: check reports and the compiled code of its own bundle.
// Outside every repository, so a pull request can never bring its own.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The cache folder: EIS_CACHE_DIR, else $XDG_CACHE_HOME/eis, else ~/.cache/eis. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EIS_CACHE_DIR) return env.EIS_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'eis');
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
