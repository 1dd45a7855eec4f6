// Reading and writing statement files. Writes are atomic (a temporary file renamed over the
// target) and refuse to replace a file that changed on disk since it was read. The check and the
// rename happen under a lock file, or two writers could both pass the check and one answer be lost.
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fstatSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EisError } from '../../core/errors.js';
import { assertWritesInside } from './inside-repository.js';
import { breakIfStale, isBreakMarker, isRunning, withLock } from './lock.js';
import { tempOwner, tempPath } from './temp-name.js';
import { decodeText, parseYamlSource, type YamlSource } from '../../core/yaml/source.js';
import { MAX_FILE_BYTES, tooLargeError } from '../../core/yaml/decode.js';

export interface StatementFile {
  file: string;
  /** The text as read, and its hash: a save checks the file still has it. */
  text: string;
  hash: string;
  source: YamlSource;
}

export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads bytes, turning file-system errors into plain sentences. Only regular files are read: a
 * named pipe would wait forever for a writer and /dev/zero never ends. The same open, fstat and
 * read readFileSync does, with one fstat fewer.
 */
export function readBytes(file: string, what = 'file'): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new EisError(`the ${what} is a directory, not a file.`, { file });
    if (!stat.isFile()) throw new EisError(`the ${what} is not a regular file (a device, pipe or socket).`, { file, hint: 'Check that this is the right file.' });
    if (stat.size > MAX_FILE_BYTES) throw tooLargeError(stat.size, file);
    return readToEnd(fd, stat.size);
  } catch (error) {
    if (error instanceof EisError) throw error;
    throw fsError(error, file, what);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * An open file of known size: one buffer of that size, filled, as readFileSync does (which, given
 * a descriptor, asks for the size again). A file that shrank meanwhile is cut to what was read.
 */
function readToEnd(fd: number, size: number): Buffer {
  // Some files say they are empty and are not (those under /proc): those are read to their end.
  if (size === 0) return readFileSync(fd);
  const buffer = Buffer.allocUnsafeSlow(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, buffer, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return length === size ? buffer : buffer.subarray(0, length);
}

export function fsError(error: unknown, file: string, what = 'file', doing: 'read' | 'write' = 'read'): EisError {
  const code = (error as NodeJS.ErrnoException).code;
  const denied = doing === 'read' ? `the ${what} cannot be read: permission denied.` : writeDenied(file, what);
  const reason: Record<string, string> = {
    ENOENT: doing === 'read' ? `the ${what} does not exist.` : `the ${what} cannot be written: its folder does not exist.`,
    EACCES: denied,
    EPERM: denied,
    EISDIR: `the ${what} is a directory, not a file.`,
    ELOOP: `the ${what} is a symbolic link that loops.`,
    ENAMETOOLONG: 'the path is too long.',
    ENOSPC: 'the disk is full.',
    EROFS: 'the file system is read-only.',
  };
  return new EisError(reason[code ?? ''] ?? `the ${what} cannot be ${doing === 'read' ? 'used' : 'written'} (${code ?? String(error)}).`, { file, cause: error });
}

/** Why a write was refused: a save writes a new file beside the old one, so its folder must be writable too. */
function writeDenied(file: string, what: string): string {
  try {
    accessSync(dirname(file), constants.W_OK);
  } catch {
    return `the ${what} cannot be written: its folder ${dirname(file)} is read-only for you (permission denied), and eis saves by writing a new file beside the old one.`;
  }
  return `the ${what} cannot be written: permission denied.`;
}

/**
 * A file its owner made read-only (`chmod 444`) is never replaced, though the rename that replaces
 * it needs only its folder to be writable. The rule: the user could write the file in place
 * (access(W_OK)), and the file's owner may write it (its owner write bit), which is what says
 * "read-only" when eis runs as root, for whom access() allows everything.
 */
export function assertWritable(file: string, what: string): void {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return; // not there: creating it, or the check under the lock says it was deleted
  }
  let writable = (mode & 0o200) !== 0;
  if (writable)
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'EPERM') throw fsError(error, file, what, 'write');
      writable = false;
    }
  if (!writable)
    throw new EisError(`the ${what} is read-only (you have no permission to write it); eis did not change it.`, {
      file,
      hint: 'If it should change, make it writable (chmod u+w) and run eis again.',
    });
}

export function readStatement(file: string): StatementFile {
  const bytes = readBytes(file, 'statement');
  const text = decodeText(bytes, file);
  return { file, text, hash: hashText(bytes), source: parseYamlSource(text, file) };
}

/**
 * Writes `text` to `file` atomically. `expectedHash` is the hash of the content this write
 * replaces, or null when the file must not exist yet. Throws when someone else changed it, when
 * the file is read-only, and when a link would carry the write out of the repository.
 */
export function writeAtomic(file: string, text: string, expectedHash: string | null, cwd = process.cwd()): string {
  const dir = dirname(file);
  assertWritesInside(file, cwd);
  // The name says whose it is, and that it is eis's: see removeLeftovers.
  const temp = tempPath(file);
  if (expectedHash !== null) assertWritable(file, 'statement');
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, text);
    if (expectedHash !== null) keepMode(fd, file);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (expectedHash === null) {
      // link() fails when the target exists: creation cannot replace a file made meanwhile.
      linkSync(temp, file);
      unlinkSync(temp);
    } else {
      withLock(file, () => {
        assertUnchanged(file, expectedHash);
        renameSync(temp, file);
      });
    }
    syncFolder(dir);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    if (error instanceof EisError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new EisError('the file was created by someone else while eis was working; nothing was overwritten.', { file, hint: 'Look at it, then run eis again.' });
    throw fsError(error, file, 'statement', 'write');
  }
  removeLeftovers(file);
  return hashText(text);
}

/**
 * A save killed between writing its temporary file and renaming it (SIGKILL, a power cut) leaves
 * one of eis's temporary files behind (see temp-name.ts), and one killed while breaking a stale
 * lock leaves a marker. The next successful save removes those of processes that are gone: nobody
 * can rename them any more. A live writer's file (another eis waiting for the lock) is never
 * touched, nor a file eis did not make, and a failure here never fails the save just made.
 */
function removeLeftovers(file: string): void {
  const dir = dirname(file);
  const base = basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (isBreakMarker(file, name)) {
      breakIfStale(file, join(dir, name));
      continue;
    }
    const pid = tempOwner(base, name);
    if (pid === undefined || pid === process.pid || isRunning(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      /* removed by another save meanwhile */
    }
  }
}

function assertUnchanged(file: string, expectedHash: string): void {
  let current: Buffer;
  try {
    current = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new EisError('the file was deleted by someone else since eis read it; nothing was written.', { file, hint: 'Restore it, then run eis again.' });
    throw fsError(error, file, 'statement');
  }
  if (hashText(current) !== expectedHash)
    throw new EisError('the file changed on disk since eis read it (edited in another window?); eis did not overwrite it.', {
      file,
      hint: 'Your other changes are safe. Run the command again to continue from the file as it is now.',
      exitCode: 2,
    });
}

/** A statement someone made private stays private when eis replaces it. */
function keepMode(fd: number, file: string): void {
  try {
    fchmodSync(fd, statSync(file).mode & 0o7777);
  } catch {
    /* gone or not ours: the check that follows says so */
  }
}

/** The rename itself survives a power cut only once the folder is flushed too. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported everywhere (Windows): the write is still atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
