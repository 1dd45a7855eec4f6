import { describe, expect, it } from 'vitest';
import { decodeText, parseYamlSource, positionOf } from '../../src/core/yaml/source.js';
import { EisError } from '../../src/core/errors.js';

function failure(fn: () => unknown): EisError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EisError) return error;
    throw error;
  }
  throw new Error('expected an EisError');
}

describe('decoding files', () => {
  it('drops a byte-order mark so line 1 columns stay right', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31]), 'f')).toBe('a: 1');
  });
  it('refuses UTF-16, NUL bytes and invalid UTF-8 with a position', () => {
    expect(failure(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'f')).message).toContain('UTF-16');
    const nul = failure(() => decodeText(new TextEncoder().encode('a: 1\nbb: \0'), 'f'));
    expect([nul.message, nul.line, nul.column]).toEqual(['the file holds a NUL byte, so it is binary, not YAML text.', 2, 5]);
    expect(failure(() => decodeText(new Uint8Array([0x61, 0xc3, 0x28]), 'f')).message).toContain('not valid UTF-8');
  });
  it('refuses a file larger than a statement could be', () => {
    expect(failure(() => decodeText(new Uint8Array(11 * 1024 * 1024), 'f')).message).toMatch(/larger than the 10 MB/);
  });
});

describe('parsing YAML with positions', () => {
  it('reports a syntax error at its line and column', () => {
    const error = failure(() => parseYamlSource('a: 1\nb: [1, 2\nc: 3\n', 'f.yaml'));
    expect(error.file).toBe('f.yaml');
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/^the YAML cannot be read/);
  });
  it('reports a duplicate key at the second one', () => {
    const error = failure(() => parseYamlSource('a: 1\nb: 2\na: 3\n', 'f.yaml'));
    expect([error.message, error.line, error.column]).toEqual(['a key appears twice in the same mapping (YAML keys must be unique).', 3, 1]);
  });
  it('stops an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const error = failure(() => parseYamlSource(levels.join('\n'), 'bomb.yaml'));
    expect(error.message).toContain('alias');
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('reads yes and no as text and dates as strings (YAML 1.2)', () => {
    expect(parseYamlSource('a: yes\nb: 2026-01-02\n', 'f').data).toEqual({ a: 'yes', b: '2026-01-02' });
  });
  it('keeps __proto__ as an own key without polluting prototypes', () => {
    const data = parseYamlSource('__proto__: { polluted: true }\n', 'f').data as Record<string, unknown>;
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('positions of statement paths', () => {
  const text = `eis: 1
questionnaire: equity-impact@1
initiative:
  title: Reminders
populations:
  groups:
    - id: a
      name: A
    - id: b
      direction: burden
`;
  const source = parseYamlSource(text, 'f');
  it.each([
    [['initiative', 'title'], 4, 3],
    [['populations', 'groups', 1], 9, 7],
    [['populations', 'groups', 1, 'direction'], 10, 7],
    [['populations', 'groups', 0, 'why'], 7, 7],
    [['initiative', 'summary'], 3, 1],
    [['analysis', 'benefits'], 1, 1],
    [[], 1, 1],
  ])('%j is at %i:%i (or its nearest ancestor)', (path, line, column) => {
    expect(positionOf(source, path as Array<string | number>)).toEqual({ line, column });
  });
});
