// The HTML tidy drops lines that are all spaces and tabs outside <pre>, a line at a time; it must
// give exactly what the pattern it replaces gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyHtml } from '../../src/core/render/render.js';
import { RUNS } from '../property/support.js';

const reference = (text: string) =>
  `${text
    .split(/(<pre[\s>][\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/^[ \t]*\n/gm, '')))
    .join('')
    .trim()}\n`;
const pieces = ['\n', ' ', '\t', '  \n', '\t\n', 'a', '<p>', '</p>', '<pre>', '<pre class="x">', '</pre>', '<prefix>', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '   x  '];

describe('tidyHtml', () => {
  it('gives what the pattern gives, on text made of the pieces that matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tidyHtml(text), JSON.stringify(text)).toBe(reference(text));
      }),
      { numRuns: RUNS * 50 },
    );
  });

  it('gives what the pattern gives, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(tidyHtml(text)).toBe(reference(text));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
