// What the property tests share: how many runs, valid statements from the benchmark's seeded
// generator, and the ways a statement gets broken (by a person's typo, a bad merge, a tool).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { ROOT } from '../helpers/cli.js';

/** Runs per property: small in `npm test`, large under `npm run test:fuzz` (EIS_FUZZ_RUNS=2000). */
export const RUNS = Math.max(1, Number(process.env.EIS_FUZZ_RUNS) || 60);

/** Corpus sizes scale with the runs: 2,000 generated statements under test:fuzz. */
export const CORPUS = Math.max(100, RUNS);

interface Generator {
  random(seed: number): () => number;
  statementText(rand: () => number, index: number, groupCount?: number): string;
}

// A plain .mjs script with no type declarations: imported by URL so TypeScript does not resolve it.
const generatorUrl = pathToFileURL(join(ROOT, 'scripts', 'bench', 'generate.mjs')).href;
export const generator = (await import(generatorUrl)) as Generator;

/** A valid statement (by the benchmark generator) for a seed. */
export function generatedStatement(seed: number): string {
  const rand = generator.random(seed);
  return generator.statementText(rand, seed % 100000);
}

export const EXAMPLE_STATEMENTS = [
  'examples/memos/text-payment-reminders.eis.yaml',
  'examples/memos/online-application-portal.eis.yaml',
  'test/fixtures/race-forward/complete.eis.yaml',
  'test/fixtures/race-forward/gaps.eis.yaml',
].map((f) => ({
  name: f,
  text: readFileSync(join(ROOT, f), 'utf8'),
}));

/** Either an example statement or a generated one. */
export const validStatement: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXAMPLE_STATEMENTS.filter((e) => e.name.startsWith('examples/')).map((e) => e.text)),
  fc.integer({ min: 1, max: 2 ** 31 - 1 }).map(generatedStatement),
);

/** Tokens that mean something to a YAML parser, to splice into statements. */
const YAML_TOKENS = [
  '',
  ' ',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  '0',
  '-0',
  '+1',
  '007',
  '0o17',
  '0x1F',
  '0b11',
  '1_000',
  '1e3',
  '.5',
  '-.inf',
  '.NaN',
  '.nan',
  '2026-11-23',
  '2026-11-23T10:00:00Z',
  '12:30:00',
  'TBD',
  'N/A',
  '?',
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '- x',
  '"quoted"',
  "'single'",
  '"esc \\u00e9 \\x41 \\t"',
  '|',
  '|-',
  '>',
  '>+2',
  '&anchor x',
  '*anchor',
  '!!str 1',
  '!!int x',
  '!!binary aGk=',
  '!!python/object:os.system',
  '!ruby/object:Foo',
  '!!js/function "function(){}"',
  '!local x',
  '<<: *anchor',
  '#',
  ' # comment',
  ':',
  ': x',
  'a: b: c',
  '---',
  '...',
  '%YAML 1.2',
  '%TAG ! tag:x,2000:',
  '? key',
  '@',
  '`',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u00a0',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '__proto__: {polluted: 1}',
  'constructor: {prototype: {polluted: 1}}',
  'é',
  '汉字',
  '😀',
  '\ud800',
];

export const yamlToken = fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));

type Mutation = (text: string) => string;

/** Text-level damage, as a person's typo or a bad merge does it. */
const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(
    ([at, len]): Mutation =>
      (t) => {
        const i = at % (t.length + 1);
        return t.slice(0, i) + t.slice(i + len);
      },
  ),
  fc.tuple(fc.nat(), yamlToken).map(
    ([at, token]): Mutation =>
      (t) => {
        const i = at % (t.length + 1);
        return t.slice(0, i) + token + t.slice(i);
      },
  ),
  fc.nat().map(
    (at): Mutation =>
      (t) =>
        t.slice(0, at % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'swap')).map(
    ([at, op]): Mutation =>
      (t) => {
        const lines = t.split('\n');
        const i = at % lines.length;
        const j = (at * 7 + 3) % lines.length;
        if (op === 'delete') lines.splice(i, 1);
        else if (op === 'duplicate') lines.splice(i, 0, lines[i]);
        else if (op === 'indent') lines[i] = `  ${lines[i]}`;
        else if (op === 'dedent') lines[i] = lines[i].replace(/^ {1,2}/, '');
        else [lines[i], lines[j]] = [lines[j], lines[i]];
        return lines.join('\n');
      },
  ),
  // Replace the value after a `key: ` with a token.
  fc.tuple(fc.nat(), yamlToken).map(
    ([at, token]): Mutation =>
      (t) => {
        const lines = t.split('\n');
        const candidates = lines.map((l, i) => (/^\s*-?\s*[\w-]+:\s\S/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (!candidates.length) return t;
        const i = candidates[at % candidates.length];
        lines[i] = lines[i].replace(/^(\s*-?\s*[\w-]+:\s).*$/, (_m, head: string) => head + token);
        return lines.join('\n');
      },
  ),
  fc.constantFrom<Mutation>(
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => `\ufeff${t}`,
    (t) => t.replace(/^ {2}/gm, '\t'),
    (t) => `${t}\n---\n${t}`,
  ),
);

/** JSON-like values to put in answers. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'TBD', 'yes', '2026-01-01', '<script>alert(1)</script>', '[x](javascript:alert(1))', '__proto__', 'burden', 'unknown', 'approved'),
  fc.string({ maxLength: 20 }),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'name', 'direction', 'population', 'x', '__proto__', 'constructor'), fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)), { maxKeys: 3 }),
);

/** Data-level damage: the YAML stays valid, the answers are wrong (fast path and checks get exercised). */
const dataMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.oneof(fc.constant(undefined), jsonValue)), { minLength: 1, maxLength: 4 })).map(
  ([edits]): Mutation =>
    (t) => {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(JSON.stringify(jsYamlLike(t)));
      } catch {
        return t;
      }
      for (const [a, b, c, value] of edits) mutateAt(data, [a, b, c], value);
      return stringify(data, { lineWidth: 0 });
    },
);

/** The yaml library's own parse, for mutation only: warnings about odd tags do not matter here. */
function jsYamlLike(text: string): unknown {
  return parse(text, { logLevel: 'silent' });
}

/** Walks into the data by index choices and sets or deletes a value somewhere. */
function mutateAt(root: Record<string, unknown>, choices: number[], value: unknown): void {
  let node: unknown = root;
  for (let depth = 0; depth < choices.length; depth++) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : [];
    if (!keys.length) return;
    const key = keys[choices[depth] % keys.length];
    const child = (node as Record<string, unknown>)[key];
    const stop = depth === choices.length - 1 || !child || typeof child !== 'object' || choices[depth] % 3 === 0;
    if (stop) {
      if (value === undefined) {
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete (node as Record<string, unknown>)[key];
      } else (node as Record<string, unknown>)[key] = value;
      return;
    }
    node = child;
  }
}

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(textMutation, dataMutation);

/** A valid statement with one to three mutations applied. */
export const mutatedStatement: fc.Arbitrary<string> = fc.tuple(validStatement, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) => ms.reduce((t, m) => m(t), text));

/** Arbitrary YAML: any JSON-ish value dumped, or token soup on lines. */
export const arbitraryYaml: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => stringify(v, { lineWidth: 0 })),
  fc
    .array(fc.tuple(fc.nat({ max: 6 }), yamlToken, fc.option(yamlToken)), { maxLength: 20 })
    .map((lines) => lines.map(([indent, a, b]) => `${' '.repeat(indent)}${a}${b === null ? '' : `: ${b}`}`).join('\n')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Per-test time limit, growing with the runs (a run checks a statement twice, tens of ms). */
export const TIMEOUT = 30_000 + CORPUS * 120;
