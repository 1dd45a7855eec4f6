// eis answer: resume a statement's interview, revisit a section, or merge answers from a file.
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { AnswerOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { statementTarget } from '../../edge/interview/target.js';
import { interviewOrMerge, openStatement, sectionMode } from '../../edge/interview/command.js';
import type { Mode } from '../../core/interview/flow.js';
import { accessibleMode } from '../../core/interview/accessible.js';
import { languageOf } from '../../edge/i18n/language.js';

export async function answer(ctx: Context, statement: string, options: AnswerOptions): Promise<number> {
  if (options.section !== undefined && options.all) throw new EisError('--section and --all cannot be used together.', { hint: 'Pick one section with --section, or walk everything with --all.' });
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const language = languageOf(config, options.lang, ctx.cwd);
  const { file, shown } = statementTarget(ctx, config, statement);
  const opened = openStatement(config, file, shown, language.questionnaire);
  const mode: Mode = options.section !== undefined ? sectionMode(opened.model, options.section) : options.all ? { kind: 'all' } : { kind: 'resume' };
  return interviewOrMerge(ctx, opened, { mode, answers: options.answers, accessible: accessibleMode(options.accessible, ctx.env, config.interview?.accessible) });
}
