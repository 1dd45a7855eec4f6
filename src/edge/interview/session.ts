// The interview loop: ask a step, save its answer at once, ask the next. Every answer reaches the
// disk (atomically) before the next question appears, so an interrupted session loses at most the
// answer being typed. A statement changed by someone else meanwhile is never overwritten.
import { EisError } from '../../core/errors.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { entriesOf, getAnswer, isPlainObject, uniqueId } from '../../core/questionnaire/answers.js';
import { appendEntry, setAnswer } from '../../core/statement/edit.js';
import { changeStatement, statementData } from '../../core/statement/change.js';
import { readStatementText } from '../files/read-statement.js';
import { writeAtomic } from '../files/statement-file.js';
import { afterResponse, newEntry, nextStep, nothingToResume, startState, type Mode, type Step } from '../../core/interview/flow.js';
import { askStep, type Prompter } from './ask.js';
import { progressAt, progressHeading, progressLine } from '../../core/interview/progress.js';
import type { Answered } from '../../core/interview/said.js';

export interface SessionOptions {
  file: string;
  /** The file as people should see it in messages. */
  shown: string;
  model: Questionnaire;
  mode: Mode;
  today: string;
  prompter: Prompter;
  /** Section titles and progress lines. */
  heading: (text: string) => string;
  dim: (text: string) => string;
  /** Told after every response, once its answer is saved (the accessible prompter says what was saved). */
  answered?: Answered | undefined;
}

export interface SessionResult {
  /** Answers written in this session. */
  saved: number;
  /** True when resume mode found nothing required missing and asked nothing. */
  nothingToDo: boolean;
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { file, model, mode, today, prompter } = options;
  const statement = readStatementText(file);
  let hash = statement.hash;
  let answers = asAnswers(statement.data);
  let state = startState(model, answers, mode, today);
  if (nothingToResume(state)) return { saved: 0, nothingToDo: true };

  let saved = 0;
  let section: string | undefined;
  for (let step = nextStep(model, answers, state, today); step; step = nextStep(model, answers, state, today)) {
    if (step.section.id !== section) {
      section = step.section.id;
      const progress = progressAt(model, answers, mode, section, today);
      prompter.note('');
      prompter.note(options.heading(progress ? progressHeading(progress) : step.section.title));
      if (step.section.description) prompter.note(step.section.description.trim());
      if (progress) prompter.note(options.dim(progressLine(progress)));
    }
    const response = await askStep(step, prompter, model);
    if (response.kind === 'answer' && changes(step, response.value)) {
      ({ hash, answers } = save(file, options.shown, hash, model, step, response.value));
      saved++;
    }
    options.answered?.(step, response, answers);
    state = afterResponse(state, step, response);
  }
  return { saved, nothingToDo: false };
}

function asAnswers(data: unknown): Record<string, unknown> {
  return isPlainObject(data) ? data : {};
}

function changes(step: Step, value: unknown): boolean {
  if (step.kind !== 'question' && step.kind !== 'field') return false;
  return step.kind === 'field' && step.create ? true : JSON.stringify(step.current) !== JSON.stringify(value);
}

function save(file: string, shown: string, expected: string, model: Questionnaire, step: Step, value: unknown): { hash: string; answers: Record<string, unknown> } {
  const statement = readStatementText(file);
  if (statement.hash !== expected)
    throw new EisError('the statement changed on disk during the interview (edited in another window?); eis stopped and did not overwrite it. The answer just typed was not saved.', {
      file: shown,
      hint: `Run eis answer ${shown} to continue from the file as it is now.`,
    });
  const text = changeStatement(statement, [step.path.slice(0, 2)], (doc) => {
    if (step.kind === 'field' && step.create) {
      const listPath = step.path.slice(0, 2) as [string, string];
      const existing = entriesOf(getAnswer(asAnswers(statement.data), `${listPath[0]}.${listPath[1]}`));
      appendEntry(doc, model, listPath, newEntry(step, value, existing, uniqueId));
    } else {
      setAnswer(doc, model, step.path, value);
    }
  });
  const hash = writeAtomic(file, text, statement.hash);
  return { hash, answers: asAnswers(statementData(text, file)) };
}
