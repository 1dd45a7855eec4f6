// Which build of eis is running: the hash of its bundle, given by the boot that loaded it. The
// check cache keys its reports on it, so a rebuilt eis never reuses a report of another build.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

let id: string | undefined;

export function setBuildId(value: string): void {
  id = value;
}

/** The boot's hash; when eis runs from its sources (the library API, tests), the bundle's hash if built. */
export function buildId(): string {
  if (id === undefined) {
    try {
      id = createHash('sha1')
        .update(readFileSync(join(packageRoot(), 'dist', 'eis.cjs'), 'utf8'))
        .digest('hex');
    } catch {
      id = '';
    }
  }
  return id;
}
