// The table of concern rules, one rule at a time, against the built-in questionnaire: each test
// makes the change its rule is about and expects that rule's concern, and nothing else.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStatements } from '../../src/core/diff/compare.js';
import { CONCERN_RULES } from '../../src/core/diff/concern-rules.js';
import type { Concern } from '../../src/core/diff/types.js';
import type { Questionnaire } from '../../src/core/questionnaire/model.js';
import { parseQuestionnaire } from '../../src/core/questionnaire/load.js';
import { builtin, readYaml } from '../helpers/model.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';

type Statement = Record<string, any>;
const base = (): Statement => structuredClone(readYaml(join(EXAMPLES, 'memos/text-payment-reminders.eis.yaml'))) as Statement;

/** Kinds of concern the tests below have seen: every rule of the table needs one. */
const seen = new Set<string>();

function concerns(before: Statement | undefined, after: Statement, model: Questionnaire = builtin()): Concern[] {
  const found = compareStatements(model, { file: 'x.eis.yaml', before, after }, { today: '2026-11-23' }).concerns;
  for (const c of found) seen.add(c.kind);
  return found;
}
const messages = (found: Concern[]) => found.map((c) => `${c.kind}: ${c.message}`);

/** The built-in questionnaire with one edit to its YAML. */
function variant(from: string, to: string): Questionnaire {
  const text = readFileSync(join(ROOT, 'schemas/questionnaires/equity-impact.v1.yaml'), 'utf8');
  if (!text.includes(from)) throw new Error(`the questionnaire does not contain ${JSON.stringify(from)}`);
  return parseQuestionnaire(text.replace(from, to), 'variant.yaml');
}

const group = (s: Statement, id: string) => s.populations.groups.find((g: { id: string }) => g.id === id);
const action = (s: Statement, id: string) => s.mitigation.actions.find((a: { id: string }) => a.id === id);

describe('1. a move towards what a rule flags (a burden)', () => {
  it("unknown -> burden, by the choice field's severityOrder", () => {
    const after = base();
    group(after, 'limited-english-parents').direction = 'burden';
    expect(messages(concerns(base(), after))).toEqual(['flagged-entry: Affected populations: "Parents with limited English": Effect: Unknown -> Burden.']);
  });

  it('benefit or neutral -> unknown, and a new burden', () => {
    const after = base();
    group(after, 'rural-parents').direction = 'unknown';
    after.populations.groups.push({ id: 'older-parents', population: 'age', name: 'Older parents', effect: 'direct', direction: 'burden', why: 'Fewer have mobile phones.' });
    expect(messages(concerns(base(), after))).toEqual([
      'flagged-entry: Affected populations: "Parents in rural counties": Effect: Benefit -> Unknown.',
      'flagged-entry: Affected populations: new entry "Older parents" with Effect: Burden.',
    ]);
  });

  it('burden -> unknown and benefit -> neutral are not moves towards a burden', () => {
    const after = base();
    group(after, 'survivors').direction = 'unknown';
    group(after, 'rural-parents').direction = 'neutral';
    expect(concerns(base(), after)).toEqual([]);
  });

  it('without a severityOrder, only a move from a value no rule flags counts', () => {
    const model = variant('            severityOrder: [benefit, neutral, unknown, burden]\n', '');
    const after = base();
    group(after, 'limited-english-parents').direction = 'burden';
    expect(concerns(base(), after, model)).toEqual([]);
    group(after, 'rural-parents').direction = 'burden';
    expect(messages(concerns(base(), after, model))).toEqual(['flagged-entry: Affected populations: "Parents in rural counties": Effect: Benefit -> Burden.']);
  });
});

describe('2. an entry of a flagged list removed', () => {
  it('names the population and its effect', () => {
    const after = base();
    after.populations.groups = after.populations.groups.filter((g: { id: string }) => g.id !== 'rural-parents');
    expect(messages(concerns(base(), after))).toEqual(['flagged-removed: Affected populations: "Parents in rural counties" was removed (Effect: Benefit).']);
  });
});

describe('3. evidence or a data gap removed from a flagged entry', () => {
  it('evidence deleted, or the data gap it cites taken out of the data section', () => {
    const after = base();
    delete group(after, 'survivors').evidence;
    after.data.gaps = [];
    expect(messages(concerns(base(), after))).toEqual([
      'evidence-removed: Affected populations: "Survivors of domestic violence": Evidence removed (was "Advocates raised this at the March 2026 listening session.").',
      'evidence-removed: Affected populations: "Parents without a reliable phone": Data gap removed (was "We do not know how many parents have a phone that works all month.").',
    ]);
  });

  it("a placeholder is no evidence; the evidence of a benefit is not a rule's concern", () => {
    const after = base();
    group(after, 'limited-english-parents').evidence = 'TBD';
    delete group(after, 'rural-parents').evidence;
    expect(messages(concerns(base(), after))).toEqual([
      'evidence-removed: Affected populations: "Parents with limited English": Evidence removed (was "2025 case data - mobile numbers on file for 49% (Spanish) and 38% (other languages).").',
    ]);
  });
});

describe('4. the decision moving to one that justifies a burden', () => {
  it('proceed with adjustments -> proceed with a justified burden', () => {
    const after = base();
    after.mitigation.decision = 'proceed-justified-burden';
    expect(messages(concerns(base(), after))).toEqual([
      'burden-justified: Decision: Proceed with adjustments -> Proceed with a justified burden. With this answer a burden may stand without a mitigation action.',
    ]);
  });

  it('from one justifying answer to another, or to proceed, is not', () => {
    const before = base();
    before.mitigation.decision = 'proceed-justified-burden';
    const after = base();
    after.mitigation.decision = 'stop';
    expect(concerns(before, after)).toEqual([]);
    expect(concerns(before, base())).toEqual([]);
  });
});

describe('5. a mitigation action removed, narrowed, or due later', () => {
  it('removed and narrowed', () => {
    const after = base();
    after.mitigation.actions = after.mitigation.actions.filter((a: { id: string }) => a.id !== 'keep-mail');
    action(after, 'stop-any-time').populations = [];
    expect(messages(concerns(base(), after))).toEqual([
      'addressing-removed: Mitigation actions: "Keep mailed notices for everyone, and never treat not enrolling as non-cooperation" was removed; it addressed Parents without a reliable phone.',
      'addressing-narrowed: Mitigation actions: "Let any parent stop texts at any time by reply or phone, with no questions asked" no longer addresses Survivors of domestic violence.',
    ]);
  });

  it('a due date moved later or removed; an earlier one is not a concern', () => {
    const after = base();
    action(after, 'keep-mail').due = '2026-09-30';
    delete action(after, 'stop-any-time').due;
    action(after, 'spanish-at-launch').due = '2026-05-01';
    expect(messages(concerns(base(), after))).toEqual([
      'action-later: Mitigation actions: "Keep mailed notices for everyone, and never treat not enrolling as non-cooperation": Due moved later: 2026-06-01 -> 2026-09-30.',
      'action-later: Mitigation actions: "Let any parent stop texts at any time by reply or phone, with no questions asked": Due 2026-06-01 was removed.',
    ]);
  });
});

describe('6. the review date moved later', () => {
  it('later or removed', () => {
    const later = base();
    later.monitoring.review_date = '2027-12-31';
    expect(messages(concerns(base(), later))).toEqual(['review-later: Review date moved later: 2027-06-30 -> 2027-12-31.']);
    const removed = base();
    delete removed.monitoring.review_date;
    expect(messages(concerns(base(), removed))).toEqual(['review-later: Review date: 2027-06-30 was removed.']);
  });
});

describe('7. the status moving back', () => {
  it('approved -> in review, draft; approved -> superseded is not', () => {
    const after = base();
    after.initiative.status = 'draft';
    expect(messages(concerns(base(), after))).toEqual(['status-back: Status moved back: Approved -> Draft.']);
    after.initiative.status = 'superseded';
    expect(concerns(base(), after)).toEqual([]);
  });

  it('approved -> changes requested, a choice listed before approved', () => {
    const model = variant(
      '          - { value: approved, label: Approved }\n',
      '          - { value: changes-requested, label: Changes requested }\n          - { value: approved, label: Approved }\n',
    );
    const after = base();
    after.initiative.status = 'changes-requested';
    expect(messages(concerns(base(), after, model))).toEqual(['status-back: Status moved back: Approved -> Changes requested.']);
  });
});

describe('8. the screening level going down', () => {
  it('full -> brief', () => {
    const after = base();
    after.screening = { affected: ['employees'], changes: ['staffing'], known_disparities: 'no', staff_discretion: 'no' };
    expect(messages(concerns(base(), after))).toEqual(['level-down: Screening level went down: Full assessment -> Brief assessment.']);
    expect(concerns(after, base())).toEqual([]);
  });
});

describe('9. any change to the sign-off list, named by the reviewer', () => {
  const signed = (hash = 'sha256:1111111111111111111111111111111111111111111111111111111111111111') => {
    const s = base();
    s.signoff.reviewers[0].memo_hash = hash;
    return s;
  };

  it('a memo hash overwritten by hand', () => {
    const after = signed('sha256:2222222222222222222222222222222222222222222222222222222222222222');
    expect(messages(concerns(signed(), after))).toEqual(['signoff-edited: Reviewers: the sign-off by "Morgan Lee" was edited: Memo content hash at sign-off changed.']);
  });

  it('a decision, a date or an unknown key edited', () => {
    const after = signed();
    Object.assign(after.signoff.reviewers[0], { decision: 'changes-requested', date: '2026-05-01', 'x-ticket': 'EQ-3' });
    expect(messages(concerns(signed(), after))).toEqual([
      'signoff-edited: Reviewers: the sign-off by "Morgan Lee" was edited: Decision: Approve -> Changes requested, Date: 2026-04-02 -> 2026-05-01, x-ticket: nothing -> EQ-3.',
    ]);
  });

  it('an entry added, also without an id, or in a new statement', () => {
    const after = signed();
    after.signoff.reviewers.push({ name: 'Ari Cohen', role: 'Deputy Director', decision: 'approve', date: '2026-11-20' });
    expect(messages(concerns(signed(), after))).toEqual(['signoff-added: Reviewers: a sign-off by "Ari Cohen" was added (Approve, 2026-11-20); check that the reviewer recorded it.']);
    expect(
      concerns(undefined, signed())
        .filter((c) => c.kind === 'signoff-added')
        .map((c) => c.message),
    ).toEqual([
      'Reviewers: a sign-off by "Morgan Lee" was added (Approve, 2026-04-02); check that the reviewer recorded it.',
      'Reviewers: a sign-off by "Sam Ortiz" was added (Approve, 2026-04-03); check that the reviewer recorded it.',
    ]);
  });

  it('an entry removed', () => {
    const after = signed();
    after.signoff.reviewers = [];
    expect(messages(concerns(signed(), after))).toEqual([
      'signoff-removed: Reviewers: the sign-off by "Morgan Lee" was removed.',
      'signoff-removed: Reviewers: the sign-off by "Sam Ortiz" was removed.',
    ]);
  });
});

describe('the table', () => {
  afterAll(() => {
    // Runs after every test above: each rule of the table was seen to fire.
    expect(CONCERN_RULES.map((r) => r.kind).filter((k) => !seen.has(k))).toEqual([]);
  });

  it('has one rule per kind, each described', () => {
    const kinds = CONCERN_RULES.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const rule of CONCERN_RULES) expect(rule.describe.length).toBeGreaterThan(10);
  });
});
