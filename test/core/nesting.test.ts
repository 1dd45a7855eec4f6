// The nesting limit and circle check every YAML read goes through (src/core/yaml/nesting.ts).
import { describe, expect, it } from 'vitest';
import { deepPlace, MAX_NESTING, nestingProblem } from '../../src/core/yaml/nesting.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';

const nest = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('nestingProblem', () => {
  it('allows exactly MAX_NESTING levels and refuses one more, with the path to it', () => {
    expect(nestingProblem(nest(MAX_NESTING))).toBeUndefined();
    const problem = nestingProblem(nest(MAX_NESTING + 1));
    expect(problem?.kind).toBe('deep');
    expect(problem?.path).toHaveLength(MAX_NESTING);
  });

  it('walks 100,000 levels without running out of stack', () => {
    expect(nestingProblem(nest(100_000))?.kind).toBe('deep');
  });

  it('finds a circle, and walks a value shared many times once', () => {
    const circle: Record<string, unknown> = {};
    circle.b = { c: circle };
    expect(nestingProblem({ x: circle }, { shared: true })).toEqual({ kind: 'cycle', path: ['x', 'b', 'c'] });
    // 30 levels, each holding the one below twice: 2^30 paths, 30 objects.
    let shared: unknown = 'leaf';
    for (let i = 0; i < 30; i++) shared = { left: shared, right: shared };
    const started = performance.now();
    expect(nestingProblem(shared, { shared: true })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
    expect(nestingProblem({ a: { b: shared } }, { shared: true, limit: 31 })?.kind).toBe('deep');
  });
});

describe('the full parser', () => {
  it('refuses an alias inside its own anchor at the alias', () => {
    expect(() => parseYamlSource('a: 1\nx: &x {b: *x}\n', 'f.yaml')).toThrow(expect.objectContaining({ line: 2, message: expect.stringMatching(/contains the alias itself/) }));
  });

  it('keeps aliases that make no circle', () => {
    expect(parseYamlSource('a: &x {b: 1}\nc: *x\n', 'f.yaml').data).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });
});

describe('deepPlace', () => {
  it('names the line and column where the text first nests too deep', () => {
    expect(deepPlace(`a:\n  b:\n    ${'- '.repeat(200)}x\n`, 100)).toEqual({ line: 3, column: 5 + 2 * 97 });
    expect(deepPlace(`a: ${'['.repeat(200)}`, 100)).toEqual({ line: 1, column: 4 + 99 });
  });
});
