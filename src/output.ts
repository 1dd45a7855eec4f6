// Writing an output file (a report, a rendered page): atomic, and any missing folders created.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { fsError } from './statement/file.js';

export function writeOutput(file: string, text: string, cwd: string): string {
  const target = resolve(cwd, file);
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
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
    throw fsError(error, file, 'output file');
  }
  return target;
}
