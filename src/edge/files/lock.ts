// The lock that makes a save's "unchanged since read?" check and its rename one step: `.<name>.lock`
// beside the file. A lock appears whole: its record (owner's pid, the owner's start time, a random
// nonce) is written to a temporary file first and linked into place, and link() fails when a lock
// exists. A lock whose owner is gone (killed mid-save) is stale and is broken, but only by one
// writer: breaking lock X needs a marker named after X's identity, created the same way, so two
// writers that both found X stale cannot both delete it (the second would delete the first's new
// lock, and both would save).
import { randomBytes, createHash } from 'node:crypto';
import { closeSync, fstatSync, linkSync, openSync, readFileSync, readSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EisError } from '../../core/errors.js';
import { tempPath } from './temp-name.js';

const LOCK_WAIT_MS = 3000;
/** A lock that is empty or unreadable (its writer died before writing, a full disk, another program) is stale after this long. */
const GARBLED_GRACE_MS = 2000;
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `critical` holding the lock of `file`. Another eis saving the same file waits for it (then
 * finds the file changed); a stale lock is broken.
 */
export function withLock(file: string, critical: () => void): void {
  const lock = lockPath(file);
  const mine = newRecord();
  const until = Date.now() + LOCK_WAIT_MS;
  while (!createWhole(file, lock, mine)) {
    if (breakIfStale(file, lock)) continue;
    if (Date.now() > until)
      throw new EisError('another eis has been saving this statement for too long; nothing was written.', {
        file,
        hint: `If no eis is running, delete ${basename(lock)} beside it and run again.`,
      });
    sleepSync(5 + Math.random() * 10);
  }
  try {
    critical();
  } finally {
    // Only our own lock: never one a later writer holds.
    if (readLock(lock)?.identity === mine)
      try {
        unlinkSync(lock);
      } catch {
        /* already gone */
      }
  }
}

export const lockPath = (file: string) => join(dirname(file), `.${basename(file)}.lock`);

/** Whether `name` (beside `file`) is a marker left by a writer that died while breaking a stale lock. */
export const isBreakMarker = (file: string, name: string) => name.startsWith(`.${basename(file)}.lock.`) && /\.lock\.[0-9a-f]{16}\.break$/.test(name);

/**
 * Breaks `path` (a lock, or a marker) when it is stale; true when it is gone now. Exactly one
 * writer can hold the marker for a given stale lock, and it deletes the lock only while the lock
 * is still that one. A marker whose writer died is itself stale, and is broken the same way.
 */
export function breakIfStale(file: string, path: string, depth = 0): boolean {
  const seen = readLock(path);
  if (seen === undefined) return true;
  if (!isStale(seen) || depth > 8) return false;
  const marker = join(dirname(path), `.${basename(file)}.lock.${createHash('sha256').update(seen.identity).digest('hex').slice(0, 16)}.break`);
  if (!createWhole(file, marker, newRecord())) {
    breakIfStale(file, marker, depth + 1);
    return false;
  }
  try {
    if (readLock(path)?.identity === seen.identity) unlinkSync(path);
  } catch {
    /* gone meanwhile: only its owner or our marker's holder deletes it, and its owner is gone */
  } finally {
    try {
      unlinkSync(marker);
    } catch {
      /* already gone */
    }
  }
  return true;
}

/** Creates `path` holding `record`, whole, unless it exists: false then. */
function createWhole(file: string, path: string, record: string): boolean {
  const temp = tempPath(file);
  try {
    writeFileSync(temp, record, { flag: 'wx', mode: 0o644 });
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create it in place (it may be seen empty for a moment,
    // which the grace period for empty locks allows for).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') {
      try {
        writeFileSync(path, record, { flag: 'wx', mode: 0o644 });
        return true;
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw inner;
      }
    }
    throw error;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
  }
}

interface LockSeen {
  /** The record, or for one that is not eis's record, its bytes, inode and time: what makes this lock this one. */
  identity: string;
  pid?: number | undefined;
  started?: string | undefined;
  ageMs: number;
}

const RECORD = /^eis lock: pid (\d{1,10}), started (\d*), ([0-9a-f]{16})\n$/;

function newRecord(): string {
  return `eis lock: pid ${process.pid}, started ${startTime(process.pid) ?? ''}, ${randomBytes(8).toString('hex')}\n`;
}

function readLock(path: string): LockSeen | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd, { bigint: true });
    const buffer = Buffer.alloc(256);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, length).toString('latin1');
    const ageMs = Date.now() - Number(stat.mtimeMs);
    const record = RECORD.exec(text);
    if (record) return { identity: text, pid: Number(record[1]), started: record[2] || undefined, ageMs };
    // Before locks held a record, they held the pid alone.
    const pid = /^\d{1,10}$/.test(text) ? Number(text) : undefined;
    return { identity: `${text}\0${stat.ino}\0${stat.mtimeNs}\0${stat.size}`, pid, ageMs };
  } catch {
    return undefined; // gone (released), or not ours to read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isStale(lock: LockSeen): boolean {
  if (lock.pid === undefined || lock.pid <= 0) return lock.ageMs > GARBLED_GRACE_MS;
  if (!isRunning(lock.pid)) return true;
  // A live process with the lock's pid: the owner, unless the pid was given to another since.
  const started = startTime(lock.pid);
  return lock.started !== undefined && started !== undefined && started !== lock.started;
}

/** Whether a process with this pid runs (one of another user counts: EPERM). A zombie has stopped. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return !/^[ZX]/.test(procStat(pid)?.[0] ?? '');
}

/** When the process started, in clock ticks since boot (Linux's /proc); undefined elsewhere. */
function startTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** The fields of /proc/<pid>/stat after the command name: state, ppid, … (field 3 on). */
function procStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return text
      .slice(text.lastIndexOf(')') + 2)
      .trim()
      .split(' ');
  } catch {
    return undefined;
  }
}
