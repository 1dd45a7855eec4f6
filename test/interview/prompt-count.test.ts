// How many prompts a statement takes: the approved example, as equity-impact@2 holds it, replayed
// through the interview from a new statement's skeleton. The interview must record every answer
// the example holds; the figures are the ones docs/interview.md reports.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoTitle, prefillYaml } from '../../src/core/statement/prefill.js';
import { parse } from 'yaml';
import { checkStatementData } from '../../src/core/check/statement.js';
import { EXAMPLES } from '../helpers/cli.js';
import { builtinLatest } from '../helpers/model.js';
import { completeV2 } from '../helpers/v2-example.js';
import { byPlace, replay } from './replay.js';
import { TODAY } from './walk.js';

const model = builtinLatest();

/** The example as its author answers it: the sign-off is the reviewers' part, not the interview's. */
function target(): Record<string, unknown> {
  const { signoff: _signoff, eis: _eis, questionnaire: _q, migrated: _m, ...answers } = completeV2();
  return answers;
}

/** What `eis new` writes before the first question: what the memo says of itself. */
function skeleton(): Record<string, unknown> {
  const memo = readFileSync(join(EXAMPLES, 'memos', 'text-payment-reminders.md'), 'utf8');
  return parse(prefillYaml(model, { title: memoTitle(memo), kind: 'memo' })) ?? {};
}

describe('prompts for a full statement', () => {
  it('a full assessment records every answer of the example', () => {
    const start = skeleton();
    // The memo's heading is the title, and it is a memo: both given before any question. The
    // author keeps the heading as the title.
    expect(start).toEqual({ initiative: { title: 'Text-Message Payment Reminders for Parents Who Pay Support', kind: 'memo', status: 'draft' } });
    const want = target();
    // The author keeps the memo's heading as the title; the status is a draft until eis signoff.
    Object.assign(want.initiative as Record<string, unknown>, { title: 'Text-Message Payment Reminders for Parents Who Pay Support', status: 'draft' });
    const run = replay(model, start, want);
    expect(byPlace(model, run.answers)).toEqual(byPlace(model, want));
    expect(checkStatementData(model, { eis: 1, questionnaire: model.ref, ...run.answers }, { today: TODAY }).findings).toEqual([]);
    if (process.env.EIS_SHOW_PROMPTS) console.log(run.asked.join('\n'));
    expect(run.prompts).toBe(FULL_PROMPTS);
  });

  it('without the skeleton answers it takes three prompts more: title, kind and status', () => {
    const want = target();
    (want.initiative as Record<string, unknown>).status = 'draft';
    expect(replay(model, {}, want).prompts).toBe(FULL_PROMPTS + 3);
  });
});

// 162 before the memo prefill, the status left to eis signoff, the sign-off list left out and the
// data gap asked only for a burden or an unknown effect (docs/interview.md).
const FULL_PROMPTS = 156;
