// What the accessible interview says after each answer, and when it is accessible at all.
import { describe, expect, it } from 'vitest';
import { savedText } from '../../src/core/interview/said.js';
import { accessibleMode } from '../../src/core/interview/accessible.js';
import { parseConfig } from '../../src/core/config/config.js';
import { policyHash } from '../../src/edge/git/policy.js';
import { progressAt } from '../../src/core/interview/progress.js';
import { afterResponse, nextStep, startState, type Step } from '../../src/core/interview/flow.js';
import { builtinLatest } from '../helpers/model.js';
import { TODAY } from './walk.js';

const model = builtinLatest();

function stepFor(answers: Record<string, unknown>, key: string): Step {
  let state = startState(model, answers, { kind: 'all' }, TODAY);
  for (let step = nextStep(model, answers, state, TODAY); step; step = nextStep(model, answers, state, TODAY)) {
    if (step.kind === 'question' && step.path.join('.') === key) return step;
    state = afterResponse(state, step, step.kind === 'add' || step.kind === 'revisit' ? { kind: 'no' } : { kind: 'skip' });
  }
  throw new Error(`no step ${key}`);
}

describe('what is said after an answer', () => {
  it('names the question and the answer saved, choices by their labels, with the progress in words', () => {
    const answers = { initiative: { title: 'Text reminders' }, screening: { affected: ['children', 'lcsas'] } };
    const progress = progressAt(model, answers, { kind: 'all' }, 'screening', TODAY);
    const step = stepFor({ initiative: { title: 'Text reminders' } }, 'screening.affected');
    expect(savedText(step, { kind: 'answer', value: ['children', 'lcsas'] }, progress)).toBe(
      `Saved Who is affected?: Children; Local child support agencies (${progress!.answered} of ${progress!.required} required answers given).`,
    );
    expect(progress!.answered).toBeGreaterThan(0);
  });

  it('says "kept" for the current answer given again, and "nothing saved" for a skipped one', () => {
    const step = stepFor({ initiative: { title: 'Text reminders' } }, 'initiative.title');
    expect(savedText(step, { kind: 'answer', value: 'Text reminders' }, undefined)).toBe('Kept Title: Text reminders.');
    expect(savedText(stepFor({}, 'initiative.title'), { kind: 'answer', value: 'Done.' }, undefined)).toBe('Saved Title: Done.');
    expect(savedText(stepFor({}, 'initiative.summary'), { kind: 'skip' }, undefined)).toBe('Nothing saved for Plain-language summary; it stays unanswered.');
  });

  it('sums up a long answer instead of reading it all back', () => {
    const long = `${'Parents get a text three days before a payment is due, in their language. '.repeat(3)}\nAnd a letter.`;
    expect(savedText(stepFor({}, 'initiative.summary'), { kind: 'answer', value: long }, undefined)).toBe(
      `Saved Plain-language summary: ${long.length} characters on 2 lines, starting "Parents get a text three days before a payment is due, in".`,
    );
  });
});

describe('accessible mode', () => {
  it('is off unless asked for', () => {
    expect(accessibleMode(undefined, {}, undefined)).toBe(false);
  });

  it('takes the flag first, then EIS_ACCESSIBLE, then ACCESSIBLE, then the config', () => {
    expect(accessibleMode(false, { EIS_ACCESSIBLE: '1', ACCESSIBLE: '1' }, true)).toBe(false);
    expect(accessibleMode(true, { EIS_ACCESSIBLE: '0' }, false)).toBe(true);
    expect(accessibleMode(undefined, { EIS_ACCESSIBLE: '0', ACCESSIBLE: '1' }, true)).toBe(false);
    expect(accessibleMode(undefined, { EIS_ACCESSIBLE: 'true' }, false)).toBe(true);
    expect(accessibleMode(undefined, { ACCESSIBLE: '1' }, false)).toBe(true);
    expect(accessibleMode(undefined, { ACCESSIBLE: 'false' }, true)).toBe(false);
    expect(accessibleMode(undefined, { ACCESSIBLE: '' }, true)).toBe(true);
    expect(accessibleMode(undefined, {}, true)).toBe(true);
  });

  it('is a setting of eis.config.yaml, checked like every other', () => {
    expect(parseConfig('interview:\n  accessible: true\n', '/repo/eis.config.yaml').interview).toEqual({ accessible: true });
    expect(parseConfig('questionnaire: equity-impact\n', '/repo/eis.config.yaml').interview).toBeUndefined();
    expect(() => parseConfig('interview:\n  accessible: yes please\n', '/repo/eis.config.yaml')).toThrow(/"interview.accessible" should be boolean/);
    expect(() => parseConfig('interview:\n  acessible: true\n', '/repo/eis.config.yaml')).toThrow(/"acessible" is not a config setting/);
  });

  it('is no part of what a policy approval covers: turning it on asks no approval again', () => {
    const questionnaire = model;
    const hash = (text: string) => policyHash({ config: parseConfig(text, '/repo/eis.config.yaml'), questionnaire });
    expect(hash('interview:\n  accessible: true\n')).toBe(hash('questionnaire: equity-impact\n'));
    expect(hash('rules:\n  stale: off\n')).not.toBe(hash('questionnaire: equity-impact\n'));
  });
});
