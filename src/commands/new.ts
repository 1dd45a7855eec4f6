// eis new: create the statement beside a memo (or inside an initiative folder), then interview.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config.js';
import type { Context } from '../context.js';
import { EisError, ExitCode } from '../errors.js';
import { displayPath, isStatementName } from '../discover.js';
import { statementPathForFolder, statementPathForMemo } from '../check/coverage.js';
import { loadQuestionnaire } from '../questionnaire/resolve.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { newStatementText } from '../statement/edit.js';
import { writeAtomic } from '../statement/file.js';
import { packageRoot } from '../package-root.js';
import { interviewOrMerge, openStatement } from '../interview/command.js';

export interface NewOptions {
  answers?: string;
}

/**
 * A relative link to the statement JSON Schema shipped with eis, for editor completion: only when
 * eis lives inside the repository (in node_modules), so the link works on every clone.
 */
function schemaUrl(model: Questionnaire, statement: string, root: string): string | undefined {
  if (!model.source.startsWith('builtin:')) return undefined;
  const schema = join(packageRoot(), 'schemas', `${model.id}.schema.json`);
  const inside = relative(root, schema);
  if (!existsSync(schema) || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return relative(dirname(statement), schema).split(sep).join('/');
}

export async function newStatement(ctx: Context, target: string, options: NewOptions): Promise<number> {
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const path = resolve(ctx.cwd, target);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new EisError('the memo or folder does not exist.', { file: target, hint: 'Give the path of the memo (such as memos/child-care-credit.md) or of the initiative folder.' });
  }
  if (!isFolder && isStatementName(path)) throw new EisError('this is a statement already, not a memo.', { file: target, hint: `Continue it with: eis answer ${target}` });
  const file = isFolder ? statementPathForFolder(config, path) : statementPathForMemo(config, path);
  const shown = displayPath(file, ctx.cwd);

  if (existsSync(file)) {
    if (!ctx.interactive || options.answers !== undefined)
      throw new EisError(`the statement ${shown} exists already; eis new does not overwrite it.`, { hint: `Continue it with: eis answer ${shown}${options.answers !== undefined ? ` --answers ${options.answers}` : ''}` });
    ctx.stderr(`${shown} exists already.\n`);
    const { confirm } = await import('@inquirer/prompts');
    let resume: boolean;
    try {
      resume = await confirm({ message: `Continue answering ${shown}?`, default: true });
    } catch (error) {
      if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.interrupted;
      throw error;
    }
    if (!resume) return ExitCode.ok;
    return interviewOrMerge(ctx, openStatement(config, file, shown), { mode: { kind: 'resume' } });
  }

  const model = loadQuestionnaire(config.questionnaire, config.root);
  writeAtomic(file, newStatementText(model, { schemaUrl: schemaUrl(model, file, config.root), title: displayPath(path, dirname(file)) || undefined }), null);
  ctx.stdout(`${shown}\n`);
  return interviewOrMerge(ctx, openStatement(config, file, shown), { mode: { kind: 'resume', fromStart: true }, answers: options.answers });
}
