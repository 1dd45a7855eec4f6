// The plain block YAML reader must give exactly the yaml library's data whenever it gives anything,
// and must read most statements (or it would save nothing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { blockRead } from '../../src/core/yaml/block-read.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { arbitraryYaml, CORPUS, EXAMPLE_STATEMENTS, generatedStatement, mutatedStatement, RUNS, TIMEOUT, yamlToken } from './support.js';

/** True when the reader read the text; then its data must be the yaml library's. */
function agrees(text: string): boolean {
  const quick = blockRead(text);
  if (!quick) return false;
  let full: unknown;
  try {
    full = parseYamlSource(text, 'x.eis.yaml').data;
  } catch (error) {
    throw new Error(`the reader read what the yaml library refuses (${(error as Error).message}): ${JSON.stringify(text)}`);
  }
  // node's deep equality, not toStrictEqual, which compares two `constructor:` answers as classes.
  if (!isDeepStrictEqual(quick.data, full)) {
    expect(quick.data, JSON.stringify(text)).toStrictEqual(full); // for the diff
    expect.fail(`the data differs: ${JSON.stringify(text)}`);
  }
  return true;
}

// Block YAML built from parts: keys, nesting, and every way of writing a scalar.
const words = fc.constantFrom(
  'About 3,000 parents',
  'plain text here',
  '-5',
  '+7',
  '1.50',
  '0x1F',
  'a #b',
  'a# b',
  'x: y',
  'ends:',
  "it's",
  'say "hi"',
  'yes',
  'no',
  '~',
  'null',
  'True',
  '2026-11-23',
  'é ü 汉字',
  '-',
  '- x',
  '%',
  '@x',
  '[x]',
  '{}',
  '[]',
  'a,b',
  'a  b',
  ' lead',
  'trail ',
);
const scalarText = fc.oneof({ weight: 4, arbitrary: words }, { weight: 1, arbitrary: yamlToken });
const key = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('id', 'name', 'title', 'a', 'b', 'key_1', 'some-key', 'null', 'true', '__proto__', 'x y', '"q"', '1') },
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z_]{0,6}$/) },
);
const indentStep = fc.constantFrom(2, 2, 2, 4, 1);

type Node = { kind: 'scalar'; style: string; text: string; lines: string[] } | { kind: 'map'; entries: Array<[string, Node]> } | { kind: 'seq'; items: Node[] };

const scalar: fc.Arbitrary<Node> = fc.record({
  kind: fc.constant('scalar' as const),
  style: fc.constantFrom('plain', 'plain', 'single', 'double', 'literal', 'folded', 'literal-', 'folded-', 'flow', 'empty', 'comment'),
  text: scalarText,
  lines: fc.array(fc.oneof(words, fc.constantFrom('', '  more indented', '# not a comment')), { minLength: 1, maxLength: 4 }),
});

const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

function scalarLines(node: Extract<Node, { kind: 'scalar' }>, indent: string): { inline: string; after: string[] } {
  switch (node.style) {
    case 'single':
      return { inline: `'${node.text.replace(/'/g, "''")}'`, after: [] };
    case 'double':
      return { inline: `"${node.text}"`, after: [] };
    case 'flow':
      return { inline: `[${node.lines.join(', ')}]`, after: [] };
    case 'empty':
      return { inline: '', after: [] };
    case 'comment':
      return { inline: `${node.text} # note`, after: [] };
    case 'plain':
      return { inline: node.text, after: [] };
    default: {
      const header = `${node.style.startsWith('literal') ? '|' : '>'}${node.style.endsWith('-') ? '-' : ''}`;
      return { inline: header, after: node.lines.map((l) => (l === '' ? '' : `${indent}  ${l}`)) };
    }
  }
}

function render(node: Node, indent: string, step: number): string[] {
  const pad = ' '.repeat(step);
  if (node.kind === 'map')
    return node.entries.flatMap(([k, v]) => {
      if (v.kind === 'scalar') {
        const { inline, after } = scalarLines(v, indent);
        return [`${indent}${k}:${inline ? ` ${inline}` : ''}`, ...after];
      }
      return [`${indent}${k}:`, ...render(v, indent + pad, step)];
    });
  if (node.kind === 'seq')
    return node.items.flatMap((v) => {
      if (v.kind === 'scalar') {
        const { inline, after } = scalarLines(v, indent);
        return [`${indent}- ${inline}`, ...after];
      }
      const inner = render(v, `${indent}  `, step);
      // A mapping or list in a list: on the dash's line (compact), as YAML writers do.
      return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
    });
  return [`${indent}value: ${scalarLines(node, indent).inline}`];
}

const blockYaml = fc.tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }), indentStep, fc.boolean()).map(([entries, step, finalNewline]) => {
  const lines = render({ kind: 'map', entries }, '', step);
  return lines.join('\n') + (finalNewline ? '\n' : '');
});

describe('the block YAML reader', () => {
  it(`reads at least 90% of ${CORPUS} generated statements, exactly as the yaml library does`, { timeout: TIMEOUT }, () => {
    let read = 0;
    for (let seed = 1; seed <= CORPUS; seed++) if (agrees(generatedStatement(seed))) read++;
    expect(read / CORPUS).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the example statements as the yaml library does', () => {
    for (const { text } of EXAMPLE_STATEMENTS) agrees(text);
  });

  it('agrees with the yaml library on mutated statements', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => void agrees(text)),
      { numRuns: RUNS * 5 },
    );
  });

  it('agrees with the yaml library on block YAML built from every kind of scalar', { timeout: TIMEOUT }, () => {
    let read = 0;
    fc.assert(
      fc.property(blockYaml, (text) => {
        if (agrees(text)) read++;
      }),
      { numRuns: RUNS * 20 },
    );
    // Many built documents are well formed: a reader that gave up on all would prove nothing.
    expect(read).toBeGreaterThan(RUNS);
  });

  it('agrees with the yaml library on fuzzed YAML', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(arbitraryYaml, (text) => void agrees(text)),
      { numRuns: RUNS * 5 },
    );
  });

  it.each([
    ['literal and folded scalars, clipped and stripped', 'a: |\n  one\n\n  two\n    indented\nb: >\n  one\n  two\n\n  three\nc: >-\n  x\n  y\nd: |-\n  z\n'],
    ['lists under keys, indented or not, and compact mappings', 'a:\n- x\n- y\nb:\n  - id: one\n    name: One\n  - id: two\nc: [x, y, 3, -4, 1.5, true, ~]\nd: []\ne: {}\n'],
    ['quotes, comments and empty values', "a: 'it''s' # note\nb: \"say # hi\"\nc:\n# a comment\nd: ~\ne: text # comment\nf: a#b\n"],
  ])('reads %s', (_name, text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ['a plain scalar over two lines', 'a: one\n  two\n'],
    ['a block scalar at the end of a file with no line break', 'a: |\n  one'],
    ['escapes in double quotes', 'a: "tab\\there"\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a key that is not a word', '"a b": 1\n'],
    ['a nested list on the dash line', 'a:\n  - - x\n'],
    ['a kept block scalar', 'a: |+\n  x\n\nb: 1\n'],
  ])('leaves %s to js-yaml', (_name, text) => {
    expect(blockRead(text)).toBeUndefined();
  });
});
