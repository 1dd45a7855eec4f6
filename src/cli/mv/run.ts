// eis mv: a memo and its statement move together, and the statement's memo list follows. Sign-off
// entries are never touched: their hash is of the memo's content, which a move does not change.
import { linkSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isScalar } from 'yaml';
import type { Config } from '../../core/config/config.js';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import { EisError } from '../../core/errors.js';
import { displayPath, isStatementName } from '../../edge/files/discover.js';
import { statementPathForMemo } from '../../core/check/coverage.js';
import { memoMatcher } from '../../core/check/memo-globs.js';
import { questionnaireRegistry } from '../../edge/questionnaire/registry.js';
import { git } from '../../edge/git/run.js';
import { isWithin, realPathOf, repositoryRoot } from '../../edge/git/repository.js';
import { writeAtomic } from '../../edge/files/statement-file.js';
import { setAnswer } from '../../core/statement/edit.js';
import { changeStatement, statementPosition, type StatementText } from '../../core/statement/change.js';
import { readStatementText } from '../../edge/files/read-statement.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { getAnswer, isPlainObject } from '../../core/questionnaire/answers.js';
import { memoList } from '../../core/review/conventions.js';

type Kind = 'file' | 'folder' | 'none';

function kindOf(path: string): Kind {
  try {
    return statSync(path).isFile() ? 'file' : 'folder';
  } catch {
    return 'none';
  }
}

export async function mv(ctx: Context, from: string, to: string): Promise<number> {
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const shown = (abs: string) => displayPath(abs, ctx.cwd);
  const oldMemo = resolve(ctx.cwd, from);
  // As with mv and git mv, a folder as the target means: into it, under the same name.
  const newMemo = kindOf(resolve(ctx.cwd, to)) === 'folder' ? join(resolve(ctx.cwd, to), basename(oldMemo)) : resolve(ctx.cwd, to);

  const root = repositoryRoot(config.root);
  const newArg = newMemo === resolve(ctx.cwd, to) ? to : shown(newMemo);
  for (const [arg, abs] of [
    [from, oldMemo],
    [newArg, newMemo],
  ] as const) {
    if (arg.startsWith('-')) throw new EisError(`"${arg}" looks like an option, not a path.`, { hint: `Write ./${arg} if it is a file name.` });
    if (!isWithin(realPathOf(abs), root)) throw new EisError('the path is outside the repository; eis mv moves files within it.', { file: arg, hint: `Give paths inside ${root}.` });
    if (isStatementName(abs))
      throw new EisError('this is a statement; eis mv takes the memo, and its statement moves with it.', { file: arg, hint: 'Name the memo files, e.g. eis mv memos/a.md memos/b.md.' });
  }
  if (oldMemo === newMemo) throw new EisError('the old and the new path are the same; nothing to move.', { file: from });

  const oldKind = kindOf(oldMemo);
  const newKind = kindOf(newMemo);
  if (oldKind === 'folder')
    throw new EisError('this is a folder; eis mv moves one memo and its statement.', { file: from, hint: 'Move an initiative folder with git mv: its statement is inside it.' });
  if (oldKind === 'file' && newKind !== 'none')
    throw new EisError('the target exists; eis mv never replaces a file.', { file: newArg, hint: 'Choose another name, or move the file that is there first.' });
  if (oldKind === 'none' && newKind !== 'file')
    throw new EisError('the memo does not exist (and nothing is at the new path either).', {
      file: from,
      hint: 'Check the spelling; eis mv also takes a memo already moved, when the new path exists.',
    });
  const memoMoved = oldKind === 'none';

  const oldStatement = statementPathForMemo(config, oldMemo);
  const newStatement = statementPathForMemo(config, newMemo);
  const statementMoves = oldStatement !== newStatement;
  if (kindOf(oldStatement) !== 'file')
    throw new EisError(`the memo has no statement at ${shown(oldStatement)}, so there is nothing for eis mv to move with it.`, {
      file: from,
      hint: memoMoved ? 'The memo has moved already, so nothing is left to do.' : 'Move a memo without a statement with git mv (or mv).',
    });
  if (statementMoves && kindOf(newStatement) !== 'none')
    throw new EisError("the new memo's statement exists already; eis mv never replaces a file.", {
      file: shown(newStatement),
      hint: 'Keep one of the two statements, then move the memo with git mv.',
    });
  if (!isWithin(realPathOf(newStatement), root)) throw new EisError('the statement would be outside the repository.', { file: shown(newStatement) });

  // Read and changed before anything moves: a statement eis cannot read stops the move here.
  const statement = readStatementText(oldStatement);
  const edits = memoListEdits(statement, config, oldMemo, newMemo, newStatement, shown(oldStatement));
  const text = edits.changes.length
    ? changeStatement(statement, [edits.listPath], (doc) =>
        edits.changes.forEach(([path, value]) => {
          // Changed in place, so that a comment on the line stays.
          const node = doc.getIn(path, true);
          if (isScalar(node)) node.value = value;
          else setAnswer(doc, edits.model!, path, value);
        }),
      )
    : undefined;

  const tracked = trackedFiles(root, [oldMemo, oldStatement]);
  const moved: Array<[string, string]> = [];
  try {
    if (!memoMoved) moved.push(move(oldMemo, newMemo, tracked.has(oldMemo), root));
    if (statementMoves) moved.push(move(oldStatement, newStatement, tracked.has(oldStatement), root));
    if (text !== undefined) writeAtomic(newStatement, text, statement.hash);
  } catch (error) {
    // Put back what moved, so that a failure leaves the files as they were.
    for (const [a, b] of moved.reverse())
      try {
        move(b, a, tracked.has(a), root);
      } catch {
        /* reported below with the first failure */
      }
    throw error;
  }

  const lines = [];
  if (memoMoved) ctx.stderr(`eis: ${shown(newMemo)} was moved already; its statement follows it.\n`);
  else lines.push(`moved ${shown(oldMemo)} -> ${shown(newMemo)}`);
  if (statementMoves) lines.push(`moved ${shown(oldStatement)} -> ${shown(newStatement)}`);
  if (edits.changes.length) lines.push(`updated ${edits.changes.length === 1 ? '1 path' : `${edits.changes.length} paths`} in the memo list of ${shown(newStatement)}`);
  ctx.stdout(`${lines.join('\n')}\n`);
  const rel = relative(config.root, newMemo).split(sep).join('/');
  if (config.initiatives.memos.length && !memoMatcher(config.initiatives.memos)(rel))
    ctx.stderr(`eis: no glob in initiatives.memos takes ${shown(newMemo)}; eis check will say so until the config names it.\n`);
  return 0;
}

interface MemoListEdits {
  listPath: string[];
  changes: Array<[Array<string | number>, string]>;
  model?: ReturnType<typeof questionnaireFor>;
}

/** The memo list's paths, written relative to the statement: the old memo's becomes the new one's, and the others still name their files from the new folder. */
function memoListEdits(statement: StatementText, config: Config, oldMemo: string, newMemo: string, newStatement: string, shown: string): MemoListEdits {
  const data = statement.data;
  let model: Questionnaire;
  try {
    model = questionnaireFor(data, questionnaireRegistry(config));
  } catch (error) {
    if (error instanceof EisError && !error.file) throw new EisError(error.message, { file: shown, ...statementPosition(statement, ['questionnaire']), hint: error.hint });
    throw error;
  }
  const list = memoList(model);
  if (!list || !isPlainObject(data)) return { listPath: [], changes: [] };
  const listPath = list.key.split('.');
  const entries = getAnswer(data, list.key);
  if (!Array.isArray(entries)) return { listPath, changes: [] };
  const oldDir = dirname(statement.file);
  const newDir = dirname(newStatement);
  const changes: MemoListEdits['changes'] = [];
  entries.forEach((entry, index) => {
    if (!isPlainObject(entry)) return;
    const written = entry[list.field];
    if (typeof written !== 'string' || !written.trim()) return;
    const path = written.trim();
    const target = resolve(oldDir, path);
    if (isAbsolute(path) && target !== oldMemo) return;
    const next = target === oldMemo ? newMemo : target;
    const value = isAbsolute(path) ? next : relative(newDir, next).split(sep).join('/');
    if (value !== path) changes.push([[...listPath, index, list.field], value]);
  });
  return { listPath, changes, model };
}

/** Which of the files git tracks (none outside a repository). */
function trackedFiles(root: string, files: string[]): Set<string> {
  let out: string;
  try {
    out = git(['--literal-pathspecs', 'ls-files', '-z', '--', ...files.map((f) => relative(root, realPathOf(f)))], root);
  } catch {
    return new Set();
  }
  const listed = new Set(
    out
      .split('\0')
      .filter(Boolean)
      .map((f) => resolve(root, f)),
  );
  return new Set(files.filter((f) => listed.has(realPathOf(f))));
}

/** Moves one file without ever replacing another: git mv when git tracks it, otherwise a link and an unlink. */
function move(from: string, to: string, tracked: boolean, root: string): [string, string] {
  mkdirSync(dirname(to), { recursive: true });
  if (tracked) {
    git(['mv', '--', relative(root, realPathOf(from)), relative(root, realPathOf(to))], root);
    return [from, to];
  }
  try {
    linkSync(from, to);
    unlinkSync(from);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EisError('the target was created meanwhile; eis mv never replaces a file.', { file: to });
    // File systems without hard links: the target was checked to be free just before.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') renameSync(from, to);
    else throw new EisError(`the file cannot be moved (${code ?? String(error)}).`, { file: from });
  }
  return [from, to];
}
