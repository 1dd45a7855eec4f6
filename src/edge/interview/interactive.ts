// The interview in a terminal: the inquirer prompter, the loop, Ctrl-C, and the closing summary.
import type { Context } from '../context.js';
import { ExitCode } from '../../core/errors.js';
import { discardSkeleton, type Opened } from './opened.js';
import type { Mode } from '../../core/interview/flow.js';
import { inquirerPrompter } from './prompts.js';
import { runSession } from './session.js';
import { summarize, summaryText } from './report.js';
import { HELP_KEY } from './ask.js';

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export async function interactiveSession(ctx: Context, opened: Opened, mode: Mode): Promise<number> {
  const c = ctx.stderrColor;
  const note = (text: string) => ctx.stderr(`${text}\n`);
  const prompter = inquirerPrompter({ env: ctx.env, note });
  note(`${c.bold(opened.model.title)} for ${opened.shown}`);
  note(c.dim(`Each answer is saved as soon as you give it. Ctrl-C stops; "eis answer ${opened.shown}" resumes. Type ${HELP_KEY} at a text question for help and an example.`));
  if (!prompter.hasEditor) note(c.dim('No $VISUAL or $EDITOR is set, so long answers are typed on one line.'));
  try {
    const result = await runSession({
      file: opened.file,
      shown: opened.shown,
      model: opened.model,
      mode,
      today: ctx.today,
      severities: opened.config.rules,
      prompter,
      heading: (t) => c.bold(t),
      dim: (t) => c.dim(t),
    });
    if (result.nothingToDo) note(`Every required answer is given. Revisit a section with ${c.bold(`eis answer ${opened.shown} --section ID`)}, or everything with --all.`);
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    if (discardSkeleton(opened)) {
      ctx.stderr(`\nStopped before any answer was given, so ${opened.shown} was removed.\n`);
      return ExitCode.interrupted;
    }
    ctx.stderr(`\nStopped. Every answer given so far is saved in ${opened.shown}. Resume with: eis answer ${opened.shown}\n`);
    return ExitCode.interrupted;
  }
  const summary = summarize(ctx, opened.config, opened.file);
  ctx.stderr(`\n${summaryText(ctx, summary)}`);
  return summary.exitCode;
}
