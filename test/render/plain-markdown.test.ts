// Most answers are one line of prose, and the renderer writes those as a paragraph without running
// marked and sanitize-html. The shortcut must give exactly what the full conversion gives: this
// compares both on generated prose, on text with every kind of Markdown and HTML syntax mixed in,
// and on fuzzed strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainProse, markdownToHtml, sanitizeMarkdown } from '../../src/core/render/safe-html.js';
import { generatedStatement } from '../property/support.js';
import { parse } from 'yaml';

const RUNS = Math.max(2000, Number(process.env.EIS_FUZZ_RUNS) || 0);

/** Characters the shortcut accepts, and ones that start syntax, in proportions that make both kinds. */
const PROSE = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ' ', ' ', ' ', ...'ÉéñßçÅøЖжλ中文한글ÿ', ...',.;:?!()\'"%/+=$-'];
const SYNTAX = [
  ...'*_~`[]<>&\\#|@{}^\n\r\t',
  '\u00a0',
  '\u0000',
  '\u200b',
  '\u2028',
  '  ',
  '1. ',
  '- ',
  '> ',
  'www.',
  'http://',
  'https://x.y',
  'mailto:',
  'a@b.co',
  '&amp;',
  '&#39;',
  '<b>',
  '\n\n',
  '    ',
  '==',
  '--',
];

const prose = fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 60 }).map((cs) => cs.join(''));
const mixed = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.constantFrom(...SYNTAX) }), { minLength: 1, maxLength: 60 }).map((cs) => cs.join(''));
/** Prose with one kind of syntax sprinkled in: emphasis needs two `*`, a link both brackets. */
const sprinkled = fc
  .constantFrom(...SYNTAX, ...',.;:?!()\'"%/+=$-')
  .chain((token) => fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.constant(token) }), { minLength: 1, maxLength: 40 }))
  .map((cs) => cs.join(''));

function expectSame(text: string): void {
  expect(markdownToHtml(text), JSON.stringify(text)).toBe(sanitizeMarkdown(text));
}

/** Every string a generated statement has, as answers and list fields. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

describe('one-line prose skips marked and sanitize-html with the same result', () => {
  it('on generated prose, most of which takes the shortcut', () => {
    let plain = 0;
    fc.assert(
      fc.property(prose, (text) => {
        if (isPlainProse(text)) plain++;
        expectSame(text);
      }),
      { numRuns: RUNS },
    );
    expect(plain).toBeGreaterThan(RUNS / 2);
  });

  it('on prose with Markdown and HTML syntax mixed in', () => {
    let plain = 0;
    fc.assert(
      fc.property(mixed, (text) => {
        if (isPlainProse(text)) plain++;
        expectSame(text);
      }),
      { numRuns: RUNS * 5 },
    );
    expect(plain).toBeGreaterThan(RUNS / 10);
  });

  it('on prose with one kind of syntax sprinkled in', () => {
    fc.assert(fc.property(sprinkled, expectSame), { numRuns: RUNS * 5 });
  });

  it('on fuzzed strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), expectSame), { numRuns: RUNS });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), expectSame), { numRuns: RUNS });
  });

  it('on every string of generated statements', () => {
    const strings = new Set<string>();
    for (let seed = 1; seed <= 100; seed++) for (const s of stringsOf(parse(generatedStatement(seed)))) strings.add(s);
    const plain = [...strings].filter(isPlainProse);
    expect(plain.length).toBeGreaterThan(strings.size / 2);
    for (const s of strings) expectSame(s);
  });

  it('on the edges of the rule', () => {
    const cases = [
      'a',
      '1',
      '1.',
      '1)',
      '12. x',
      '1.5 million',
      '2025-02-04 case data',
      'A1. b',
      'a  b',
      'a ',
      ' a',
      'x - y',
      'Say "hi"',
      "it's",
      'a/b',
      'x: y',
      'http:x',
      'www.x',
      'a=b',
      '$5 + 3%',
      'a!',
      '(a)',
      'ÉÅ',
      'a--b',
      'a==',
      'Note:',
      'ftp://x',
    ];
    for (const text of cases) expectSame(text);
    expect(cases.filter(isPlainProse).length).toBeGreaterThan(10);
  });
});
