// Translations as data: the questionnaire's texts replaced and nothing else; what a translation
// lacks, has too much of or has out of date, each at its line; the source hash as the format says.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EisError } from '../../src/core/errors.js';
import { parseQuestionnaire } from '../../src/core/questionnaire/load.js';
import { translateQuestionnaire, translationProblems } from '../../src/core/questionnaire/translate.js';
import { translationSchema, type Translation } from '../../src/core/questionnaire/translation-format.js';
import { placedProblems, readTranslationFile, translationLanguages } from '../../src/edge/questionnaire/translations.js';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { tempTree } from '../helpers/cli.js';
import { fixture } from '../helpers/model.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const QUESTIONNAIRE = fixture('translations', 'housing.yaml');
const model = () => parseQuestionnaire(readFileSync(QUESTIONNAIRE, 'utf8'), QUESTIONNAIRE);
const french = (): Translation => translationSchema.parse(parse(readFileSync(fixture('translations', 'housing.fr.yaml'), 'utf8')));

describe('translateQuestionnaire', () => {
  it('replaces every text people read, and keeps ids, values and conditions', () => {
    const english = model();
    const fr = translateQuestionnaire(english, french());
    expect(fr.title).toBe("Contrôle d'équité du logement");
    expect(fr.sections.map((s) => s.title)).toEqual(['Portée', 'Personnes concernées']);
    const status = fr.questions.get('scope.status')!;
    expect(status.label).toBe('État');
    expect(status.choices).toEqual([
      { value: 'draft', label: 'Brouillon' },
      { value: 'approved', label: 'Approuvée', help: 'Signée par la direction.' },
    ]);
    expect(fr.questions.get('scope.title')!.example).toBe('Plafonds de loyer pour les locataires âgés');
    const groups = fr.questions.get('people.groups')!;
    expect(groups.help).toBe('Une entrée par groupe.');
    expect(groups.fields!.map((f) => [f.key, f.label, f.required])).toEqual([
      ['people.groups.name', 'Groupe', true],
      ['people.groups.effect', 'Effet', true],
    ]);
    // The section's question objects and the index are the same objects: the interview and the view see one model.
    expect(fr.sections[1]!.questions[0]).toBe(groups);
    expect(fr.computed[0]!.label).toBe("Profondeur de l'examen");
    expect(fr.computed[0]!.values.map((v) => [v.value, v.label])).toEqual([
      ['short', 'Courte'],
      ['deep', 'Approfondie'],
    ]);
    expect(fr.computed[0]!.cases).toEqual(english.computed[0]!.cases);
    expect(fr.rules[0]!.message).toContain('« {name} »');
    expect(fr.rules[0]!.require).toEqual(english.rules[0]!.require);
    expect(fr.ref).toBe(english.ref);
    expect(fr.language).toBe('fr');
    // The English model is untouched.
    expect(english.questions.get('scope.status')!.label).toBe('Status');
  });

  it('leaves in English what the translation lacks', () => {
    const partial = { ...french(), questions: {} };
    const fr = translateQuestionnaire(model(), partial);
    expect(fr.questions.get('scope.status')!.label).toBe('Status');
    expect(fr.sections[0]!.title).toBe('Portée');
  });
});

describe('translationProblems', () => {
  it('finds nothing in a complete, current translation', () => {
    expect(translationProblems(model(), french(), digest)).toEqual([]);
  });

  it('hashes the English text as docs/translations.md says', () => {
    const t = french();
    const english = {
      label: 'Status',
      choices: [
        ['draft', 'Draft'],
        ['approved', 'Approved', 'Signed by the director.'],
      ],
    };
    expect(t.questions['scope.status']!.source).toBe(digest(JSON.stringify(english)).slice(0, 12));
    expect(t.sections.scope!.source).toBe(digest(JSON.stringify({ title: 'Scope', description: 'What the rule changes.' })).slice(0, 12));
  });

  it('reports missing entries, help, choices and values, with the source to write', () => {
    const t = french();
    delete t.questions['scope.decided'];
    delete t.questions['people.groups']!.help;
    delete t.questions['people.groups.effect']!.choices!.unknown;
    t.questions['scope.status']!.choices!.approved = 'Approuvée';
    delete t.computed.depth!.values!.deep;
    const problems = translationProblems(model(), t, digest);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ['missing', 'questions.scope.status.choices.approved.help'],
      ['missing', 'questions.scope.decided'],
      ['missing', 'questions.people.groups.help'],
      ['missing', 'questions.people.groups.effect.choices.unknown'],
      ['missing', 'computed.depth.values.deep'],
    ]);
    expect(problems[1]!.source).toBe('621cceb363b9');
  });

  it('reports unknown keys with the closest one', () => {
    const t = french();
    t.questions['scope.titel'] = { label: 'x' };
    t.questions['scope.status']!.choices!.drafts = 'x';
    t.sections.peoples = { title: 'x' };
    t.rules['burden-explain'] = { message: 'x' };
    const messages = translationProblems(model(), t, digest)
      .filter((p) => p.kind === 'unknown')
      .map((p) => p.message);
    expect(messages).toEqual([
      'section "peoples" is not in housing@1; did you mean "people"?',
      '"scope.status" has no choice "drafts"; did you mean "draft"?',
      'question "scope.titel" is not in housing@1; did you mean "scope.title"?',
      'rule "burden-explain" is not in housing@1; did you mean "burden-explained"?',
    ]);
  });

  it('finds an entry stale when its English changed, and a rule message that lost a placeholder', () => {
    const english = readFileSync(QUESTIONNAIRE, 'utf8').replace('label: Decision date', 'label: Date of the decision').replace('"{name}" is marked', '"{name}" ({effect}) is marked');
    const changed = parseQuestionnaire(english, QUESTIONNAIRE);
    const problems = translationProblems(changed, french(), digest);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ['stale', 'questions.scope.decided'],
      ['stale', 'rules.burden-explained'],
      ['stale', 'rules.burden-explained.message'],
    ]);
    expect(problems[0]!.message).toMatch(/was translated from English that has changed since \(source 621cceb363b9, now [0-9a-f]{12}\)/);
  });

  it('reads a source of decimal digits only, which YAML takes for a number', () => {
    const data = parse(readFileSync(fixture('translations', 'housing.fr.yaml'), 'utf8'));
    data.sections.scope.source = 12345678;
    expect(translationSchema.parse(data).sections.scope!.source).toBe('000012345678');
    data.sections.scope.source = 1e300;
    expect(translationSchema.safeParse(data).error?.issues[0]?.message).toBe('source is text: put it in quotes when YAML would read it as a number');
  });

  it('finds a translation of another version stale', () => {
    const t = { ...french(), questionnaire: 'housing@0' };
    expect(translationProblems(model(), t, digest)[0]).toMatchObject({ kind: 'stale', key: 'questionnaire' });
  });
});

describe('translation files', () => {
  it('are found beside the questionnaire, and earlier versions are not languages', () => {
    const tree = tempTree({ 'q.yaml': readFileSync(QUESTIONNAIRE, 'utf8'), 'q.fr.yaml': '', 'q.pt-BR.yaml': '', 'q.v1.yaml': '', 'other.es.yaml': '' });
    try {
      expect(translationLanguages(loadQuestionnaire(join(tree.dir, 'q.yaml')))).toEqual(['en', 'fr', 'pt-BR']);
    } finally {
      tree.cleanup();
    }
  });

  it('point at the line of a misspelt key, with the closest one', () => {
    const text = readFileSync(fixture('translations', 'housing.fr.yaml'), 'utf8').replace('    label: Titre de la règle', '    lable: Titre de la règle');
    const tree = tempTree({ 'housing.fr.yaml': text });
    try {
      const error = (() => {
        try {
          readTranslationFile(join(tree.dir, 'housing.fr.yaml'), tree.dir, 'fr');
        } catch (e) {
          return e as EisError;
        }
      })();
      expect(error).toBeInstanceOf(EisError);
      const line = text.split('\n').findIndex((l) => l.includes('lable:')) + 1;
      expect(error!.format()).toBe(
        `housing.fr.yaml:${line}:5: translation at questions › scope.title: "lable" is not a key here; did you mean "label"? (and 1 more problem). Keys here: label, help, example, choices, source. See docs/translations.md.`,
      );
    } finally {
      tree.cleanup();
    }
  });

  it('place each problem at its line in the translation', () => {
    const text = readFileSync(fixture('translations', 'housing.fr.yaml'), 'utf8').replace(/( {4}source: )621cceb363b9/, '$1abcdef000000');
    const tree = tempTree({ 'housing.fr.yaml': text });
    try {
      writeFileSync(join(tree.dir, 'housing.yaml'), readFileSync(QUESTIONNAIRE));
      const loaded = readTranslationFile(join(tree.dir, 'housing.fr.yaml'), tree.dir, 'fr');
      const [problem] = placedProblems(model(), loaded);
      expect(problem).toMatchObject({ kind: 'stale', file: 'housing.fr.yaml', line: text.split('\n').indexOf('    source: abcdef000000') + 1, column: 5 });
    } finally {
      tree.cleanup();
    }
  });
});
