// The rules, used while asking: an answer that breaks a rule about its own question is refused
// with the rule's words, and a list a failing rule needs is offered with "yes" first.
import { describe, expect, it } from 'vitest';
import { listsRulesNeed, ruleObjection } from '../../src/core/interview/rule-needs.js';
import { builtinLatest } from '../helpers/model.js';
import { completeV2 } from '../helpers/v2-example.js';

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
