// Changing a large statement on a skeleton (its big untouched blocks set aside) must write exactly
// what changing its whole Document writes: the same text, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { changeStatement, LARGE_STATEMENT_CHARS, statementFromText, type StatementText } from '../../src/core/statement/change.js';
import { decodeLines } from '../../src/core/yaml/line-endings.js';
import { appendEntry, documentText, setAnswer } from '../../src/core/statement/edit.js';
import { mergeAnswers, answerPaths } from '../../src/core/interview/answers-file.js';
import { hashText } from '../../src/edge/files/statement-file.js';
import { fastParse } from '../../src/core/yaml/fast.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { builtin } from '../helpers/model.js';
import { ROOT } from '../helpers/cli.js';

const model = builtin();
const GOOD = readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml'), 'utf8');
// Long items: as many characters with fewer nodes keeps the whole-Document side of each test quick.
const flowList = (chars: number) =>
  `[${Array(Math.ceil(chars / 24))
    .fill('an-entry-of-the-list-1')
    .join(', ')}]`;
const blockList = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}- item ${i} # note ${i}`).join('\n');

/** The statement as eis reads a large one: text and fast data, no Document. */
function large(text: string): StatementText {
  expect(text.length).toBeGreaterThanOrEqual(LARGE_STATEMENT_CHARS);
  const fast = fastParse(text);
  expect(fast).toBeDefined();
  return { file: 's.eis.yaml', text, hash: hashText(text), data: fast!.data };
}

/** What changing the whole Document writes. */
function whole(text: string, change: (doc: Document) => void): string {
  const { doc } = parseYamlSource(text, 's.eis.yaml');
  change(doc);
  return documentText(doc);
}

// Each just over the size from which a statement counts as large.
const texts: Record<string, string> = {
  'a huge flow list at the top level, last': `${GOOD}x-list: ${flowList(LARGE_STATEMENT_CHARS + 10_000)}\n`,
  'a huge block list at the top level, first, with comments': GOOD.replace('eis: 1\n', `eis: 1\nx-notes:\n${blockList(LARGE_STATEMENT_CHARS / 20, '')}\n# after the notes\n`),
  'a huge block scalar in a section that is changed': GOOD.replace(
    'proposal:\n',
    `proposal:\n  x-essay: |\n${'    A line of the essay.\n'.repeat(LARGE_STATEMENT_CHARS / 20)}  # a comment between answers\n`,
  ),
  'a huge list in the section being changed': `${GOOD}signoff:\n  x-big:\n${blockList(LARGE_STATEMENT_CHARS / 20, '    ')}\n`,
  "a huge list written at its key's indentation, then a comment at the edge": GOOD.replace('screening:\n', `screening:\n  x-many:\n${blockList(LARGE_STATEMENT_CHARS / 20, '  ')}\n# at the edge\n`),
  'two huge blocks and a section with none': `${GOOD}x-a: ${flowList(LARGE_STATEMENT_CHARS / 2 + 10_000)}\n\n# between\nx-b:\n  inner: ${flowList(LARGE_STATEMENT_CHARS / 2 + 10_000)}\n`,
};

const changes: Record<string, { paths: string[][]; change: (doc: Document, data: unknown) => void }> = {
  'an answer set': { paths: [['proposal', 'desired_results']], change: (doc) => setAnswer(doc, model, ['proposal', 'desired_results'], 'Fewer missed payments.') },
  'a new section': { paths: [['communication', 'report_back']], change: (doc) => setAnswer(doc, model, ['communication', 'report_back'], 'A summary at the\nfamily resource centers.') },
  'a sign-off appended': {
    paths: [['signoff', 'reviewers']],
    change: (doc) => void appendEntry(doc, model, ['signoff', 'reviewers'], { id: 'ana', name: 'Ana', role: 'Eq', decision: 'approve', date: '2026-11-23' }),
  },
  'answers merged': {
    paths: answerPaths({ proposal: { decision: 'Build it.', desired_results: null }, screening: { known_disparities: 'yes' } }),
    change: (doc, data) => void mergeAnswers(doc, model, data, { proposal: { decision: 'Build it.', desired_results: null }, screening: { known_disparities: 'yes' } }),
  },
};

describe('changing a large statement', () => {
  for (const [what, text] of Object.entries(texts))
    for (const [how, c] of Object.entries(changes))
      it(`${how}, with ${what}: the same text as through the whole Document`, () => {
        const statement = large(text);
        let runs = 0;
        const written = changeStatement(statement, c.paths, (doc) => {
          runs++;
          // A skeleton is small: the big blocks are not in it.
          expect(doc.toString().length).toBeLessThan(LARGE_STATEMENT_CHARS);
          c.change(doc, statement.data);
        });
        expect(runs).toBe(1);
        expect(written).toBe(whole(text, (doc) => c.change(doc, statement.data)));
      });

  it('falls back to the whole Document when the lines cannot be followed, with the same result', () => {
    // A quoted key: not a line this reader follows.
    const text = `${GOOD}"x-list": ${flowList(LARGE_STATEMENT_CHARS + 10_000)}\n`;
    const statement = large(text);
    const sizes: number[] = [];
    const change = (doc: Document) => setAnswer(doc, model, ['proposal', 'desired_results'], 'Fewer missed payments.');
    const written = changeStatement(statement, [['proposal', 'desired_results']], (doc) => {
      sizes.push(doc.toString().length);
      change(doc);
    });
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeGreaterThan(LARGE_STATEMENT_CHARS);
    expect(written).toBe(whole(text, change));
  });

  it('changes a large CRLF statement on a skeleton too, and writes CRLF back', () => {
    const lf = `${GOOD}x-notes:\n${blockList(4_000, '  ')}\n`;
    const read = statementFromText('s.eis.yaml', decodeLines(Buffer.from(lf.replaceAll('\n', '\r\n')), 's.eis.yaml'), '');
    expect(read).toMatchObject({ eol: '\r\n', source: undefined });
    const change = (doc: Document) => setAnswer(doc, model, ['proposal', 'desired_results'], 'Fewer missed payments.');
    const sizes: number[] = [];
    const written = changeStatement(read, [['proposal', 'desired_results']], (doc) => {
      sizes.push(doc.toString().length);
      change(doc);
    });
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeLessThan(LARGE_STATEMENT_CHARS);
    expect(written).toBe(whole(lf, change).replaceAll('\n', '\r\n'));
  });

  it('leaves a small statement to the whole Document it was read with', () => {
    const source = parseYamlSource(GOOD, 's.eis.yaml');
    const statement: StatementText = { file: 's.eis.yaml', text: GOOD, hash: hashText(GOOD), data: source.data, source };
    let seen: Document | undefined;
    const written = changeStatement(statement, [['proposal', 'desired_results']], (doc) => {
      seen = doc;
      setAnswer(doc, model, ['proposal', 'desired_results'], 'Fewer missed payments.');
    });
    expect(seen).toBe(source.doc);
    expect(written).toBe(GOOD.replace('desired_results: TBD', 'desired_results: Fewer missed payments.'));
  });
});
