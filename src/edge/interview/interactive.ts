// The interview in a terminal: the prompter (inquirer's, or the accessible one that reads lines),
// the loop, Ctrl-C, and the closing summary.
import type { Context } from '../context.js';
import { colorizer } from '../context.js';
import { ExitCode } from '../../core/errors.js';
import { discardSkeleton, type Opened } from './opened.js';
import type { Mode } from '../../core/interview/flow.js';
import { editorCommand, inquirerPrompter } from './prompts.js';
import { runSession, type SessionOptions } from './session.js';
import { summarize, summaryText } from './report.js';
import { HELP_KEY, type Prompter } from './ask.js';
import { linePrompter, END_OF_TEXT } from './line-prompter.js';
import { progressAt } from '../../core/interview/progress.js';
import { savedText } from '../../core/interview/said.js';

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

interface Asker {
  prompter: Prompter;
  /** What the session needs beyond the prompter: how headings look, what is said after an answer. */
  session: Pick<SessionOptions, 'heading' | 'dim' | 'answered' | 'counted'>;
  intro: string[];
  done: () => void;
}

function inquirerAsker(ctx: Context, opened: Opened): Asker {
  const c = ctx.stderrColor;
  const prompter = inquirerPrompter({ env: ctx.env, note: (text) => ctx.stderr(`${text}\n`) });
  return {
    prompter,
    session: { heading: (t) => c.bold(t), dim: (t) => c.dim(t) },
    intro: [
      `${c.bold(opened.model.title)} for ${opened.shown}`,
      c.dim(`Each answer is saved as soon as you give it. Ctrl-C stops; "eis answer ${opened.shown}" resumes. Type ${HELP_KEY} at a text question for help and an example.`),
      ...(prompter.hasEditor ? [] : [c.dim('No $VISUAL or $EDITOR is set, so long answers are typed on one line.')]),
    ],
    done: () => {},
  };
}

/**
 * Line by line, without colour, and saying after each answer what was saved and how far the
 * statement has come. Ctrl-C reaches the process as a signal, as the terminal is not in raw mode.
 */
function lineAsker(ctx: Context): Pick<Asker, 'prompter' | 'done'> {
  const prompter = linePrompter({ input: process.stdin, output: process.stdout, env: ctx.env, note: (text) => ctx.stderr(`${text}\n`) });
  const onSigint = () => prompter.interrupt();
  process.on('SIGINT', onSigint);
  return {
    prompter,
    done: () => {
      process.off('SIGINT', onSigint);
      prompter.close();
    },
  };
}

function accessibleAsker(ctx: Context, opened: Opened, mode: Mode): Asker {
  const note = (text: string) => ctx.stderr(`${text}\n`);
  const { prompter, done } = lineAsker(ctx);
  const editor = editorCommand(ctx.env);
  return {
    prompter,
    session: {
      heading: (t) => t,
      // The progress line's separators are symbols a screen reader spells out.
      dim: (t) => t.replaceAll(' · ', '; '),
      counted: (number, about) => note(`Question ${number} of about ${Math.max(number, about)}.`),
      answered: (step, response, answers) => {
        const said = savedText(step, response, progressAt(opened.model, answers, mode, step.section.id, ctx.today));
        if (said) note(said);
      },
    },
    intro: [
      `${opened.model.title} for ${opened.shown}`,
      'Accessible mode: each question is one line, and your answer the line you type after it. Choices are numbered: type the number or the name.',
      `Each answer is saved as soon as you give it, and eis says what it saved. Ctrl-C stops; "eis answer ${opened.shown}" resumes. Type ${HELP_KEY} at a text question for help and an example.`,
      editor
        ? `Long answers open your editor (${editor}).`
        : `No $VISUAL or $EDITOR is set, so long answers are typed here: as many lines as you need, then a line holding only a full stop (${END_OF_TEXT}).`,
    ],
    done,
  };
}

/** A yes or no before the interview (eis new on an existing statement), asked as the interview will ask. */
export async function confirmFirst(ctx: Context, message: string, accessible: boolean): Promise<boolean> {
  if (!accessible) return (await import('@inquirer/prompts')).confirm({ message, default: true });
  const { prompter, done } = lineAsker(ctx);
  try {
    return await prompter.confirm({ message, default: true });
  } finally {
    done();
  }
}

export async function interactiveSession(ctx: Context, opened: Opened, mode: Mode, accessible = false): Promise<number> {
  // In accessible mode nothing is coloured, the closing summary included.
  const plain = accessible ? { ...ctx, color: colorizer(0), stderrColor: colorizer(0) } : ctx;
  const asker = accessible ? accessibleAsker(plain, opened, mode) : inquirerAsker(ctx, opened);
  for (const line of asker.intro) ctx.stderr(`${line}\n`);
  const c = plain.stderrColor;
  try {
    const result = await runSession({
      file: opened.file,
      shown: opened.shown,
      model: opened.model,
      mode,
      today: ctx.today,
      severities: opened.config.rules,
      prompter: asker.prompter,
      ...asker.session,
    });
    if (result.nothingToDo) ctx.stderr(`Every required answer is given. Revisit a section with ${c.bold(`eis answer ${opened.shown} --section ID`)}, or everything with --all.\n`);
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    if (discardSkeleton(opened)) {
      ctx.stderr(`\nStopped before any answer was given, so ${opened.shown} was removed.\n`);
      return ExitCode.interrupted;
    }
    ctx.stderr(`\nStopped. Every answer given so far is saved in ${opened.shown}. Resume with: eis answer ${opened.shown}\n`);
    return ExitCode.interrupted;
  } finally {
    asker.done();
  }
  const summary = summarize(plain, opened.config, opened.file);
  ctx.stderr(`\n${summaryText(plain, summary)}`);
  return summary.exitCode;
}
