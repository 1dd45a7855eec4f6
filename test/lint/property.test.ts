// Properties over generated memos: every glossary finding points at the words it quotes, and none
// points inside code, URLs, link destinations or HTML comments, whatever Markdown surrounds them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintDocument } from '../../src/core/lint/document.js';
import { lintOptions } from './helpers.js';

const options = lintOptions({}, { 'lint/readability': 'off', 'lint/equality': 'off', 'lint/profanity': 'off' });
const terms = ['obligor', 'Obligors', "obligee's", 'arrears', 'deadbeat dad', 'absent parent', 'visitation', 'NCP'];
const filler = ['The', 'parents', 'said', 'notice', 'mail', 'county', 'pays', 'on time', 'and'];

// A piece of Markdown, and whether the term inside it may be reported; in a block quote (someone
// else's words) only the harmful labels, which are errors, are.
type Piece = { text: string; reportable: boolean; quoted?: boolean };
const harmful = ['deadbeat dad'];
const term = fc.constantFrom(...terms);
const word = fc.constantFrom(...filler);
const prose = fc.array(fc.oneof(word, word, term), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));

const hidden: fc.Arbitrary<Piece> = term.chain((t) =>
  fc.constantFrom(
    { text: `\`${t}\``, reportable: false },
    { text: `\`\`a \`${t}\` b\`\``, reportable: false },
    { text: `https://example.gov/${t.replace(/\W+/g, '-')}`, reportable: false },
    { text: `<https://x.gov/${t.replace(/\W+/g, '-')}>`, reportable: false },
    { text: `[link](https://x.gov/${t.replace(/\W+/g, '-')} "${t}")`, reportable: false },
    { text: `<!-- ${t} -->`, reportable: false },
    { text: `<span title="${t}">x</span>`, reportable: false },
  ),
);
const inline: fc.Arbitrary<Piece> = fc.oneof(
  prose.map((text) => ({ text, reportable: true })),
  prose.map((text) => ({ text: `**${text}**`, reportable: true })),
  prose.map((text) => ({ text: `[${text}](https://x.gov/a)`, reportable: true })),
  hidden,
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((pieces) => ({ text: pieces.map((p) => p.text).join(' '), pieces }));
const block = fc.oneof(
  line.map((l) => ({ text: l.text, pieces: l.pieces })),
  line.map((l) => ({ text: `- ${l.text}`, pieces: l.pieces })),
  line.map((l) => ({ text: `1. ${l.text}\n   ${l.text}`, pieces: [...l.pieces, ...l.pieces] })),
  line.map((l) => ({ text: `> ${l.text}`, pieces: l.pieces.map((p) => ({ ...p, quoted: true })) })),
  line.map((l) => ({ text: `## ${l.text}`, pieces: l.pieces })),
  term.map((t) => ({ text: `\`\`\`\n${t}\n\`\`\``, pieces: [{ text: t, reportable: false }] })),
  // A paragraph first: after a list item, an indented block would be the item's own paragraph.
  term.map((t) => ({ text: `Note.\n\n    ${t} in code`, pieces: [{ text: t, reportable: false }] })),
);
const doc = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => ({ text: `${blocks.map((b) => b.text).join('\n\n')}\n`, blocks }));

function offsetOf(text: string, line: number, column: number): number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  let offset = starts[line - 1];
  for (let c = 1; c < column; c++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

describe('generated memos', () => {
  it('place every glossary finding on the words it quotes, and report none that are hidden', () => {
    fc.assert(
      fc.property(doc, ({ text, blocks }) => {
        const { findings } = lintDocument(text, 'markdown', 'memo.md', options);
        for (const f of findings) {
          const offset = offsetOf(text, f.line, f.column);
          const firstWord = f.phrase!.split(' ')[0].toLowerCase();
          expect(text.slice(offset, offset + firstWord.length).toLowerCase(), `${f.line}:${f.column} in ${JSON.stringify(text)}`).toBe(firstWord);
        }
        // As many findings as terms placed where they may be reported.
        const expected = blocks
          .flatMap((b): Piece[] => b.pieces)
          .filter((p) => p.reportable)
          .reduce((n, p) => n + (p.quoted ? harmful : terms).reduce((m, t) => m + p.text.split(t).length - 1, 0), 0);
        expect(findings.length, JSON.stringify(text)).toBe(expected);
      }),
      { numRuns: Number(process.env.EIS_FUZZ_RUNS ?? 200) },
    );
  });
});
