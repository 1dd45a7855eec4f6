import { describe, expect, it } from 'vitest';
import { checkStatementData } from '../../src/core/check/statement.js';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { builtin, fixture, readYaml } from '../helpers/model.js';
import { EXAMPLES } from '../helpers/cli.js';
import { join } from 'node:path';

const model = builtin();
const today = '2026-11-23';
const complete = () => structuredClone(readYaml(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml'))) as Record<string, any>;
const check = (data: unknown, severities?: Record<string, 'error' | 'warning' | 'off'>) => checkStatementData(model, data, { today, severities });
const codes = (data: unknown) => check(data).findings.map((f) => `${f.code} ${f.path.join('.')}`);

describe('a complete statement', () => {
  it('has no findings and every required question answered', () => {
    const result = check(complete());
    expect(result.findings).toEqual([]);
    expect(result.completeness).toEqual({ answered: 36, required: 36, level: 'full' });
  });
});

describe('schema findings', () => {
  it('names an unknown key and suggests the question meant', () => {
    const data = complete();
    data.access.translation = ['spanish'];
    const [finding] = check(data).findings;
    expect(finding).toMatchObject({ code: 'schema/unknown-key', path: ['access', 'translation'], severity: 'error' });
    expect(finding.message).toContain('did you mean "translations"?');
  });
  it('allows keys starting with x- as notes of your own', () => {
    const data = complete();
    data['x-owner'] = 'Research';
    data.initiative['x-ticket'] = 'EQ-12';
    expect(check(data).findings).toEqual([]);
  });
  it('names an unknown choice and suggests the closest', () => {
    const data = complete();
    data.populations.groups[1].direction = 'burdn';
    const finding = check(data).findings.find((f) => f.code === 'schema/unknown-choice');
    expect(finding?.path).toEqual(['populations', 'groups', 1, 'direction']);
    expect(finding?.message).toBe('Affected populations, entry 2 (Parents without a reliable phone): "Effect": "burdn" is not one of the choices; did you mean "burden"?');
  });
  it("reports wrong types in the questionnaire's words", () => {
    const data = complete();
    data.initiative.title = 2026;
    data.monitoring.review_date = '2027-02-30';
    data.data.datasets[0].small_cells_suppressed = 'maybe';
    const found = check(data).findings.map((f) => [f.code, f.path.join('.'), f.message]);
    expect(found).toContainEqual(['schema/type', 'initiative.title', '"Title" should be text, not a number. Put it in quotes.']);
    expect(found).toContainEqual(['schema/format', 'monitoring.review_date', '"Review date": "2027-02-30" is not a date written YYYY-MM-DD.']);
    expect(found.map((f) => f[1])).toContain('data.datasets.0.small_cells_suppressed');
  });
  it('reports duplicate and missing entry ids, and references to entries that do not exist', () => {
    const data = complete();
    data.populations.groups[1].id = 'limited-english-parents';
    delete data.populations.groups[2].id;
    data.mitigation.actions[2].populations = ['survivor'];
    const found = codes(data);
    expect(found).toContain('schema/duplicate-id populations.groups.1.id');
    expect(found).toContain('schema/missing-id populations.groups.2');
    expect(found).toContain('reference/unknown mitigation.actions.2.populations.0');
  });
  it('rejects a statement format it does not know as fatal', () => {
    const data = complete();
    data.eis = 7;
    expect(check(data).findings).toMatchObject([{ code: 'schema/format-version', fatal: true }]);
  });
});

describe('completeness', () => {
  it('counts required answers for the level, and placeholders do not count', () => {
    const data = complete();
    data.proposal.problem = 'TBD';
    data.analysis.root_causes = ' n/a ';
    delete data.monitoring.responsible;
    const result = check(data);
    expect(result.completeness).toEqual({ answered: 33, required: 36, level: 'full' });
    expect(result.findings.map((f) => `${f.code} ${f.severity} ${f.path.join('.')}`)).toEqual([
      'placeholder error proposal.problem',
      'placeholder error analysis.root_causes',
      'required error monitoring.responsible',
    ]);
  });
  it('warns about a placeholder in an optional answer', () => {
    const data = complete();
    data.communication.publication = 'TODO';
    expect(check(data).findings.map((f) => `${f.code} ${f.severity}`)).toEqual(['placeholder warning']);
  });
  it('asks only the justification when the level is none', () => {
    const data = {
      eis: 1,
      questionnaire: 'equity-impact@1',
      initiative: { title: 'Rename a report', kind: 'project', summary: 'Internal.', division: 'Data', author: 'Kim', status: 'draft' },
      screening: { affected: ['none'], changes: ['none'], known_disparities: 'no', staff_discretion: 'no' },
    };
    const result = check(data);
    expect(result.completeness).toEqual({ answered: 10, required: 11, level: 'none' });
    expect(codes(data)).toEqual(['required screening.none_justification']);
  });
  it('requires entry fields by condition (size only in a full assessment) and lists with too few entries', () => {
    const data = complete();
    data.populations.groups = [];
    expect(codes(data)).toContain('required populations.groups');
    const brief = complete();
    brief.screening = { affected: ['children'], changes: ['notices-forms'], known_disparities: 'no', staff_discretion: false };
    delete brief.populations.groups[0].size;
    expect(check(brief).completeness.level).toBe('brief');
    expect(codes(brief).filter((c) => c.includes('size'))).toEqual([]);
  });
});

describe('cross-field rules', () => {
  it('a burden or unknown population needs a mitigation action or a justified decision', () => {
    const data = complete();
    data.mitigation.actions = data.mitigation.actions.filter((a: any) => a.id !== 'keep-mail');
    expect(check(data).findings).toMatchObject([
      { code: 'rule/burden-addressed', path: ['populations', 'groups', 1], message: expect.stringContaining('"Parents without a reliable phone" is marked "Burden"') },
    ]);
    data.mitigation.decision = 'proceed-justified-burden';
    expect(codes(data)).toEqual([]);
  });
  it('in a full assessment a burden cites evidence or a data gap', () => {
    const data = complete();
    delete data.populations.groups[3].evidence;
    expect(codes(data)).toEqual(['rule/burden-evidence populations.groups.3']);
  });
  it('a past review date without a post-implementation review is overdue (a warning)', () => {
    const data = complete();
    data.monitoring.review_date = '2026-10-01';
    expect(check(data).findings).toMatchObject([{ code: 'rule/review-overdue', severity: 'warning', path: ['monitoring', 'review_date'] }]);
    data.monitoring.post_review = 'Missed payments fell from 18% to 13%; no group above 15%.';
    expect(codes(data)).toEqual([]);
  });
  it('"nobody outside the agency" cannot be combined with an affected group', () => {
    const data = complete();
    data.screening.affected = ['none', 'children'];
    expect(codes(data)).toContain('rule/nobody-alone screening.affected');
  });
  it('severities come from the config: a rule can be turned off or made a warning', () => {
    const data = complete();
    delete data.populations.groups[3].evidence;
    expect(check(data, { 'burden-evidence': 'off' }).findings).toEqual([]);
    expect(check(data, { 'rule/burden-evidence': 'warning' }).findings.map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('a second questionnaire written only in YAML', () => {
  const race = loadQuestionnaire(fixture('questionnaires', 'race-forward.yaml'));
  it('validates its statements with its own rules, placeholders and computed value', () => {
    const ok = checkStatementData(race, readYaml(fixture('race-forward', 'complete.eis.yaml')), { today });
    expect(ok.findings).toEqual([]);
    expect(ok.completeness).toEqual({ answered: 3, required: 3, level: 'quick' });
    const gaps = checkStatementData(race, readYaml(fixture('race-forward', 'gaps.eis.yaml')), { today });
    expect(gaps.findings.map((f) => `${f.code} ${f.path.join('.')}`).sort()).toEqual([
      'placeholder scope.proposal',
      'reference/unknown strategies.remedies.0.for',
      'required groups.stakeholders',
      'required strategies.advance',
      'rule/negative-remedied groups.stakeholders.0',
      'schema/range groups.stakeholders.0.share',
    ]);
    expect(gaps.completeness.level).toBe('deep');
  });
});
