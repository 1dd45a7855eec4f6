// Writing an output file (a report, a rendered page): atomic, and any missing folders created.
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { assertWritable, fsError } from './statement-file.js';
import { assertWritesInside } from './inside-repository.js';
import { EisError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { plainColors, type Colorizer } from '../../core/reporters/types.js';

let written = 0;

/**
 * Writes `text` (or the bytes of a binary document: Word, PDF) to `file` (relative to `cwd`) and returns its absolute path, never through a link
 * out of the repository, nor over a read-only file. A file that already
 * holds exactly this text is left as it is, modification time included, as build tools do: pages
 * re-rendered from unchanged statements do not look changed to a deploy, a sync or a watcher.
 */
export function writeOutput(file: string, text: string | Uint8Array, cwd: string): string {
  const target = resolve(cwd, file);
  assertWritesInside(file, cwd);
  if (holdsAlready(target, text)) return target;
  assertWritable(target, 'output file');
  // The pid and a count make the name unique: nothing else writes these names.
  const temp = `${target}.${process.pid}.${++written}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      /* nothing to clean */
    }
    throw fsError(error, file, 'output file', 'write');
  }
  return target;
}

function holdsAlready(file: string, text: string | Uint8Array): boolean {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    // The byte length first: most changed pages differ in size, and then nothing is read.
    if (!stat?.isFile() || stat.size !== Buffer.byteLength(text)) return false;
    // Bytes, not text: a damaged byte would read as U+FFFD and might match the text.
    return readFileSync(file).equals(Buffer.from(text));
  } catch {
    return false;
  }
}

/** The formats of `--format a,b`, each one known. */
export function parseFormats(value: string, known: string[]): string[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of formats) if (!known.includes(f)) throw new EisError(`"${f}" is not an output format.`, { hint: `Use one or more of ${known.join(', ')}, separated by commas.` });
  if (!formats.length) throw new EisError('--format needs at least one format.', { hint: `Use one or more of ${known.join(', ')}.` });
  return formats;
}

/** Prints each format to stdout, except the last, which goes to `--output` when one is given (without colour). */
export function printReports(ctx: Context, formats: string[], output: string | undefined, render: (format: string, color: Colorizer) => string): void {
  formats.forEach((format, i) => {
    const toFile = output !== undefined && i === formats.length - 1;
    const text = render(format, toFile ? plainColors : ctx.color);
    if (toFile) writeOutput(output, text, ctx.cwd);
    else ctx.stdout(text);
  });
}
