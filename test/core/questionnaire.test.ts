import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseQuestionnaire } from '../../src/core/questionnaire/load.js';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { EisError } from '../../src/core/errors.js';
import { builtin, fixture } from '../helpers/model.js';
import { tempTree } from '../helpers/cli.js';

function problem(text: string): EisError {
  try {
    parseQuestionnaire(text, 'q.yaml');
  } catch (error) {
    if (error instanceof EisError) return error;
    throw error;
  }
  throw new Error('expected the questionnaire to be rejected');
}

const minimal = (questions: string, extra = '') => `id: mini
version: 1
title: Mini
sections:
  - id: one
    title: One
    questions:
${questions}
${extra}`;

describe('the built-in questionnaire', () => {
  it('has every section of the product, in order', () => {
    expect(builtin().sections.map((s) => s.id)).toEqual([
      'initiative',
      'screening',
      'proposal',
      'populations',
      'data',
      'engagement',
      'analysis',
      'access',
      'mitigation',
      'monitoring',
      'communication',
      'signoff',
    ]);
  });

  it('gives every question a label, and every choice question its choices', () => {
    for (const q of builtin().questions.values()) {
      expect(q.label.length).toBeGreaterThan(2);
      if (q.type === 'choice' || q.type === 'multi-choice') expect(q.choices?.length).toBeGreaterThan(1);
      for (const f of q.fields ?? []) if (f.type === 'choice') expect(f.choices?.length).toBeGreaterThan(1);
    }
  });

  it('computes a screening level with the three documented values', () => {
    expect(builtin().computed.map((c) => [c.id, c.values.map((v) => v.value)])).toEqual([['level', ['none', 'brief', 'full']]]);
  });

  it('is pinned as equity-impact@1', () => {
    expect(builtin().ref).toBe('equity-impact@1');
  });
});

describe('questionnaire validation', () => {
  it('accepts a questionnaire written only in YAML', () => {
    const model = loadQuestionnaire(fixture('questionnaires', 'race-forward.yaml'));
    expect(model.ref).toBe('race-forward@2');
    expect([...model.questions.keys()]).toContain('groups.stakeholders');
  });

  it('points at a condition that names a question that does not exist', () => {
    const error = problem(
      minimal(`      - id: a
        label: A
        type: text
        required: { question: one.b, answered: true }`),
    );
    expect(error.message).toContain('condition names question "one.b", which does not exist');
    expect([error.line, error.column]).toEqual([11, 21]);
  });

  it('suggests the closest question id', () => {
    const error = problem(
      minimal(`      - id: title
        label: Title
        type: text
      - id: b
        label: B
        type: text
        when: { question: one.titel, answered: true }`),
    );
    expect(error.message).toContain('did you mean "one.title"?');
    expect(error.line).toBe(14);
  });

  it('rejects an unknown key at its line', () => {
    const error = problem(
      minimal(`      - id: a
        label: A
        type: text
        requird: true`),
    );
    expect(error.message).toContain('unknown key "requird"');
    expect(error.line).toBe(11);
  });

  it('rejects an answer type it does not know', () => {
    const error = problem(
      minimal(`      - id: a
        label: A
        type: essay`),
    );
    expect(error.line).toBe(10);
    expect(error.message).toMatch(/type/);
  });

  it('rejects a choice question without choices, and a reference that points at no list', () => {
    expect(
      problem(
        minimal(`      - id: a
        label: A
        type: choice`),
      ).message,
    ).toContain('needs a list of choices');
    expect(
      problem(
        minimal(`      - id: a
        label: A
        type: reference
        to: one.nothing`),
      ).message,
    ).toContain('"one.nothing" is not a list question');
  });

  it('rejects a severityOrder that names a value the question does not offer, twice, or on a question without choices', () => {
    const choice = (order: string) =>
      minimal(`      - id: a
        label: A
        type: choice
        choices: [low, high]
        severityOrder: ${order}`);
    expect(parseQuestionnaire(choice('[low, high]'), 'q.yaml').questions.get('one.a')?.severityOrder).toEqual(['low', 'high']);
    const unknown = problem(choice('[low, hihg]'));
    expect(unknown.message).toBe('questionnaire at sections.0.questions.0.severityOrder.1: "hihg" is not one of this question\'s choices; did you mean "high"?');
    expect(unknown.line).toBe(12);
    expect(problem(choice('[low, low]')).message).toContain('"low" is listed twice');
    expect(
      problem(
        minimal(`      - id: a
        label: A
        type: text
        severityOrder: [low]`),
      ).message,
    ).toContain('severityOrder orders the values of a choice question, and this one is text');
  });

  it('rejects a condition that tests two things at once', () => {
    const error = problem(
      minimal(`      - id: a
        label: A
        type: text
        when: { question: one.a, equals: x, answered: true }`),
    );
    expect(error.message).toContain('exactly one test');
  });

  it('rejects a rule whose field is not in the list it checks', () => {
    const error = problem(
      minimal(
        `      - id: items
        label: Items
        type: list
        fields:
          - id: name
            label: Name
            type: text`,
        `rules:
  - id: r
    message: m
    each: one.items
    require: { field: nmae, answered: true }`,
      ),
    );
    expect(error.message).toContain('field "nmae"');
    expect(error.message).toContain('did you mean "name"?');
    expect(error.line).toBe(19);
  });

  it('never evaluates code: a condition is data, and unknown tags stay text', () => {
    const error = problem(
      minimal(`      - id: a
        label: A
        type: text
        when: !!js/function "function () { process.exit(9) }"`),
    );
    expect(error).toBeInstanceOf(EisError);
  });
});

describe('reading a questionnaire file', () => {
  const tree = tempTree();
  afterAll(() => tree.cleanup());

  it('refuses a device or a named pipe at once, naming it as given', () => {
    // /dev/zero never ends and a pipe waits for a writer: reading either would hang eis.
    expect(() => loadQuestionnaire('/dev/zero')).toThrow(/the questionnaire file is not a regular file/);
    execFileSync('mkfifo', [join(tree.dir, 'pipe.yaml')]);
    const error = (() => {
      try {
        loadQuestionnaire('pipe.yaml', tree.dir);
      } catch (e) {
        return e as EisError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(EisError);
    expect(error.format()).toMatch(/^pipe\.yaml: the questionnaire file is not a regular file/);
  });

  it('says which file is missing, and which built-in id is unknown', () => {
    expect(() => loadQuestionnaire('missing.yaml', tree.dir)).toThrow('the questionnaire file does not exist.');
    expect(() => loadQuestionnaire('no-such-id')).toThrow(/there is no built-in questionnaire "no-such-id"/);
  });
});
