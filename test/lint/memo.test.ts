// Memos: findings land on the exact line and column of the original file, and nothing is reported
// inside code, URLs, link destinations or HTML comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/cli.js';
import { lintDocument } from '../../src/core/lint/document.js';
import { at, lintOptions } from './helpers.js';

const options = lintOptions();
const lint = (text: string, kind: 'markdown' | 'text' = 'markdown') => lintDocument(text, kind, 'memo.md', options);
const brief = (text: string, kind: 'markdown' | 'text' = 'markdown') =>
  lint(text, kind)
    .findings.filter((f) => f.code !== 'lint/readability')
    .map((f) => `${f.line}:${f.column} ${f.code} ${f.phrase}`);

describe('the example memos', () => {
  const license = readFileSync(join(EXAMPLES, 'memos', 'license-suspension-change.md'), 'utf8');

  it('does not report "obligor" and "arrears" where the license memo quotes the old manual', () => {
    // "the obligor's failure to cure arrears" is the 1998 manual's wording, in quotation marks.
    expect(license).toContain('"the obligor\'s failure to cure arrears within 30 days,"');
    expect(lint(license).findings.filter((f) => f.code.startsWith('lint/glossary/'))).toEqual([]);
    const unquoted = license.replace('"the obligor\'s failure to cure arrears within 30 days,"', "the obligor's failure to cure arrears within 30 days,");
    const glossary = lint(unquoted).findings.filter((f) => f.code.startsWith('lint/glossary/'));
    expect(glossary.map((f) => ({ code: f.code, line: f.line, column: f.column, phrase: f.phrase, severity: f.severity }))).toEqual([
      { code: 'lint/glossary/obligor', ...at(unquoted, "obligor's"), phrase: "obligor's", severity: 'warning' },
      { code: 'lint/glossary/arrears', ...at(unquoted, 'arrears'), phrase: 'arrears', severity: 'warning' },
    ]);
    expect(glossary[0].message).toBe('Instead of "obligor\'s", write "parent who pays support".');
    expect(glossary[0].suggestions).toEqual(['parent who pays support']);
  });

  it('reports no harmful language (errors) in any example memo', () => {
    for (const name of ['license-suspension-change.md', 'online-application-portal.md', 'text-payment-reminders.md']) {
      const text = readFileSync(join(EXAMPLES, 'memos', name), 'utf8');
      expect(
        lint(text).findings.filter((f) => f.severity === 'error'),
        name,
      ).toEqual([]);
    }
  });

  it('does not grade the license memo, a memo to the director, unless it is public', () => {
    expect(lint(license).findings.filter((f) => f.code === 'lint/readability')).toEqual([]);
    const asPublic = `---\naudience: public\n---\n${license}`;
    expect(lint(asPublic).findings.filter((f) => f.code === 'lint/readability').length).toBeGreaterThan(0);
  });

  it('measures the reading grade of the license memo paragraphs, and a lower target finds more', () => {
    const graded = (grade: number) =>
      lintDocument(license, 'markdown', 'memo.md', lintOptions({ grade, audience: { memos: 'public', statements: 'public' } })).findings.filter((f) => f.code === 'lint/readability');
    const at8 = graded(8);
    const at14 = graded(14);
    const at20 = graded(20);
    expect(at8.length).toBeGreaterThan(at14.length);
    expect(at20).toEqual([]);
    // The Background paragraph starts at line 10, column 1.
    expect(at8[0]).toMatchObject({ line: 10, column: 1, severity: 'warning' });
    expect(at8[0].message).toMatch(/^This paragraph reads at about grade \d+; aim for grade 8 or below\.$/);
    expect(at8[0].hint).toMatch(/^Its hardest sentence \(grade \d+\) begins "[^"]+"\./);
  });
});

describe('what is not prose', () => {
  it('skips code spans, fenced and indented code, and says nothing about them', () => {
    const text = [
      'Use `obligor` in code, or ``the `obligor` field``.',
      '',
      '```yaml',
      'role: obligor',
      '```',
      '',
      '~~~',
      'deadbeat parent',
      '~~~',
      '',
      '    obligor in an indented block',
      '',
      'But the obligor here counts.',
    ].join('\n');
    expect(brief(text)).toEqual([`${at(text, 'obligor here').line}:${at(text, 'obligor here').column} lint/glossary/obligor obligor`]);
  });

  it('skips URLs, autolinks, link destinations, titles, reference labels and definitions, but not link text', () => {
    const text = [
      'See https://example.gov/obligor-arrears and www.example.gov/deadbeat and <https://x.gov/obligor>.',
      'Write to obligor@example.gov or see [the guide](https://x.gov/arrears "arrears") for help.',
      'The [obligor page][arrears] explains it.',
      '',
      '[arrears]: https://example.gov/arrears "obligor"',
    ].join('\n');
    expect(brief(text)).toEqual([`${at(text, 'obligor page').line}:${at(text, 'obligor page').column} lint/glossary/obligor obligor`]);
  });

  it('skips HTML comments and tags, in blocks and inline', () => {
    const text = ['<!-- the obligor draft -->', '<div class="obligor">', '</div>', '', 'Text <span title="arrears">plain</span> <!-- arrears --> here.'].join('\n');
    expect(brief(text)).toEqual([]);
  });

  it('reads the text shown by raw HTML blocks, but not preformatted ones', () => {
    const text = '<div align="center">The obligor</div>\n\n<!-- note --> The obligee\n\n<pre>\narrears\n</pre>\n';
    expect(brief(text)).toEqual(['1:25 lint/glossary/obligor obligor', '3:19 lint/glossary/obligee obligee']);
  });

  it('skips YAML front matter', () => {
    const text = '---\ntitle: The obligor memo\n---\n\n# The obligor\n';
    expect(brief(text)).toEqual(['5:7 lint/glossary/obligor obligor']);
  });

  it('does not join words across skipped code into a phrase', () => {
    expect(brief('The deadbeat `x` parent.')).toEqual(['1:5 lint/glossary/deadbeat-parent deadbeat']);
  });

  it('treats plain text as text: Markdown characters are not markup, URLs are still skipped', () => {
    const text = 'The `obligor` and https://x.gov/obligor\n\nand *arrears*.';
    expect(brief(text, 'text')).toEqual(['1:6 lint/glossary/obligor obligor', `3:6 lint/glossary/arrears arrears`]);
  });
});

describe('where findings land', () => {
  it('places findings in headings, emphasis, lists, nested lists, block quotes and table cells exactly', () => {
    const text = [
      '# The obligor heading ##',
      '',
      'Setext about arrears',
      '===',
      '',
      'Some **obligor** and _arrears_ and ~~deadbeat dad~~.',
      '',
      '- item about the obligee',
      '  continued with arrearages',
      '  1. nested visitation',
      '     more on the obligor',
      '- [x] task for the custodial parent',
      '',
      // Block quotes are someone else's words: only errors (harmful labels) are reported in them.
      '> quoted deadbeat dad',
      '> > deeper deadbeat mom',
      '> lazy',
      'the deadbeat father',
      '',
      '| Who | What |',
      '| --- | --- |',
      '| the obligor | `arrears` |',
      '| x \\| obligee | y |',
    ].join('\n');
    const expected = [
      ['obligor heading', 'lint/glossary/obligor'],
      ['arrears\n===', 'lint/glossary/arrears'],
      ['obligor**', 'lint/glossary/obligor'],
      ['arrears_', 'lint/glossary/arrears'],
      ['deadbeat dad', 'lint/glossary/deadbeat-parent'],
      ['obligee', 'lint/glossary/obligee'],
      ['arrearages', 'lint/glossary/arrears'],
      ['visitation', 'lint/glossary/visitation'],
      ['obligor\n- [x]', 'lint/glossary/obligor'],
      ['custodial parent', 'lint/glossary/custodial-parent'],
      ['deadbeat dad\n> >', 'lint/glossary/deadbeat-parent'],
      ['deadbeat mom\n> lazy', 'lint/glossary/deadbeat-parent'],
      ['deadbeat father\n\n|', 'lint/glossary/deadbeat-parent'],
      ['obligor |', 'lint/glossary/obligor'],
      ['obligee |', 'lint/glossary/obligee'],
    ].map(([needle, code]) => {
      const { line, column } = at(text, needle);
      return `${line}:${column} ${code}`;
    });
    expect(
      lint(text)
        .findings.filter((f) => f.code !== 'lint/readability')
        .map((f) => `${f.line}:${f.column} ${f.code}`),
    ).toEqual(expected);
  });

  it('counts columns in code points and keeps lines right with Windows line endings', () => {
    const text = '# Title\r\n\r\nThe 👪 obligor.\r\n';
    const [f] = lint(text).findings;
    expect(f).toMatchObject({ line: 3, column: 7, code: 'lint/glossary/obligor' });
  });

  it('reports inclusive-language and profanity findings with retext rule names and suggestions', () => {
    const text = 'The chairman said he was fine.\n\nThat policy is crap, damn it.';
    const findings = lint(text).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.phrase}`)).toEqual([
      '1:5 warning lint/equality/chairman-chairwoman chairman',
      '1:19 warning lint/equality/he-she he',
      '3:16 error lint/profanity/crap crap',
      '3:22 warning lint/profanity/damn damn',
    ]);
    expect(findings[0].message).toBe('"chairman" may be insensitive; consider "chair", "head", "chairperson" or "coordinator".');
    expect(findings[0].suggestions?.[0]).toBe('chair');
    expect(findings[2].message).toBe('"crap" is profane.');
  });

  it('does not report words that are ordinary in child-support and equity writing', () => {
    const text = 'Black and white parents, gross income, illegal drugs, sexual orientation, HIV status, domestic abuse and paternity tests are all ordinary here.';
    expect(brief(text)).toEqual([]);
  });

  it('lets the glossary speak where retext would say the same', () => {
    // retext-equality flags "handicapped" too; one finding, from the glossary, remains.
    expect(brief('Parking for the handicapped is near.')).toEqual(['1:13 lint/glossary/the-handicapped the handicapped']);
  });
});
