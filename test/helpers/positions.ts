// Holds a reader of positions to what the yaml library's Document says, node by node.
import { expect } from 'vitest';
import { EisError } from '../../src/core/errors.js';
import { type BlockPositions, blockPositionOf } from '../../src/core/yaml/block-positions.js';
import { parseYamlSource, positionOf, type YamlSource } from '../../src/core/yaml/source.js';

/** Every path in the data, and one more under each that is not there. */
export function* paths(value: unknown, path: Array<string | number>): Generator<Array<string | number>> {
  yield path;
  yield [...path, 'not-there'];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* paths(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* paths(v, [...path, k]);
}

/**
 * Compares the positions `read` gives for a text with the yaml library's, for every path; returns
 * whether `read` gave positions at all (false too when the text is not a YAML mapping).
 */
export function agreeWithDocument(text: string, read: (text: string) => BlockPositions | undefined): boolean {
  let source: YamlSource;
  try {
    source = parseYamlSource(text, 'f.yaml');
  } catch (error) {
    if (error instanceof EisError) return false;
    throw error;
  }
  const mine = read(text);
  if (!mine || source.data === null || typeof source.data !== 'object') return false;
  for (const path of paths(source.data, [])) {
    const at = blockPositionOf(mine, path);
    const theirs = positionOf(source, path);
    if (at.line !== theirs.line || at.column !== theirs.column) expect(at, `${path.join('.')} in\n${text}`).toEqual(theirs);
  }
  return true;
}
