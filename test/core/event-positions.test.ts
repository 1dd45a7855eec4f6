// Positions from js-yaml's events must agree with the yaml library on every node of every file the
// fast reader accepts, in every style people and editors write; where unsure they must give up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { eventPositions } from '../../src/core/yaml/event-positions.js';
import { blockPositionOf } from '../../src/core/yaml/block-positions.js';
import { fastParse } from '../../src/core/yaml/fast.js';
import { agreeWithDocument } from '../helpers/positions.js';
import { arbitraryYaml, EXAMPLE_STATEMENTS, mutatedStatement, RUNS } from '../property/support.js';

/** Compares every position; returns whether the events gave positions for a text the fast reader accepts. */
function agree(text: string): boolean {
  if (!fastParse(text)) return false;
  return agreeWithDocument(text, eventPositions);
}

const examples = EXAMPLE_STATEMENTS.map((e) => e.text);

/** The examples as the yaml library writes them in each style, at several widths. */
function restyled(): string[] {
  const out: string[] = [];
  for (const text of examples) {
    for (const lineWidth of [40, 60, 80, 100])
      for (const blockQuote of ['folded', 'literal', true] as const)
        for (const defaultStringType of ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const)
          out.push(parseDocument(text).toString({ lineWidth, blockQuote, defaultStringType, flowCollectionPadding: lineWidth > 60 }));
    out.push(text.replace(/\n/g, '\r\n'), `\ufeff${text}`, `---\n${text}`, text.replace(/^(\s*)([a-z_]+):/gm, '$1# about $2\n$1$2:'));
  }
  return out;
}

describe('positions from js-yaml events', () => {
  it('agree with the yaml library on the examples in every style the yaml library writes', () => {
    const texts = restyled();
    const accepted = texts.filter(agree).length;
    // Every restyled example the fast reader accepts is placed without the full parser.
    expect(accepted).toBe(texts.filter((t) => fastParse(t)).length);
    expect(accepted).toBeGreaterThan(texts.length * 0.9);
  }, 120_000);

  it('agree on mutated statements and arbitrary YAML wherever they give positions', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedStatement, arbitraryYaml), (text) => void agree(text)),
      { numRuns: RUNS * 4 },
    );
  }, 120_000);

  it('place multi-line flow lists, folded blocks and quoted keys', () => {
    const text = 'a:\n  list:\n    [\n      one,\n      two,\n    ]\n  "quoted key": >-\n    folded\n    text\n  # a comment\n  b: |\n    x\nc: [x,\n  y]\n';
    expect(agree(text)).toBe(true);
    expect(blockPositionOf(eventPositions(text)!, ['a', 'list', 1])).toEqual({ line: 5, column: 7 });
  });

  it('gives up on a lone carriage return and on broken YAML', () => {
    expect(eventPositions('a: 1\rb: 2\n')).toBeUndefined();
    expect(eventPositions('a: [1, 2\n')).toBeUndefined();
  });
});

describe('positions from js-yaml events, empty items', () => {
  it('agree, or give up, where a list has an item with nothing in it', () => {
    for (const text of ['a:\n  - x\n  -', 'a:\n  - x\n  -\n', 'a:\n  - x\n  -\nb: 1\n', 'a:\n  - x\n  - \n  - y\n', 'a:\n  - # nothing\n  - y\n', 'a: [x, , y]\n', 'a:\n  b:\n  c:\n']) agree(text);
  });
});
