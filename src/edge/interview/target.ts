// The statement a command is given: a statement file as it is, or a memo or initiative folder,
// whose statement is found where `eis new` puts it (the config's naming).
import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import type { Context } from '../context.js';
import { EisError } from '../../core/errors.js';
import { displayPath, isStatementName } from '../files/discover.js';
import { statementPathForFolder, statementPathForMemo } from '../../core/check/coverage.js';

/** Files that are statements (or answers in the statement's shape) whatever they are called. */
const DATA_FILE = /\.(ya?ml|json)$/i;
/** Memos as a folder holds them (src/discover.ts): what `eis render` takes for a memo. */
const MEMO_FILE = /\.(md|markdown|txt)$/i;

export interface Target {
  file: string;
  shown: string;
}

/**
 * `memos/a.md` -> `memos/a.eis.yaml`, a folder -> its statement; says on stderr which file it
 * opens, since it is not the one named. A memo without a statement is an error that says how to
 * make one. Anything else (a statement, a missing path) is returned as given, for the reader to
 * report. With `memos: 'text'`, only Markdown and text files are taken for memos: `eis render`, a
 * git textconv driver, is given temporary copies of statements that may have any name.
 */
export function statementTarget(ctx: Context, config: Config, target: string, options: { memos?: 'any' | 'text' } = {}): Target {
  const path = resolve(ctx.cwd, target);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return { file: path, shown: displayPath(path, ctx.cwd) };
  }
  const asGiven = isStatementName(path) || DATA_FILE.test(extname(path)) || (options.memos === 'text' && !MEMO_FILE.test(path));
  if (!isFolder && asGiven) return { file: path, shown: displayPath(path, ctx.cwd) };
  const file = isFolder ? statementPathForFolder(config, path) : statementPathForMemo(config, path);
  const shown = displayPath(file, ctx.cwd);
  if (!existsSync(file)) throw new EisError(`no statement yet (looked for ${shown}); create it with: eis new ${target}`, { file: target });
  ctx.stderr(`The statement for ${target}: ${shown}\n`);
  return { file, shown };
}
