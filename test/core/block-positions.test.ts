// The line reader that places findings without a full parse must agree with the yaml library on
// every node of every file it accepts; where it is unsure it must give up.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockPositions } from '../../src/core/yaml/block-positions.js';
import { agreeWithDocument } from '../helpers/positions.js';
import { EXAMPLES } from '../helpers/cli.js';
// @ts-expect-error: the generator is plain JavaScript shared with the benchmark
import { random, statementText } from '../../scripts/bench/generate.mjs';

/** Compares every position; returns whether the line reader accepted the text. */
function agree(text: string): boolean {
  return agreeWithDocument(text, blockPositions);
}

const rand = random(7);
const mutations: Array<(lines: string[], r: () => number) => string[]> = [
  (l, r) => l.filter((_, i) => i !== Math.floor(r() * l.length)),
  (l, r) => {
    const i = Math.floor(r() * l.length);
    return [...l.slice(0, i), l[i], ...l.slice(i)];
  },
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? `  ${x}` : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? x.replace(/^ {2}/, '') : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? `${x}  # a note` : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? x.replace(/: (.+)$/, ': |\n      $1\n      # not a comment') : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? x.replace(/: (.+)$/, ': >-\n    $1') : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? x.replace(/^( *)- /, '$1-\n$1  ') : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? x.replace(/: (.+)$/, ': "$1"') : x)),
  (l, r) => l.map((x, i) => (i === Math.floor(r() * l.length) ? x.replace(/: \[(.*)\]$/, ': [ $1, ]') : x)),
  (l) => l.map((x) => `${x}\r`),
  (l, r) => {
    // A compact list: items at the same indentation as their key.
    const i = l.findIndex((x, k) => k >= Math.floor(r() * l.length) && /^ +- /.test(x));
    if (i < 0) return l;
    const indent = /^( *)/.exec(l[i])![1].length;
    return l.map((x, k) => (k >= i && /^ */.exec(x)![0].length >= indent ? x.slice(2) : x));
  },
];

describe('positions without a full parse', () => {
  it('agree with the yaml library on the examples', () => {
    for (const name of ['text-payment-reminders', 'online-application-portal']) expect(agree(readFileSync(join(EXAMPLES, 'memos', `${name}.eis.yaml`), 'utf8'))).toBe(true);
  });

  it('agree on generated statements, and on mutated ones wherever the reader accepts them', () => {
    let accepted = 0;
    let mutated = 0;
    const runs = Number(process.env.EIS_FUZZ_RUNS ?? 150);
    for (let n = 0; n < runs; n++) {
      const text = statementText(rand, n) as string;
      expect(agree(text)).toBe(true);
      let lines = text.split('\n');
      const steps = 1 + Math.floor(rand() * 4);
      for (let s = 0; s < steps; s++) lines = mutations[Math.floor(rand() * mutations.length)](lines, rand).join('\n').split('\n');
      mutated++;
      if (agree(lines.join('\n'))) accepted++;
    }
    // Most mutations keep the YAML valid and simple; the reader should still follow them.
    expect(accepted).toBeGreaterThan(mutated / 3);
  }, 600_000);

  it('gives up on what it does not follow', () => {
    expect(blockPositions('"quoted key": 1\n')).toBeUndefined();
    expect(blockPositions('a: {b: 1}\n')).toBeUndefined();
    expect(blockPositions('a: "two\n  lines"\n')).toBeUndefined();
    expect(blockPositions('- - nested\n')).toBeUndefined();
    expect(blockPositions('a: 1\n---\nb: 2\n')).toBeUndefined();
  });
});
