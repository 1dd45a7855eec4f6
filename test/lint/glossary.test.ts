// The built-in glossary, entry by entry: every term is found in lower, title and upper case, in
// plural and possessive forms, and across a line break; and not inside other words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { buildGlossary, matchGlossary, termPattern, termSlug, toEntry } from '../../src/core/lint/glossary.js';
import { builtinGlossary, parseGlossaryFile } from '../../src/edge/lint/options.js';

const file = join(ROOT, 'schemas', 'glossary', 'child-support.yaml');
const raw = parse(readFileSync(file, 'utf8')) as { entries: Array<{ term: string | string[]; use?: string; why: string; kind?: string }> };
const glossary = buildGlossary(builtinGlossary(), []);

const titleCase = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
// Abbreviations (NCP) and words that already end in "s" are listed in their forms explicitly.
const inflectable = (term: string) => !/s$/i.test(term) && term !== term.toUpperCase();

function found(text: string) {
  return matchGlossary(glossary, text).map((m) => ({ slug: m.entry.slug, text: text.slice(m.start, m.end) }));
}

describe('the built-in child-support glossary', () => {
  it('is valid, and every entry has a reason and a kind', () => {
    expect(raw.entries.length).toBeGreaterThanOrEqual(25);
    for (const entry of builtinGlossary()) {
      expect(entry.why.length).toBeGreaterThan(10);
      expect(entry.kind).toBeDefined();
      expect(entry.origin).toBe('builtin:child-support');
    }
  });

  it('gives every entry a current source, or marks it as agency style', () => {
    type Source = { title: string; url?: string; date?: string | number; status: string };
    const entries = (parse(readFileSync(file, 'utf8')) as { entries: Array<{ term: string | string[]; use?: string; sources?: Source[]; style?: string }> }).entries;
    for (const entry of entries) {
      const name = JSON.stringify(entry.term);
      const current = (entry.sources ?? []).filter((s) => s.status === 'current');
      // A rescinded source is history: it cannot be the only reason for an entry.
      expect(current.length > 0 || entry.style === 'agency', name).toBe(true);
      expect(current.length > 0 && entry.style === 'agency', `${name} has sources and says agency style`).toBe(false);
    }
    // Known problems fixed: no advice that its own source advises against, no rescinded order as the basis.
    const illegal = entries.find((e) => [e.term].flat().includes('illegal alien'))!;
    expect(illegal.use).not.toMatch(/undocumented/i);
    const english = entries.find((e) => [e.term].flat().includes('non-English speaker'))!;
    expect(english.sources!.filter((s) => s.status === 'current').map((s) => s.title)).toEqual([expect.stringContaining('Title VI'), expect.stringContaining('Dymally-Alatorre')]);
    expect(english.sources!.find((s) => /13166/.test(s.title))!.status).toBe('rescinded');
    for (const e of entries.filter((x) => [x.term].flat().some((t) => /alien/.test(t))))
      expect(e.sources!.filter((s) => /2021|Customs/.test(s.title)).every((s) => s.status === 'rescinded')).toBe(true);
  });

  it('flags "child support enforcement agency", and not a statute named with a flagged word', () => {
    expect(found('Write to the child support enforcement agency.')).toEqual([{ slug: 'child-support-enforcement-agency', text: 'child support enforcement agency' }]);
    expect(found('Under the Deadbeat Parents Punishment Act of 1998, crossing state lines to avoid support is a crime.')).toEqual([]);
    expect(found('No parent is a deadbeat dad; see the Deadbeat Parents Punishment Act.')).toEqual([{ slug: 'deadbeat-parent', text: 'deadbeat dad' }]);
  });

  it('says when an entry is the agency style rather than a source', () => {
    const entry = builtinGlossary().find((e) => e.slug === 'welfare-mother')!;
    expect(entry.agencyStyle).toBe(true);
    expect(builtinGlossary().find((e) => e.slug === 'obligor')!.agencyStyle).toBeUndefined();
  });

  it('has a comment with its source or rationale above every entry', () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const entryLines = lines.flatMap((line, i) => (/^ {2}- term:/.test(line) ? [i] : []));
    expect(entryLines.length).toBe(raw.entries.length);
    for (const i of entryLines) {
      // Either a comment right above, or a blank line under a comment that covers a group of entries.
      let j = i - 1;
      while (j > 0 && lines[j].trim() === '') j--;
      const above = lines[j].trim();
      // (the line above is then the last line of the previous entry of the group: its kind or sources)
      const groupComment = /^#/.test(above) || /^ {4,}\S/.test(lines[j]);
      expect(groupComment, `entry at line ${i + 1} needs a comment`).toBe(true);
    }
    // Entries sharing one comment are the Federal Plain Language Guidelines word list and the
    // parent roles; all other entries have their own.
    const commented = entryLines.filter((i) => /^\s*#/.test(lines[i - 1]));
    expect(commented.length).toBeGreaterThanOrEqual(raw.entries.length - 8);
  });

  it('gives every entry its own code', () => {
    const slugs = builtinGlossary().map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toContain('obligor');
    expect(slugs).toContain('deadbeat-parent');
  });

  const cases = builtinGlossary().flatMap((entry) => entry.terms.map((term) => ({ entry, term })));
  describe.each(cases)('"$term"', ({ entry, term }) => {
    it('is found in lower, title and upper case, inside a sentence', () => {
      for (const form of [term.toLowerCase(), titleCase(term), term.toUpperCase()]) {
        const text = `Before the words, ${form} and after them.`;
        const hits = found(text);
        expect(hits, form).toHaveLength(1);
        expect(hits[0].slug).toBe(entry.slug);
        expect(hits[0].text).toBe(form);
      }
    });

    it('is found as a plural and a possessive', () => {
      // Abbreviations (NCP) and terms that end in "s" list their other forms explicitly.
      if (!inflectable(term)) return expect(entry.terms.length).toBeGreaterThan(0);
      for (const form of [`${term}s`, `${term}'s`, `${term}’s`, `${term}s'`]) {
        const hits = found(`A ${form} file.`);
        expect(
          hits.map((h) => h.text),
          form,
        ).toEqual([form]);
        expect(hits[0].slug).toBe(entry.slug);
      }
    });

    it('is found across a line break and extra spaces, when it has several words', () => {
      if (!/\s/.test(term)) return expect(found(`a\n${term}`)).toHaveLength(1);
      const broken = term.replace(/\s+/, '\n   ');
      const hits = found(`Notes about the\n${broken} in the file.`);
      expect(hits.map((h) => h.text)).toEqual([broken]);
    });

    it('is not found inside a longer word', () => {
      const first = term.split(/\s+/)[0];
      const last = term.split(/\s+/).slice(-1)[0];
      const hits = found(`un${first.toLowerCase()}x ${term.split(/\s+/).slice(0, -1).join(' ')} ${last}xyz`.trim());
      expect(hits.filter((h) => h.slug === entry.slug && h.text.toLowerCase() === term.toLowerCase())).toEqual([]);
    });
  });
});

describe('matching', () => {
  it('keeps "custodial parent" out of "noncustodial parent" and "non-custodial parent"', () => {
    expect(found('The noncustodial parent and the non-custodial parent.').map((h) => h.slug)).toEqual(['noncustodial-parent', 'noncustodial-parent']);
    expect(found('The custodial parent.').map((h) => h.slug)).toEqual(['custodial-parent']);
  });

  it('matches hyphenated terms with or without the hyphen, and broken at a line end', () => {
    expect(found('wheelchair-bound, wheelchair bound, wheelchairbound').map((h) => h.text)).toEqual(['wheelchair-bound', 'wheelchair bound', 'wheelchairbound']);
    expect(found('a non-\ncompliant parent').map((h) => h.text)).toEqual(['non-\ncompliant parent']);
  });

  it('prefers the longest term where terms overlap', () => {
    expect(found('a deadbeat dad').map((h) => h.text)).toEqual(['deadbeat dad']);
    expect(found('a non-compliant parent').map((h) => h.text)).toEqual(['non-compliant parent']);
  });

  it('does not match a plural that is a different word', () => {
    expect(found('The aliens are here; the alienation is not.').map((h) => h.text)).toEqual(['aliens']);
  });

  it('builds a pattern that treats regular-expression characters in terms literally', () => {
    const pattern = termPattern(['a.b (c)']);
    expect(pattern.test('x a.b (c) y')).toBe(true);
    pattern.lastIndex = 0;
    expect(pattern.test('x aXb (c) y')).toBe(false);
  });
});

describe('agency glossary', () => {
  it('adds entries, and replaces a built-in one with the same first term', () => {
    const agency = [
      toEntry({ term: ['LCSA', 'local child support agency'], use: 'your local child support office', why: 'Parents do not know the acronym.' }, 'config'),
      toEntry({ term: 'obligor', use: 'paying parent', why: 'Our style guide.' }, 'config'),
    ];
    const g = buildGlossary(builtinGlossary(), agency);
    const hits = matchGlossary(g, 'The LCSA told the obligor.');
    expect(hits.map((h) => [h.entry.slug, h.entry.use, h.entry.severity, h.entry.origin])).toEqual([
      ['lcsa', 'your local child support office', 'warning', 'config'],
      ['obligor', 'paying parent', 'warning', 'config'],
    ]);
    expect(g.entries.filter((e) => e.slug === 'obligor')).toHaveLength(1);
  });

  it('slugs terms for finding codes', () => {
    expect(termSlug('Deadbeat Parent')).toBe('deadbeat-parent');
    expect(termSlug("obligor's file")).toBe('obligors-file');
    expect(termSlug('Título IV-D')).toBe('titulo-iv-d');
  });

  it('reports a broken glossary file at its line', () => {
    expect(() => parseGlossaryFile('id: x\ntitle: X\nentries:\n  - term: a\n    why: b\n    kind: nasty\n', 'g.yaml', 'test')).toThrow(/kind/);
    try {
      parseGlossaryFile('id: x\ntitle: X\nentries:\n  - term: a\n    why: b\n    kind: nasty\n', 'g.yaml', 'test');
    } catch (error) {
      expect((error as { line?: number }).line).toBe(6);
    }
  });
});

// A glossary comes from the config in a pull request. Terms whose pattern could share out the same
// spaces in many ways (a run of hyphens was a run of optional gaps) once made one short line take
// minutes. Each line below almost holds its term, which is where backtracking costs most.
describe('hostile terms', () => {
  // The old pattern for the first term took 6 s on these 9 spaces, and 4 to 5 times as long for each
  // space more (test/lint/cli.test.ts runs 60 through the binary); a test cannot stop a regular
  // expression, so these stay short enough for the old code to fail rather than hang.
  const spaces = ' '.repeat(9);
  const hostile = [
    { term: `no${'-'.repeat(30)}show`, line: `no${spaces}sh` },
    { term: `no ${'- '.repeat(30)}show`, line: `no${spaces}sh` },
    { term: `${'-'.repeat(15)}no${'-'.repeat(15)}show${'-'.repeat(15)}`, line: `no${spaces}sh` },
    { term: Array.from({ length: 31 }, () => 'no').join('-'), line: `${Array.from({ length: 30 }, () => 'no').join('  ')} x` },
    { term: Array.from({ length: 31 }, () => 'no').join('-'), line: `${Array.from({ length: 30 }, () => 'no').join('- - ')} x` },
  ];

  it.each(hostile)('matches "$term" in well under a second, and still finds what it should', { timeout: 1000 }, ({ term, line }) => {
    const g = buildGlossary([], [toEntry({ term, why: 'A test.' }, 'config')]);
    const started = performance.now();
    expect(matchGlossary(g, line)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
    // The term itself, and its run-together and spaced forms, are still found.
    const words = term.split(/[\s-]+/).filter(Boolean);
    // Words (parted by spaces) need a space or a hyphen between them; parts of one hyphenated word do not.
    const forms = [words.join('-'), words.join(' '), `${words.join('-')}s`, ...(/\s/.test(term) ? [] : [words.join('')])];
    for (const text of forms) {
      const at = `We saw ${text} today.`;
      expect(matchGlossary(g, at).map((m) => at.slice(m.start, m.end))).toEqual([text]);
    }
  });

  it('finds nothing for a term of hyphens alone', () => {
    const g = buildGlossary([], [toEntry({ term: '- - ---', why: 'A test.' }, 'config')]);
    expect(matchGlossary(g, 'a - - --- b')).toEqual([]);
  });
});
