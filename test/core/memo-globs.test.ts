// The pure side of coverage: where a glob starts, memo matching with the extension in any case, and
// why a memo-like file was missed.
import { describe, expect, it } from 'vitest';
import { configGlobs, globBase, memoMatcher, nearestGlob, recursiveMemoGlob, whyMissed } from '../../src/core/check/memo-globs.js';

describe('globBase', () => {
  it('is the folder before the first wildcard', () => {
    expect(['memos/**/*.{md,markdown,docx}', 'memos/*.md', './memos/2027/*.md', '*.md', '{a,b}/*.md', 'initiatives/*/', 'memos/budget.md', 'initiatives/portal/', 'budget.md'].map(globBase)).toEqual([
      'memos',
      'memos',
      'memos/2027',
      '',
      '',
      'initiatives',
      'memos',
      'initiatives',
      '',
    ]);
  });
});

describe('memoMatcher', () => {
  it('takes the extension in any case, and nothing else case-blind', () => {
    const matches = memoMatcher('memos/*.md');
    expect(['memos/a.md', 'memos/a.MD', 'memos/a.Md', 'Memos/a.md', 'memos/sub/a.md', 'memos/a.markdown'].map(matches)).toEqual([true, true, true, false, false, false]);
    expect(memoMatcher('memos/**/*.{md,markdown}')('memos/2027/a.MARKDOWN')).toBe(true);
  });
});

describe('whyMissed', () => {
  const globs = configGlobs({ memos: ['memos/*.md', '!memos/draft.md'], folders: ['initiatives/*/'] });
  const near = (rel: string) => whyMissed(rel, nearestGlob(rel, globs)!);

  it('names the way the glob falls short', () => {
    expect(globs.map((g) => g.glob)).toEqual(['memos/*.md', 'initiatives/*/']);
    expect(near('memos/2027/a.md')).toBe('"memos/*.md" does not reach into subfolders');
    expect(near('memos/a.markdown')).toBe('"memos/*.md" does not take .markdown files');
    expect(near('memos/2027/a.docx')).toBe('"memos/*.md" does not reach into subfolders, nor take .docx files');
    expect(near('initiatives/notes.md')).toBe('it lies beside the initiative folders of "initiatives/*/", not inside one');
    expect(nearestGlob('docs/a.md', globs)).toBeUndefined();
  });

  it('suggests a recursive glob for every memo-like extension', () => {
    expect(recursiveMemoGlob('memos')).toBe('memos/**/*.{md,markdown,docx}');
    expect(recursiveMemoGlob('')).toBe('**/*.{md,markdown,docx}');
  });
});
