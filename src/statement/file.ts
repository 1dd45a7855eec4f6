// Reading and writing statement files. Writes are atomic (a temporary file renamed over the
// target) and refuse to replace a file that changed on disk since it was read.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EisError } from '../errors.js';
import { decodeText, parseYamlSource, type YamlSource } from '../yaml/source.js';

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

/** Reads bytes, turning file-system errors into plain sentences. */
export function readBytes(file: string, what = 'file'): Buffer {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw fsError(error, file, what);
  }
  if (stat.isDirectory()) throw new EisError(`the ${what} is a directory, not a file.`, { file });
  try {
    return readFileSync(file);
  } catch (error) {
    throw fsError(error, file, what);
  }
}

export function fsError(error: unknown, file: string, what = 'file'): EisError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason: Record<string, string> = {
    ENOENT: `the ${what} does not exist.`,
    EACCES: `the ${what} cannot be read: permission denied.`,
    EPERM: `the ${what} cannot be read: permission denied.`,
    EISDIR: `the ${what} is a directory, not a file.`,
    ELOOP: `the ${what} is a symbolic link that loops.`,
    ENAMETOOLONG: 'the path is too long.',
    ENOSPC: 'the disk is full.',
    EROFS: 'the file system is read-only.',
  };
  return new EisError(reason[code ?? ''] ?? `the ${what} cannot be used (${code ?? String(error)}).`, { file, cause: error });
}

export function readStatement(file: string): StatementFile {
  const bytes = readBytes(file, 'statement');
  const text = decodeText(bytes, file);
  return { file, text, hash: hashText(bytes), source: parseYamlSource(text, file) };
}

/**
 * Writes `text` to `file` atomically. `expectedHash` is the hash of the content this write
 * replaces, or null when the file must not exist yet. Throws when someone else changed it.
 */
export function writeAtomic(file: string, text: string, expectedHash: string | null): string {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (expectedHash === null) {
      // link() fails when the target exists: creation cannot replace a file made meanwhile.
      linkSync(temp, file);
      unlinkSync(temp);
    } else {
      assertUnchanged(file, expectedHash);
      renameSync(temp, file);
    }
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
    throw fsError(error, file, 'statement');
  }
  return hashText(text);
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
