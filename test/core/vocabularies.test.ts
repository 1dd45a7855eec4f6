// Agency vocabularies: lists in eis.config.yaml that questions take as their choices, checked like
// the questionnaire's own, and config mistakes about them reported at their line.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStatementData } from '../../src/core/check/statement.js';
import { parseConfig, vocabulariesOf } from '../../src/core/config/config.js';
import { EisError } from '../../src/core/errors.js';
import { migrateData } from '../../src/core/migrate/migrate.js';
import { applyVocabularies, valueFromLabel, vocabularyProblems } from '../../src/core/questionnaire/vocabularies.js';
import { loadConfig } from '../../src/edge/config/load.js';
import { policyChanges } from '../../src/core/review/policy-changes.js';
import { EXAMPLES, tempTree } from '../helpers/cli.js';
import { builtin, builtinLatest, readYaml } from '../helpers/model.js';

const CONFIG = `
vocabularies:
  divisions:
    - Customer Services Division
    - Policy and Program Division
  languages: [English, Spanish, Vietnamese, { value: asl, label: American Sign Language }]
  engagement-bodies: [Customer Advisory Body]
  reviewer-roles: [Chief Equity Officer, Division Chief]
reviewers:
  - { name: Ana Ruiz, email: ana@cs.ca.gov, roles: [Chief Equity Officer] }
disaggregation:
  categories:
    - { value: race-ethnicity, label: Race and ethnicity, subgroups: [Black, Latino, Asian, Native American, White] }
    - { value: language, label: Primary language }
  suppressBelow: 5
`;

const model = builtinLatest();
const configured = () => applyVocabularies(model, vocabulariesOf(parseConfig(CONFIG, 'eis.config.yaml', '/repo')));
const fieldOf = (m: typeof model, key: string) => {
  const [s, q, f] = key.split('.');
  const question = m.questions.get(`${s}.${q}`)!;
  return f ? question.fields!.find((x) => x.id === f)! : question;
};

/** The approved v1 example moved to v2: a statement with answers for every list named here. */
function statement(): Record<string, any> {
  const data = readYaml(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml'));
  return migrateData(data, [{ from: builtin(), to: model, steps: model.previous!.migrate }]).data as Record<string, any>;
}
const findingsAt = (m: typeof model, data: unknown, prefix: string) =>
  checkStatementData(m, data, { today: '2026-11-23' })
    .findings.filter((f) => f.path.join('.').startsWith(prefix))
    .map((f) => `${f.code} ${f.path.join('.')}: ${f.message}`);

describe('questions that name a vocabulary', () => {
  it('keep the questionnaire own choices, and free text, when the config has no list', () => {
    const plain = applyVocabularies(model, vocabulariesOf(parseConfig('{}', 'eis.config.yaml', '/repo')));
    expect(fieldOf(plain, 'initiative.division').type).toBe('text');
    expect(fieldOf(plain, 'access.translations').choices).toEqual(fieldOf(model, 'access.translations').choices);
    expect(fieldOf(plain, 'access.translations').choicesFrom).toEqual({ vocabulary: 'languages', from: 'questionnaire' });
    // The threshold in help texts is the config's default.
    expect(fieldOf(plain, 'data.datasets.small_cells_suppressed').help).toMatch(/^Counts under 11 can identify/);
  });

  it("take the config's lists, with the choices marked keep after them", () => {
    const m = configured();
    expect(fieldOf(m, 'access.translations').choices!.map((c) => c.value)).toEqual(['english', 'spanish', 'vietnamese', 'asl', 'other']);
    expect(fieldOf(m, 'engagement.sessions.standing_body').choices!.map((c) => c.value)).toEqual(['customer-advisory-body', 'other']);
    expect(fieldOf(m, 'data.datasets.disaggregated_by').choices!.map((c) => c.value)).toEqual(['race-ethnicity', 'language', 'none']);
    expect(fieldOf(m, 'data.datasets.disaggregated_by').choices![0]!.help).toBe('Subgroups: Black, Latino, Asian, Native American, White.');
    expect(fieldOf(m, 'monitoring.indicators.disaggregation').choices!.map((c) => c.value)).toEqual(['race-ethnicity', 'language']);
    expect(fieldOf(m, 'data.datasets.small_cells_suppressed').help).toMatch(/^Counts under 5 can identify/);
    expect(fieldOf(m, 'access.translations').choicesFrom).toEqual({ vocabulary: 'languages', from: 'config', file: 'eis.config.yaml' });
    // The question map and the sections hold the same compiled fields.
    expect(m.questions.get('access.translations')).toBe(m.sections.find((s) => s.id === 'access')!.questions.find((q) => q.id === 'translations'));
  });

  it('make a text question with a list a choice among its entries, answered in its words', () => {
    const m = configured();
    expect(fieldOf(m, 'initiative.division')).toMatchObject({ type: 'choice', choices: [{ value: 'Customer Services Division' }, { value: 'Policy and Program Division' }] });
    const data = statement();
    data.initiative.division = 'Customer Services Division';
    expect(findingsAt(m, data, 'initiative.division')).toEqual([]);
    data.initiative.division = 'Customer Service Division';
    const [finding] = findingsAt(m, data, 'initiative.division');
    expect(finding).toMatch(/^\S+ initiative\.division: /);
    expect(finding).toContain('Customer Services Division');
    // Without the list, the same words are free text.
    expect(findingsAt(model, data, 'initiative.division')).toEqual([]);
  });

  it('check answers against the list: a value the questionnaire knows but the agency does not list is refused', () => {
    const m = configured();
    const data = statement();
    data.access.translations = ['spanish', 'hmong'];
    expect(findingsAt(model, data, 'access.translations')).toEqual([]);
    expect(findingsAt(m, data, 'access.translations')).toHaveLength(1);
    data.access.translations = ['spanish', 'other'];
    // "Other" asks which: the language is never lost.
    expect(findingsAt(m, data, 'access.translations')).toEqual(['required access.translations_other: "Which other languages" is required and not answered.']);
    data.access.translations_other = 'Punjabi';
    expect(findingsAt(m, data, 'access.translations')).toEqual([]);
  });

  it('leave a questionnaire with no vocabularies as it was, version 1 included', () => {
    const v1 = builtin();
    const applied = applyVocabularies(v1, vocabulariesOf(parseConfig(CONFIG, 'eis.config.yaml', '/repo')));
    expect(JSON.stringify([...applied.questions.values()])).toBe(JSON.stringify([...v1.questions.values()]));
  });
});

describe('vocabulary entries', () => {
  it('make choice values from labels, and keep written values', () => {
    expect(valueFromLabel('Customer Advisory Body')).toBe('customer-advisory-body');
    expect(valueFromLabel('Español')).toBe('espanol');
    expect(valueFromLabel("Parents' Council (North)")).toBe('parents-council-north');
  });

  it('report values a choice question cannot take, and values given twice, by their place', () => {
    expect(vocabularyProblems('languages', ['Spanish', { value: 'Spanish', label: 'Spanish' }], model)).toEqual([
      { index: 1, message: '"Spanish" cannot be a choice value: write lowercase letters, digits, "-" and "_"' },
    ]);
    expect(vocabularyProblems('languages', ['Spanish', 'spanish'], model)).toEqual([{ index: 1, message: '"spanish" is in the list twice (also entry 1)' }]);
    expect(vocabularyProblems('divisions', ['North', 'South'], model)).toEqual([]);
  });
});

describe('config mistakes about vocabularies', () => {
  const thrown = (fn: () => unknown): EisError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof EisError) return error;
      throw error;
    }
    throw new Error('no error');
  };
  let cleanup = () => {};
  afterEach(() => cleanup());
  const load = (text: string) => {
    const tree = tempTree({ 'eis.config.yaml': text });
    cleanup = tree.cleanup;
    return loadConfig({ cwd: tree.dir });
  };

  it('a role off the reviewer-roles list, at its line, with the closest role', () => {
    const error = thrown(() => parseConfig('vocabularies:\n  reviewer-roles: [Chief Equity Officer]\napprovals:\n  full: [Chief Equity Oficer]\n', 'eis.config.yaml'));
    expect(error.message).toBe('"Chief Equity Oficer" is not in vocabularies.reviewer-roles; did you mean "Chief Equity Officer"?');
    expect([error.line, error.column]).toEqual([4, 10]);
  });

  it('the disaggregation standard written as a vocabulary', () => {
    const error = thrown(() => parseConfig('vocabularies:\n  disaggregation: [Race]\n', 'eis.config.yaml'));
    expect(error.message).toContain('write it as disaggregation.categories');
    expect(error.line).toBe(2);
  });

  it('a list no question uses, with the name meant', () => {
    const error = thrown(() => load('vocabularies:\n  division: [North]\n'));
    expect(error.message).toBe('no question of equity-impact@2 takes its choices from "division"; did you mean "divisions"?');
    expect(error.line).toBe(2);
    expect(error.hint).not.toContain('disaggregation,');
  });

  it('an entry a choice question cannot take, at the entry', () => {
    const error = thrown(() => load('vocabularies:\n  languages:\n    - Spanish\n    - { value: Hmong, label: Hmong }\n'));
    expect(error.message).toBe('vocabularies.languages: "Hmong" cannot be a choice value: write lowercase letters, digits, "-" and "_".');
    expect(error.line).toBe(4);
  });

  it('accepts the lists the built-in questionnaire uses', () => {
    expect(load(CONFIG).vocabularies.divisions).toHaveLength(2);
  });
});

describe('changes to agency lists in the policy', () => {
  const changes = (before: string, after: string) =>
    policyChanges({ config: parseConfig(before, 'eis.config.yaml', '/repo'), questionnaire: model }, { config: parseConfig(after, 'eis.config.yaml', '/repo'), questionnaire: model }).map(
      (c) => `${c.loosens ? 'loosens' : 'tightens'} ${c.what}`,
    );

  it('a value added is one more answer accepted; a value removed or a list added accepts fewer', () => {
    expect(changes('vocabularies: { divisions: [North] }', 'vocabularies: { divisions: [North, South] }')).toEqual(['loosens vocabularies.divisions: added South']);
    expect(changes('vocabularies: { divisions: [North, South] }', 'vocabularies: { divisions: [North] }')).toEqual(['tightens vocabularies.divisions: removed South']);
    expect(changes('{}', 'vocabularies: { divisions: [North] }')).toEqual(['tightens vocabularies.divisions: added']);
    expect(changes('vocabularies: { divisions: [North] }', '{}')).toEqual(["loosens vocabularies.divisions: removed (its questions take the questionnaire's own choices again)"]);
  });

  it('the disaggregation standard: a category added, and a lower suppression threshold, loosen', () => {
    const before = 'disaggregation: { categories: [{ value: race, label: Race }], suppressBelow: 11 }';
    expect(changes(before, 'disaggregation: { categories: [{ value: race, label: Race }, { value: age, label: Age }], suppressBelow: 5 }')).toEqual([
      'loosens disaggregation.categories: added age',
      'loosens disaggregation.suppressBelow: 11 -> 5',
    ]);
  });

  it('an initiative taken out of the registry, or its statements moved, loosens', () => {
    const registry = (ids: string[]) => `initiatives:\n  registry:\n${ids.map((id) => `    - { id: ${id}, title: ${id} }`).join('\n')}\n`;
    expect(changes(registry(['portal', 'kiosk']), registry(['portal']))).toEqual(['loosens initiatives.registry: removed kiosk']);
    expect(changes('{}', 'statements: { registry: "elsewhere/{id}.eis.yaml" }')).toEqual(['loosens statements.registry: initiatives/{id}.eis.yaml -> elsewhere/{id}.eis.yaml']);
  });
});
