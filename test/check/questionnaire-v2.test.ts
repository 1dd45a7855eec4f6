// What equity-impact@2 asks beyond version 1, checked on the approved example as `eis migrate`
// moves it, with v2's new answers given: race examined or explained, evidence required where the
// burden-evidence rule needs it, the new full-level questions, and intersections of kinds.
import { describe, expect, it } from 'vitest';
import { checkStatementData } from '../../src/core/check/statement.js';
import { visibility } from '../../src/core/questionnaire/visibility.js';
import { builtinLatest } from '../helpers/model.js';
import { completeV2 as complete, migratedExample as migrated } from '../helpers/v2-example.js';

const model = builtinLatest();
const today = '2026-11-23';

const check = (data: unknown) => checkStatementData(model, data, { today });
const codes = (data: unknown) => check(data).findings.map((f) => `${f.code} ${f.path.join('.')}`);

describe('equity-impact@2', () => {
  it('passes a full assessment that gives every answer v2 adds', () => {
    const result = check(complete());
    expect(result.findings).toEqual([]);
    // Version 1's 36, and the 7 v2 adds for every full assessment (race_not_examined only when race is not examined).
    expect(result.completeness).toEqual({ answered: 43, required: 43, level: 'full' });
  });

  it('leaves the migrated approved example short of exactly the answers v2 adds', () => {
    expect(codes(migrated())).toEqual([
      ...[0, 1, 2, 3].map((i) => `required populations.groups.${i}.perception`),
      'required populations.race_not_examined',
      ...[0, 1].flatMap((i) => ['languages', 'accessibility', 'compensation', 'told_outcome'].map((f) => `required engagement.sessions.${i}.${f}`)),
      'required engagement.not_reached',
      'required analysis.advances',
      'required analysis.amplify',
      'required analysis.assumptions',
      'required mitigation.budget',
      'required mitigation.staff',
      'required mitigation.timeline',
      'rule/race-examined populations.groups',
    ]);
  });

  it('takes a population of several kinds, and reads the kind from any of them', () => {
    const data = complete();
    expect(data.populations.groups[1].kinds).toEqual(['income']); // wrapped by the migration
    data.populations.groups[0].kinds = ['race-ethnicity', 'income', 'housing', 'domestic-violence'];
    expect(check(data).findings).toEqual([]);
    data.populations.groups[0].kinds = 'race-ethnicity';
    expect(codes(data)).toContain('schema/type populations.groups.0.kinds');
  });
});

describe('the race-examined rule', () => {
  it('asks a full assessment without a race and ethnicity population to say why, and marks that answer required', () => {
    const data = complete();
    data.populations.groups[0].kinds = ['language'];
    const result = check(data);
    expect(result.findings.map((f) => [f.code, f.path.join('.'), f.message])).toEqual([
      ['required', 'populations.race_not_examined', '"Why are race and ethnicity not examined?" is required and not answered.'],
      ['rule/race-examined', 'populations.groups', 'No affected population is of the kind "Race and ethnicity", and the statement does not say why.'],
    ]);
    expect(result.completeness).toEqual({ answered: 43, required: 44, level: 'full' });
    const shown = visibility(model, data, { today }).question('populations.race_not_examined');
    expect(shown).toMatchObject({ shown: true, required: true });
  });

  it('is met by a reason given instead', () => {
    const data = complete();
    data.populations.groups[0].kinds = ['language'];
    data.populations.race_not_examined = 'The 2025 case data shows no difference by race in who has a mobile number on file.';
    expect(check(data).findings).toEqual([]);
  });

  it('does not ask a brief assessment, nor one that examines race', () => {
    const brief = complete();
    brief.populations.groups[0].kinds = ['language'];
    brief.screening = { affected: ['noncustodial-parents'], changes: ['notices-forms'], known_disparities: 'no', staff_discretion: 'no' };
    expect(check(brief).computed.level).toBe('brief');
    expect(codes(brief).filter((c) => c.includes('race'))).toEqual([]);
    expect(visibility(model, brief, { today }).question('populations.race_not_examined')).toMatchObject({ shown: false, required: false });
    expect(visibility(model, complete(), { today }).question('populations.race_not_examined')).toMatchObject({ shown: false, required: false });
  });
});

describe('evidence for a burden', () => {
  it('is required in a full assessment for a burden or an unknown effect without a data gap, beside the rule', () => {
    const data = complete();
    delete data.populations.groups[0].evidence; // unknown effect, no data gap
    expect(codes(data)).toEqual(['required populations.groups.0.evidence', 'rule/burden-evidence populations.groups.0']);
    const entry = visibility(model, data, { today }).question('populations.groups').entries[0]!;
    expect(entry.fields.evidence).toMatchObject({ required: true });
  });

  it('is not required when a data gap stands in for it, for a benefit, or in a brief assessment', () => {
    const data = complete();
    expect(data.populations.groups[1]).toMatchObject({ effect: 'burden', data_gap: 'phone-reliability' });
    expect(data.populations.groups[1].evidence).toBeUndefined();
    delete data.populations.groups[2].evidence; // a benefit
    expect(check(data).findings).toEqual([]);
    const fields = (d: unknown) =>
      visibility(model, d, { today })
        .question('populations.groups')
        .entries.map((e) => e!.fields.evidence!.required);
    expect(fields(data)).toEqual([true, false, false, true]);
    data.screening = { affected: ['noncustodial-parents'], changes: ['notices-forms'], known_disparities: 'no', staff_discretion: 'no' };
    expect(fields(data)).toEqual([false, false, false, false]);
  });
});
