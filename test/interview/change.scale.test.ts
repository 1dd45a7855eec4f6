// Changing statements far larger than people write: kept lines are never spread as arguments, and
// the line-following path writes what the whole Document writes. Slow, so outside `test:unit`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { changeStatement } from '../../src/core/statement/change.js';
import { documentText, setAnswer } from '../../src/core/statement/edit.js';
import { fastParse } from '../../src/core/yaml/fast.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { builtin } from '../helpers/model.js';
import { ROOT } from '../helpers/cli.js';
import { RUNS, validStatement } from '../property/support.js';
import { withBigBlock } from '../helpers/big-block.js';

const model = builtin();
const GOOD = readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml'), 'utf8');
const blockList = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}- item ${i} # note ${i}`).join('\n');

/** What changing the whole Document writes. */
function whole(text: string, change: (doc: Document) => void): string {
  const { doc } = parseYamlSource(text, 's.eis.yaml');
  change(doc);
  return documentText(doc);
}

describe('changing a huge statement', () => {
  it('keeps an unchanged block of 150,000 lines through the whole Document too', () => {
    // Kept lines are put back in one pass: spread as the arguments of one call, they overflowed the stack.
    const text = `${GOOD}x-notes:\n${blockList(150_000, '  ')}\n`;
    const written = whole(text, (doc) => setAnswer(doc, model, ['proposal', 'desired_results'], 'Fewer missed payments.'));
    expect(written).toBe(text.replace('desired_results: TBD', 'desired_results: Fewer missed payments.'));
  }, 60_000);

  it(
    'writes what the whole Document writes, for any statement, big block and answer (property)',
    () => {
      const written = [...model.questions.values()].filter((q) => (q.type === 'text' || q.type === 'markdown') && q.key.split('.').length === 2).map((q) => q.key.split('.'));
      let tried = 0;
      let skeletons = 0;
      const spot = fc.record({ line: fc.nat(), inside: fc.boolean(), question: fc.nat(), value: fc.oneof(fc.string(), fc.lorem({ mode: 'sentences', maxCount: 3 })) });
      fc.assert(
        fc.property(validStatement, spot, (statement, { line, inside, question, value }) => {
          // The big block before a section (top level) or before an answer (inside a section).
          const text = withBigBlock(statement, line, inside);
          const fast = fastParse(text);
          fc.pre(fast !== undefined);
          const path = written[question % written.length];
          const change = (doc: Document) => setAnswer(doc, model, path, value);
          let expected: string;
          try {
            expected = whole(text, change);
          } catch {
            return fc.pre(false);
          }
          tried++;
          const onSkeleton = (doc: Document) => {
            if (!doc.toString().includes('an-entry-of-the-list')) skeletons++;
            change(doc);
          };
          expect(changeStatement({ file: 's.eis.yaml', text, hash: '', data: fast!.data }, [path], onSkeleton)).toBe(expected);
        }),
        { numRuns: RUNS },
      );
      // Most of them are changed on a skeleton; the rest fall back to the whole Document.
      expect(skeletons).toBeGreaterThan(tried * 0.8);
    },
    60_000 + RUNS * 200,
  );
});
