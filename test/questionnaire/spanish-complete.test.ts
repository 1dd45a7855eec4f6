// Every question, choice, section, computed value and rule of the built-in questionnaire has a
// Spanish entry, made from the English as it is now: adding a question without its Spanish fails
// here. schemas/questionnaires/equity-impact.es.yaml is written on its own branch; this test fails
// until it is there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { loadTranslation, placedProblems } from '../../src/edge/questionnaire/translations.js';
import { ROOT } from '../helpers/cli.js';

describe('the built-in questionnaire in Spanish', () => {
  it('has a translation file', () => {
    expect(existsSync(join(ROOT, 'schemas', 'questionnaires', 'equity-impact.es.yaml'))).toBe(true);
  });

  it('has every key, none unknown and none stale', () => {
    const model = loadQuestionnaire('equity-impact');
    const loaded = loadTranslation(model, 'es', ROOT)!;
    expect(placedProblems(model, loaded).map((p) => `${p.file}:${p.line}: ${p.kind} ${p.key}: ${p.message}`)).toEqual([]);
  });
});
