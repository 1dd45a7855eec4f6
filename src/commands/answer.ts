// eis answer: resume a statement's interview, revisit a section, or merge answers from a file.
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import type { Context } from '../context.js';
import { EisError } from '../errors.js';
import { displayPath } from '../discover.js';
import { interviewOrMerge, openStatement, sectionMode } from '../interview/command.js';
import type { Mode } from '../interview/flow.js';

export interface AnswerOptions {
  section?: string;
  all?: boolean;
  answers?: string;
}

export async function answer(ctx: Context, statement: string, options: AnswerOptions): Promise<number> {
  if (options.section !== undefined && options.all) throw new EisError('--section and --all cannot be used together.', { hint: 'Pick one section with --section, or walk everything with --all.' });
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const file = resolve(ctx.cwd, statement);
  const opened = openStatement(config, file, displayPath(file, ctx.cwd));
  const mode: Mode = options.section !== undefined ? sectionMode(opened.model, options.section) : options.all ? { kind: 'all' } : { kind: 'resume' };
  return interviewOrMerge(ctx, opened, { mode, answers: options.answers });
}
