// The rules, used while asking: an answer that breaks a rule about its own question is refused
// with the rule's words, and a list a failing rule needs is offered with "yes" first.
import { describe, expect, it } from 'vitest';
import { listsRulesNeed, ruleObjection } from '../../src/core/interview/rule-needs.js';
import { builtinLatest } from '../helpers/model.js';
import { completeV2 } from '../helpers/v2-example.js';
import { checkStatementData } from '../../src/core/check/statement.js';
import { walk } from './walk.js';

const model = builtinLatest();
const today = '2026-11-23';

describe('ruleObjection', () => {
  it('refuses a review date in the past while no review is written, in the rule words', () => {
    const data = completeV2();
    delete data.monitoring.post_review;
    expect(ruleObjection(model, data, ['monitoring', 'review_date'], '2026-01-31', { today })).toBe(
      'The review date has passed and there is no post-implementation review. Write what the review found under monitoring.post_review, or set a new review date.',
    );
    expect(ruleObjection(model, data, ['monitoring', 'review_date'], '2027-06-30', { today })).toBeUndefined();
  });

  it('never refuses keeping the answer there is, and follows the config turning the rule off', () => {
    const data = completeV2();
    delete data.monitoring.post_review;
    data.monitoring.review_date = '2026-01-31';
    expect(ruleObjection(model, data, ['monitoring', 'review_date'], '2026-01-31', { today })).toBeUndefined();
    expect(ruleObjection(model, data, ['monitoring', 'review_date'], '2026-02-28', { today, severities: { 'review-overdue': 'off' } })).toBeUndefined();
    expect(ruleObjection(model, data, ['monitoring', 'review_date'], '2026-02-28', { today })).toMatch(/^The review date has passed/);
  });

  it('refuses "nobody outside the agency" picked with a group', () => {
    const data = completeV2();
    expect(ruleObjection(model, data, ['screening', 'affected'], ['none', 'children'], { today })).toBe('"Nobody outside the agency" cannot be chosen together with a group that is affected.');
  });
});

describe('listsRulesNeed', () => {
  it('names the mitigation actions while a burden is not addressed, and nothing once it is', () => {
    const data = completeV2();
    expect(listsRulesNeed(model, data, { today })).toEqual(new Set());
    data.mitigation.actions = [];
    data.mitigation.decision = 'proceed-adjusted';
    expect(listsRulesNeed(model, data, { today })).toEqual(new Set(['mitigation.actions']));
  });
});

describe('a data gap named where the burden is', () => {
  it('is asked first in an entry missing its evidence, made there and then, and the evidence is then not asked', () => {
    const data = completeV2();
    const [group] = data.populations.groups.filter((g: { data_gap?: string }) => g.data_gap);
    delete group.data_gap;
    delete data.data.gaps;
    const run = walk(model, data, { kind: 'resume' }, (step) => {
      if ((step.kind === 'field' || step.kind === 'question') && step.field.id === 'data_gap')
        return { kind: 'new-entry', entry: { gap: 'Whether numbers on file are current', plan: 'Check a sample of 500 cases by June.' } };
      return step.kind === 'add' ? { kind: 'no' } : { kind: 'skip' };
    });
    const at = data.populations.groups.indexOf(group);
    expect(run.asked[0]).toBe(`populations.groups[${at}].data_gap`);
    expect(run.asked).not.toContain(`populations.groups[${at}].evidence`);
    expect((run.answers as Record<string, any>).data.gaps).toEqual([
      { id: 'whether-numbers-on-file-are-current', gap: 'Whether numbers on file are current', plan: 'Check a sample of 500 cases by June.' },
    ]);
    expect((run.answers as Record<string, any>).populations.groups[at].data_gap).toBe('whether-numbers-on-file-are-current');
    // The list it went into is offered again when the walk reaches it.
    expect(run.asked).toContain('+data.gaps');
    expect(checkStatementData(model, run.answers, { today }).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
