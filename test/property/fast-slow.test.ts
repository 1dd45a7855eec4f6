// The fast read path of eis check (js-yaml, no positions) and the full one (yaml Documents) must
// give identical reports on the same file: this is what lets check skip the slow parser safely.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionnaireRegistry } from '../../src/edge/questionnaire/registry.js';
import { checkFile } from '../../src/edge/check/check-file.js';
import { defaultConfig } from '../../src/core/config/config.js';
import { fastParse, unusual } from '../../src/core/yaml/fast.js';
import { tempTree } from '../helpers/cli.js';
import { arbitraryYaml, CORPUS, EXAMPLE_STATEMENTS, generatedStatement, mutatedStatement, RUNS, TIMEOUT, yamlToken } from './support.js';

const tree = tempTree();
afterAll(() => tree.cleanup());
// The generated statements carry no sign-offs: were approval required, every one would have a
// finding and the corpus test would compare the slow path with itself. Approval findings are
// held to both paths by the example statements, whose sign-offs are checked all the same.
const config = { ...defaultConfig(tree.dir), approvals: { default: [] } };
const known = questionnaireRegistry(config);
const options = { config, cwd: tree.dir, today: '2026-11-23' };
const file = join(tree.dir, 'same.eis.yaml');

/** Checks one text both ways; returns whether the fast path could have answered alone. */
function expectSame(text: string): boolean {
  writeFileSync(file, text);
  const fast = checkFile(file, known, options);
  const slow = checkFile(file, known, { ...options, slow: true });
  expect(fast, text).toStrictEqual(slow);
  return slow.findings.length === 0 && fastParse(text) !== undefined;
}

describe('the fast and the full read of eis check give identical reports', () => {
  it(`on ${CORPUS} generated statements, most of which the fast path answers alone`, { timeout: TIMEOUT }, () => {
    let fastOnly = 0;
    for (let seed = 1; seed <= CORPUS; seed++) if (expectSame(generatedStatement(seed * 7919))) fastOnly++;
    // The generator puts gaps in about a fifth of statements; the rest must take the fast path,
    // or this test would compare the slow path with itself.
    expect(fastOnly).toBeGreaterThan(CORPUS * 0.5);
  });

  it('on the example and fixture statements', { timeout: TIMEOUT }, () => {
    for (const { text } of EXAMPLE_STATEMENTS) expectSame(text);
  });

  it(`on ${CORPUS} generated statements with random mutations`, { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => void expectSame(text)),
      { numRuns: CORPUS },
    );
  });

  it('on statements with placeholders inside their answers, placed at the same lines', { timeout: TIMEOUT }, () => {
    const words = ['TBD', 'N/A', 'TODO', 'XXX', '??'];
    let found = 0;
    for (let seed = 1; seed <= 50; seed++) {
      let n = 0;
      // After every few sentences of every block or plain answer: inside folded lines too.
      const text = generatedStatement(seed * 104729).replace(/([a-z])\. /g, (whole, letter: string) => (n++ % 3 === seed % 3 ? `${letter} ${words[n % words.length]}. ` : whole));
      expectSame(text);
      writeFileSync(file, text);
      found += checkFile(file, known, options).findings.filter((f) => f.code === 'placeholder/inside').length;
    }
    expect(found).toBeGreaterThan(25);
  });

  it('on fuzzed YAML', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(arbitraryYaml, (text) => void expectSame(text)),
      { numRuns: RUNS },
    );
  });

  it('on a clean statement with one answer replaced by any YAML scalar', { timeout: TIMEOUT }, () => {
    // The sharpest test of scalar resolution: the answer's value is all that differs.
    const base = generatedStatement(42);
    const lines = base.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  division: '));
    fc.assert(
      fc.property(fc.oneof(yamlToken, fc.stringMatching(/^[-+.0-9eExXoOa-fA-F_:~ ]{1,10}$/), fc.double().map(String), fc.integer().map(String)), (token) => {
        const copy = [...lines];
        copy[at] = `  division: ${token}`;
        expectSame(copy.join('\n'));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('on clean statements with a key or a block scalar written in unusual ways', { timeout: TIMEOUT }, () => {
    const base = generatedStatement(7);
    const variants = [
      (t: string) => t.replace('  author: ', '  "author": '),
      (t: string) => t.replace('  author: ', "  'author': "),
      (t: string) => t.replace('  author: ', '  ? author\n  : '),
      (t: string) => t.replace(/summary: >-/, 'summary: |+'),
      (t: string) => t.replace(/summary: >-/, 'summary: >2-'),
      (t: string) => t.replace(/summary: >-/, 'summary: |'),
      (t: string) => t.replace('eis: 1', 'eis: 1.0'),
      (t: string) => t.replace('eis: 1', 'eis: 0x1'),
      (t: string) => t.replace('eis: 1', 'eis: "1"'),
      (t: string) => t.replace('eis: 1', 'eis: +1'),
      (t: string) => t.replace('eis: 1', 'eis: 1 # the format'),
      (t: string) => t.replace('  reviewers: []', '  reviewers: [ ]'),
      (t: string) => t.replace('  reviewers: []', '  reviewers:'),
      (t: string) => t.replace('  reviewers: []', '  reviewers: ~'),
      (t: string) => t.replace('  affected: [custodial-parents, noncustodial-parents, children]', '  affected:\n  - custodial-parents\n  - children'),
      (t: string) => t.replace('  affected: [custodial-parents, noncustodial-parents, children]', '  affected: [custodial-parents, children,]'),
      (t: string) => t.replace('  affected: [custodial-parents, noncustodial-parents, children]', '  affected: {custodial-parents, children}'),
      (t: string) => t.replace('initiative:', 'initiative: {title: A}\nx:'),
      (t: string) => `${t}...\n`,
      (t: string) => `---\n${t}`,
      (t: string) => `${t}\n# trailing comment`,
      (t: string) => t.replace(/\n/g, '\r\n'),
      (t: string) => t.replace(/\n/g, '\r'),
      (t: string) => `\ufeff${t}`,
      (t: string) => t.replace('  author: ', `  author: "a\\\n    b"\n  x-author: `),
      (t: string) => t.replace('  author: ', '  author: "\\ud800"\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: "\\x41\\N\\_\\L\\P\\e\\a"\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: first\n    continued # not a comment?\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: a #b\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: a#b\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: - a\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: `a`\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: @a\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: a: b\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: [a\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: {a: 1, a: 2}\n  x-author: '),
      (t: string) => t.replace('  author: ', '  __proto__: {polluted: yes}\n  author: '),
      (t: string) => t.replace('  author: ', '  constructor: x\n  author: '),
      (t: string) => t.replace('  author: ', '  ~: x\n  author: '),
      (t: string) => t.replace('  author: ', '  1: x\n  author: '),
      (t: string) => t.replace('  author: ', '  true: x\n  author: '),
      (t: string) => t.replace('  author: ', '  [a, b]: x\n  author: '),
      (t: string) => t.replace('  author: ', '  {a: b}: x\n  author: '),
      (t: string) => t.replace('  author: ', '  "": x\n  author: '),
      (t: string) => t.replace('  author: ', '  ? |\n    block key\n  : x\n  author: '),
      (t: string) => t.replace('  author: ', '  author: \n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: \u2028a\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: a\u0085b\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: "a\u00a0"\n  x-author: '),
      (t: string) => t.replace('  author: ', '  author: \u00a0a\n  x-author: '),
    ];
    for (const [i, variant] of variants.entries()) {
      const text = variant(base);
      writeFileSync(file, text);
      expect(checkFile(file, known, options), `variant ${i}: ${text.split('\n').find((l, n) => l !== base.split('\n')[n])}`).toStrictEqual(checkFile(file, known, { ...options, slow: true }));
    }
  });

  // YAML allows an implicit key of at most 1024 characters: the full parser refuses a longer one
  // (file/yaml, exit 2), and the fast path must not read it as an unknown key instead.
  it('on a statement with an implicit key longer than 1024 characters', () => {
    expectSame(generatedStatement(7).replace('  author: ', `  ${'k'.repeat(1100)}: x\n  author: `));
  });

  // Keys that are not strings become strings differently in the two parsers (`null:` is "null" to
  // js-yaml and "" to the yaml library, `1.0:` is "1" and "1.0"): the message and place must agree.
  // js-yaml reads a flow list continued at the left margin; the yaml library refuses it.
  for (const [name, from, to] of [
    ['a flow list continued at the left margin', '  affected: [', '  affected: [\n'],
    ['a flow list continued below, indented', '  affected: [', '  affected: [\n    '],
    ['a flow mapping over two lines', '  affected: [', '  x-note: {a: 1,\n  b: 2}\n  affected: ['],
    // js-yaml reads a comment right after a quoted scalar; the yaml library refuses it.
    ['a comment right after quotes', '  author: ', '  author: ""#\n  x-author: '],
    // A no-break space is part of a key in YAML, and white space to JavaScript's \s.
    ['a no-break space before a colon', 'screening:', 'screening\u00a0 :'],
  ])
    it(`on a statement with ${name}`, () => {
      const text = generatedStatement(7).replace(from, to);
      expect(text).not.toBe(generatedStatement(7));
      expectSame(text);
    });

  for (const key of ['null', '1.0', '~', 'true', '0x1F', '.inf'])
    it(`on a statement with a \`${key}:\` key`, () => {
      expectSame(generatedStatement(7).replace('  author: ', `  ${key}: x\n  author: `));
    });
});

describe('the test that sends a file to the full parser', () => {
  // The pattern it replaces, kept here as the specification.
  const PATTERN = /(?:^|[\s[{,])[&*!][^\s]|^%|\t/m;
  const pieces = ['&', '*', '!', '%', '\t', ' ', '\n', '\r', '\u2028', '\u00a0', '[', '{', ',', 'a', ':', '-', '#'];

  it('agrees with the pattern on strings made of the characters that matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(unusual(text), JSON.stringify(text)).toBe(PATTERN.test(text));
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it('agrees with the pattern on arbitrary text and YAML', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), arbitraryYaml), (text) => {
        expect(unusual(text), JSON.stringify(text)).toBe(PATTERN.test(text));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
