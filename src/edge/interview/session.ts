// The interview loop: ask a step, save its answer at once, ask the next. Every answer reaches the
// disk (atomically) before the next question appears, so an interrupted session loses at most the
// answer being typed. A statement changed by someone else meanwhile is never overwritten.
import { EisError } from '../../core/errors.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { entriesOf, getAnswer, isPlainObject, uniqueId, type Entry } from '../../core/questionnaire/answers.js';
import { appendEntry, setAnswer } from '../../core/statement/edit.js';
import { changeStatement, statementData } from '../../core/statement/change.js';
import { readStatementText } from '../files/read-statement.js';
import { writeAtomic } from '../files/statement-file.js';
import { afterResponse, newEntry, nextStep, nothingToResume, pathKey, referenceTo, startState, stepsLeft, type FieldStep, type Mode, type QuestionStep, type Step } from '../../core/interview/flow.js';
import { askStep, type AskContext, type Prompter } from './ask.js';
import { listsRulesNeed, ruleObjection } from '../../core/interview/rule-needs.js';
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
  /** Severities from the config: a rule turned off neither refuses an answer nor asks for one. */
  severities?: Record<string, 'error' | 'warning' | 'off'> | undefined;
  /** Section titles and progress lines. */
  heading: (text: string) => string;
  dim: (text: string) => string;
  /** Told after every response, once its answer is saved (the accessible prompter says what was saved). */
  answered?: Answered | undefined;
  /** Before each question: its number in this session and about how many there are (accessible mode says it). */
  counted?: ((number: number, about: number) => void) | undefined;
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
  let asked = 0;
  for (let step = nextStep(model, answers, state, today); step; step = nextStep(model, answers, state, today)) {
    // A required list's first entry is started without asking: a note, not a question.
    if (options.counted && !(step.kind === 'add' && step.mustAdd)) {
      asked++;
      options.counted(asked, asked + stepsLeft(model, answers, afterResponse(state, step, { kind: 'skip' }), today));
    }
    if (step.section.id !== section) {
      section = step.section.id;
      const progress = progressAt(model, answers, mode, section, today);
      prompter.note('');
      prompter.note(options.heading(progress ? progressHeading(progress) : step.section.title));
      if (step.section.description) prompter.note(step.section.description.trim());
      if (progress) prompter.note(options.dim(progressLine(progress)));
    }
    const response = await askStep(step, prompter, model, askContext(step, answers, options));
    if (response.kind === 'answer' && changes(step, response.value)) {
      ({ hash, answers } = save(file, options.shown, hash, model, step, response.value));
      saved++;
    } else if (response.kind === 'new-entry' && (step.kind === 'question' || step.kind === 'field')) {
      ({ hash, answers } = saveWithEntry(file, options.shown, hash, model, step, response));
      saved++;
    }
    options.answered?.(step, response, answers);
    state = afterResponse(state, step, response);
  }
  return { saved, nothingToDo: false };
}

/** What the rules say about this step, for the answers so far. */
function askContext(step: Step, answers: Record<string, unknown>, options: SessionOptions): AskContext {
  const check = options.severities ? { today: options.today, severities: options.severities } : { today: options.today };
  if (step.kind === 'question') return { objection: (value) => ruleObjection(options.model, answers, step.path, value, check) };
  if (step.kind === 'add' && !step.mustAdd) return { addWanted: listsRulesNeed(options.model, answers, check).has(pathKey(step.path)) };
  return {};
}

function asAnswers(data: unknown): Record<string, unknown> {
  return isPlainObject(data) ? data : {};
}

function changes(step: Step, value: unknown): boolean {
  if (step.kind !== 'question' && step.kind !== 'field') return false;
  return step.kind === 'field' && step.create ? true : JSON.stringify(step.current) !== JSON.stringify(value);
}

/** The statement as it is on disk, refused when someone else changed it since this session last wrote. */
function unchanged(file: string, shown: string, expected: string): ReturnType<typeof readStatementText> {
  const statement = readStatementText(file);
  if (statement.hash !== expected)
    throw new EisError('the statement changed on disk during the interview (edited in another window?); eis stopped and did not overwrite it. The answer just typed was not saved.', {
      file: shown,
      hint: `Run eis answer ${shown} to continue from the file as it is now.`,
    });
  return statement;
}

/** A reference answered with a new entry: the entry into its list and the reference to it, in one write. */
function saveWithEntry(
  file: string,
  shown: string,
  expected: string,
  model: Questionnaire,
  step: QuestionStep | FieldStep,
  response: { entry: Entry; keep?: string[] | undefined },
): { hash: string; answers: Record<string, unknown> } {
  const statement = unchanged(file, shown, expected);
  const listPath = step.field.to!.split('.') as [string, string];
  const data = asAnswers(statement.data);
  const named = response.entry[model.questions.get(step.field.to!)?.labelField ?? ''];
  const id = uniqueId(typeof named === 'string' && named.trim() ? named : `${listPath[1]}-${entriesOf(getAnswer(data, step.field.to!)).length + 1}`, entriesOf(getAnswer(data, step.field.to!)));
  const text = changeStatement(statement, [listPath, step.path.slice(0, 2)], (doc) => {
    appendEntry(doc, model, listPath, { id, ...response.entry });
    const value = referenceTo(step, id, response.keep);
    if (step.kind === 'field' && step.create) {
      const owner = step.path.slice(0, 2) as [string, string];
      appendEntry(doc, model, owner, newEntry(step, value, entriesOf(getAnswer(data, `${owner[0]}.${owner[1]}`)), uniqueId));
    } else setAnswer(doc, model, step.path, value);
  });
  const hash = writeAtomic(file, text, statement.hash);
  return { hash, answers: asAnswers(statementData(text, file)) };
}

function save(file: string, shown: string, expected: string, model: Questionnaire, step: Step, value: unknown): { hash: string; answers: Record<string, unknown> } {
  const statement = unchanged(file, shown, expected);
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
