// Walks the pure flow without a terminal: a script answers each step, answers go into a plain object.
import { afterResponse, newEntry, nextStep, pathKey, referenceTo, startState, type Mode, type Response, type Step } from '../../src/core/interview/flow.js';
import { entriesOf, getAnswer, uniqueId } from '../../src/core/questionnaire/answers.js';
import type { Questionnaire } from '../../src/core/questionnaire/model.js';

export const TODAY = '2026-11-23';

/** Sets an answer the way the session does on the YAML document, here on plain data. */
export function applyAnswer(answers: Record<string, unknown>, step: Step, value: unknown): Record<string, unknown> {
  const out = structuredClone(answers);
  const [s, q] = step.path as [string, string];
  const section = (out[s] ??= {}) as Record<string, unknown>;
  if (step.kind === 'question') section[q] = value;
  else if (step.kind === 'field') {
    const list = (section[q] ??= []) as Record<string, unknown>[];
    if (step.create) list.push(newEntry(step, value, entriesOf(getAnswer(answers, `${s}.${q}`)), uniqueId));
    else list[step.index][step.field.id] = value;
  }
  return out;
}

export interface Walk {
  answers: Record<string, unknown>;
  /** What was asked, in order: paths, `+list` for add steps, `?list[i]` for revisit steps. */
  asked: string[];
  steps: Step[];
}

export function describe(step: Step): string {
  if (step.kind === 'add') return `+${pathKey(step.path)}${step.mustAdd ? '!' : ''}`;
  if (step.kind === 'revisit') return `?${pathKey(step.path)}`;
  return pathKey(step.path);
}

/** Runs the flow to its end; `script` answers each step (undefined means skip / no). */
export function walk(model: Questionnaire, answers: Record<string, unknown>, mode: Mode, script: (step: Step, answers: Record<string, unknown>) => Response, limit = 500): Walk {
  let state = startState(model, answers, mode, TODAY);
  const asked: string[] = [];
  const steps: Step[] = [];
  for (let step = nextStep(model, answers, state, TODAY); step; step = nextStep(model, answers, state, TODAY)) {
    if (asked.length >= limit) throw new Error(`the flow did not end after ${limit} steps: ${asked.slice(-5).join(', ')}`);
    asked.push(describe(step));
    steps.push(step);
    const response = script(step, answers);
    if (response.kind === 'answer') answers = applyAnswer(answers, step, response.value);
    else if (response.kind === 'new-entry' && (step.kind === 'question' || step.kind === 'field') && step.field.to) {
      // As the session does: the entry into the list referred to, then the reference to it.
      const [s, q] = step.field.to.split('.') as [string, string];
      const list = entriesOf(getAnswer(answers, step.field.to));
      const label = model.questions.get(step.field.to)?.labelField;
      const named = label ? response.entry[label] : undefined;
      const id = uniqueId(typeof named === 'string' ? named : `${q}-${list.length + 1}`, list);
      answers = structuredClone(answers);
      const section = (answers[s] ??= {}) as Record<string, unknown>;
      section[q] = [...list, { id, ...response.entry }];
      answers = applyAnswer(answers, step, referenceTo(step, id, response.keep));
    }
    state = afterResponse(state, step, response);
  }
  return { answers, asked, steps };
}
