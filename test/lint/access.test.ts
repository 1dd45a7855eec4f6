// Findings as entries for a "language found and replaced" list, for the interview to offer.
import { describe, expect, it } from 'vitest';
import { replacementEntries, replacementsFrom } from '../../src/core/lint/access.js';
import { lintDocument } from '../../src/core/lint/document.js';
import { lintOptions } from './helpers.js';

const memo = 'The obligor pays.\n\nThe Obligor and the NCP, and the chairman.\n\nThe arrears are damn high.';
const findings = lintDocument(memo, 'markdown', 'memos/a.md', lintOptions()).findings;

describe('replacements from findings', () => {
  it('gives one per wording, with every place it was found, and leaves out findings without a replacement', () => {
    expect(replacementsFrom(findings)).toEqual([
      { found: 'obligor', replacement: 'parent who pays support', where: 'memos/a.md:1, memos/a.md:3', code: 'lint/glossary/obligor' },
      { found: 'NCP', replacement: 'parent who pays support (consider; keep the legal term where the law requires it)', where: 'memos/a.md:3', code: 'lint/glossary/noncustodial-parent' },
      { found: 'chairman', replacement: 'chair', where: 'memos/a.md:3', code: 'lint/equality/chairman-chairwoman' },
      { found: 'arrears', replacement: 'past-due support', where: 'memos/a.md:5', code: 'lint/glossary/arrears' },
    ]);
  });

  it('turns them into list entries with the questionnaire’s own field ids, skipping words already recorded', () => {
    const entries = replacementEntries(replacementsFrom(findings), { found: 'was', replacement: 'now', where: 'in' }, [{ was: 'Obligor', now: 'parent who pays' }]);
    expect(entries.map((e) => e.was)).toEqual(['NCP', 'chairman', 'arrears']);
    expect(entries[2]).toEqual({ was: 'arrears', now: 'past-due support', in: 'memos/a.md:5' });
    expect(replacementEntries(replacementsFrom(findings), { found: 'f', replacement: 'r' })[0]).toEqual({ f: 'obligor', r: 'parent who pays support' });
  });
});
