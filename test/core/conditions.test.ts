import { describe, expect, it } from 'vitest';
import { computeValues, holds, type ConditionContext } from '../../src/core/questionnaire/conditions.js';
import { builtin } from '../helpers/model.js';

const model = builtin();
const ctx = (answers: Record<string, unknown>, entry?: Record<string, unknown>): ConditionContext => ({
  model,
  answers,
  computed: computeValues(model, answers, '2026-11-23'),
  entry,
  today: '2026-11-23',
});

describe('conditions', () => {
  const answers = {
    screening: { affected: ['children', 'lcsas'], known_disparities: 'no', staff_discretion: false },
    monitoring: { review_date: '2026-01-31', post_review: 'TBD' },
    mitigation: { actions: [{ id: 'a1', populations: ['p1'] }] },
    signoff: {
      reviewers: [
        { id: 'r', decision: 'changes-requested' },
        { id: 's', decision: 'approve' },
      ],
    },
  };

  it.each([
    [{ question: 'screening.known_disparities', equals: 'no' }, true],
    [{ question: 'screening.known_disparities', in: ['yes', 'unknown'] }, false],
    [{ question: 'screening.affected', includes: 'children' }, true],
    [{ question: 'screening.affected', includesAny: ['none', 'partners'] }, false],
    [{ question: 'screening.staff_discretion', equals: 'no' }, true],
    [{ question: 'screening.staff_discretion', equals: false }, true],
    [{ question: 'monitoring.review_date', before: 'today' }, true],
    [{ question: 'monitoring.review_date', after: '2026-02-01' }, false],
    [{ question: 'monitoring.post_review', answered: true }, false],
    [{ question: 'proposal.problem', answered: false }, true],
    [{ question: 'signoff.reviewers', some: { field: 'decision', equals: 'approve' } }, true],
    [{ not: { question: 'screening.affected', includes: 'lcsas' } }, false],
    [
      {
        all: [
          { question: 'screening.affected', includes: 'lcsas' },
          { question: 'screening.known_disparities', equals: 'yes' },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { question: 'screening.affected', includes: 'lcsas' },
          { question: 'screening.known_disparities', equals: 'yes' },
        ],
      },
      true,
    ],
  ])('%j is %s', (condition, expected) => {
    expect(holds(condition as never, ctx(answers))).toBe(expected);
  });

  it('reads sibling fields and references inside a list entry', () => {
    expect(holds({ field: 'direction', equals: 'burden' }, ctx(answers, { id: 'p1', direction: 'burden' }))).toBe(true);
    expect(holds({ referencedBy: 'mitigation.actions.populations' }, ctx(answers, { id: 'p1' }))).toBe(true);
    expect(holds({ referencedBy: 'mitigation.actions.populations' }, ctx(answers, { id: 'p2' }))).toBe(false);
  });

  it('treats a date that is not YYYY-MM-DD as neither before nor after', () => {
    const odd = { monitoring: { review_date: 'next spring' } };
    expect(holds({ question: 'monitoring.review_date', before: 'today' }, ctx(odd))).toBe(false);
    expect(holds({ question: 'monitoring.review_date', after: 'today' }, ctx(odd))).toBe(false);
  });
});

describe('the screening level', () => {
  const level = (screening: Record<string, unknown>) => computeValues(model, { screening }, '2026-11-23').level;

  it('is none when nobody outside the agency is affected', () => {
    expect(level({ affected: ['none'], changes: ['staffing'], known_disparities: 'no', staff_discretion: false })).toBe('none');
  });
  it('is full with known or unknown disparities, discretion, or changes to eligibility, enforcement or payments', () => {
    expect(level({ affected: ['children'], changes: ['technology'], known_disparities: 'unknown', staff_discretion: false })).toBe('full');
    expect(level({ affected: ['children'], changes: ['technology'], known_disparities: 'no', staff_discretion: 'yes' })).toBe('full');
    expect(level({ affected: ['children'], changes: ['enforcement'], known_disparities: 'no', staff_discretion: false })).toBe('full');
  });
  it('is brief otherwise', () => {
    expect(level({ affected: ['children'], changes: ['notices-forms'], known_disparities: 'no', staff_discretion: false })).toBe('brief');
  });
});
