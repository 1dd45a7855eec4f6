// The built-in folder holds questionnaires, their earlier versions and their translations: only the
// first are built-in ids, so `eis.es` or `equity-impact.v1` is never offered as a questionnaire.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinFolder, builtinQuestionnaireIds } from '../../src/edge/questionnaire/resolve.js';

describe('built-in questionnaire ids', () => {
  it('leave out earlier versions and translations that sit beside them', () => {
    const files = readdirSync(builtinFolder());
    // The folder really holds both kinds, or the test would pass by accident.
    expect(files).toContain('equity-impact.v1.yaml');
    expect(files).toContain('equity-impact.es.yaml');
    expect(builtinQuestionnaireIds()).toEqual(['equity-impact']);
  });
});
