// The names of eis's own temporary files beside a file it writes: `.<name>.<pid>.<random>.<check>.tmp`.
// A save killed before its rename leaves one behind, and the next save removes it once its process
// is gone. The check (a hash of the rest of the name) is what makes a name eis's own: a file of
// the user's that merely looks like one (`.notes.md.1234.cafebabe.tmp`) never matches, and is
// never deleted.
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const check = (base: string, pid: string, random: string) => createHash('sha256').update(`eis temporary file\0${base}\0${pid}\0${random}`).digest('hex').slice(0, 8);

/** A new, unique temporary path beside `file`, for this process (or, in tests, for another). */
export function tempPath(file: string, owner = process.pid): string {
  const base = basename(file);
  const pid = String(owner);
  const random = randomBytes(6).toString('hex');
  return join(dirname(file), `.${base}.${pid}.${random}.${check(base, pid, random)}.tmp`);
}

/** The pid of the process that made `name`, when it is one of eis's temporary files for `base`; otherwise undefined. */
export function tempOwner(base: string, name: string): number | undefined {
  const prefix = `.${base}.`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d{1,10})\.([0-9a-f]{12})\.([0-9a-f]{8})\.tmp$/.exec(name.slice(prefix.length));
  if (!match || check(base, match[1]!, match[2]!) !== match[3]) return undefined;
  return Number(match[1]);
}
