// A large statement is linted without a yaml Document of its big blocks that hold no written
// answer: the findings are the ones the whole Document gives, at the same lines and columns.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isScalar } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { answersSource, lintStatementFile } from '../../src/edge/lint/run.js';
import { lintStatement, writtenAnswers } from '../../src/core/lint/statement.js';
import { blankBlocks, LARGE_STATEMENT_CHARS } from '../../src/core/statement/change.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { fastParse } from '../../src/core/yaml/fast.js';
import { RUNS, validStatement } from '../property/support.js';
import { builtin } from '../helpers/model.js';
import { tempTree } from '../helpers/cli.js';
import { lintOptions } from './helpers.js';
import { withBigBlock } from '../helpers/big-block.js';

const model = builtin();
const known = (id: string) => (id === model.id ? model : undefined);
const options = lintOptions();
const tree = tempTree();
afterAll(() => tree.cleanup());

const header = 'eis: 1\nquestionnaire: equity-impact@1\n';
const list = (n: number) => `[${Array(n).fill('1').join(',')}]`;
const items = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}- item ${i}`).join('\n');
const answers = [
  'initiative:',
  '  title: Notice for the obligor',
  '  summary: >-',
  '    The deadbeat parent',
  '    # eis-disable-next-line obligee',
  '    and the obligee.',
  'screening:',
  `  x-many:\n${items(LARGE_STATEMENT_CHARS / 10, '    ')}`,
  `  affected: [children]`,
  'proposal:',
  '  # eis-disable-next-line obligor',
  '  problem: The obligor pays late.',
  '  decision: |',
  '    Send the arrears notice.',
  'populations:',
  '  groups:',
  '    - id: a',
  '      population: income',
  '      name: Obligors with low incomes',
  '      why: Because the obligee said so.',
].join('\n');

const texts: Record<string, string> = {
  'a huge list the questionnaire does not know, first': `${header}x-list: ${list(LARGE_STATEMENT_CHARS)}\n${answers}\n`,
  'a huge list the questionnaire does not know, last, after a comment': `${header}${answers}\n# the list\nx-list:\n${items(LARGE_STATEMENT_CHARS / 10, '  ')}\n`,
};

describe('linting a large statement', () => {
  for (const [what, text] of Object.entries(texts))
    it(`${what}: the findings of the whole Document`, () => {
      const file = join(tree.dir, `${what.replace(/\W+/g, '-')}.eis.yaml`);
      writeFileSync(file, text);
      const found = lintStatementFile(file, 's.eis.yaml', known, options);
      const whole = lintStatement(parseYamlSource(text, 's.eis.yaml'), model, 's.eis.yaml', options);
      expect(found.findings.length).toBeGreaterThan(3);
      // One waiver comment; the other is text inside the folded summary, not a comment.
      expect(found.suppressed.length).toBe(1);
      expect(found).toEqual(whole);
    });

  it('blanks the big blocks without answers, keeping every offset of the rest', () => {
    const text = texts['a huge list the questionnaire does not know, first'];
    const blanked = blankBlocks(text, (path) => path[0] !== 'x-list' && path[1] !== 'x-many')!;
    expect(blanked.length).toBe(text.length);
    expect([...blanked.matchAll(/\n/g)].map((m) => m.index)).toEqual([...text.matchAll(/\n/g)].map((m) => m.index));
    expect(blanked).not.toContain('item 1');
    expect(blanked).not.toContain('1,1');
    const { doc } = parseYamlSource(blanked, 's.eis.yaml');
    expect(doc.getIn(['x-list'])).toBeNull();
    expect(doc.getIn(['screening', 'x-many'])).toBeNull();
    expect(doc.getIn(['screening', 'affected'])).toBeDefined();
    expect(text.slice(...(doc.getIn(['proposal', 'problem'], true) as { range: [number, number] }).range.slice(0, 2))).toBe('The obligor pays late.');
  });

  it(
    'finds every written answer where the whole Document has it, for any statement and big block (property)',
    () => {
      let blanked = 0;
      fc.assert(
        fc.property(validStatement, fc.nat(), fc.boolean(), (statement, line, inside) => {
          const text = withBigBlock(statement, line, inside);
          const fast = fastParse(text);
          fc.pre(fast !== undefined);
          const source = answersSource({ file: 's.eis.yaml', text, hash: '', data: fast!.data }, model);
          if (!source.doc.toString().includes('an-entry-of-the-list')) blanked++;
          const whole = parseYamlSource(text, 's.eis.yaml');
          for (const answer of writtenAnswers(model, fast!.data)) {
            const node = source.doc.getIn(answer.path, true);
            const expected = whole.doc.getIn(answer.path, true);
            expect(isScalar(node) && node.range, answer.path.join('.')).toEqual(isScalar(expected) && expected.range);
            expect(source.lineCounter.linePos(isScalar(node) ? node.range![0] : 0)).toEqual(whole.lineCounter.linePos(isScalar(expected) ? expected.range![0] : 0));
          }
        }),
        { numRuns: RUNS },
      );
      expect(blanked).toBeGreaterThan(RUNS * 0.8);
    },
    60_000 + RUNS * 200,
  );
});
