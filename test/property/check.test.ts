// eis check's core never throws, whatever the file holds, and places every finding inside the file.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionnaireRegistry } from '../../src/edge/questionnaire/registry.js';
import { checkFile } from '../../src/edge/check/check-file.js';
import { defaultConfig } from '../../src/core/config/config.js';
import type { StatementReport } from '../../src/core/findings/findings.js';
import { tempTree } from '../helpers/cli.js';
import { arbitraryYaml, mutatedStatement, RUNS, TIMEOUT, validStatement } from './support.js';

const tree = tempTree();
afterAll(() => tree.cleanup());
const config = defaultConfig(tree.dir);
const known = questionnaireRegistry(config);
const options = { config, cwd: tree.dir, today: '2026-11-23' };
const file = join(tree.dir, 'fuzz.eis.yaml');

/** Lines of the file as bytes: a column counted in characters or in bytes is within the byte length. */
function lineLengths(bytes: Uint8Array): number[] {
  return Buffer.from(bytes)
    .toString('latin1')
    .split(/\r\n|\r|\n/)
    .map((l) => l.length);
}

/** Every finding names the file and a line and column that exist in it. */
function expectPlaced(report: StatementReport, bytes: Uint8Array): void {
  const lengths = lineLengths(bytes);
  expect(report.file).toBe('fuzz.eis.yaml');
  for (const f of report.findings) {
    expect(f.file, f.message).toBe('fuzz.eis.yaml');
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lengths.length, `${f.code} at line ${f.line} of ${lengths.length}: ${f.message}`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1 && f.column <= lengths[f.line - 1] + 1, `${f.code} at ${f.line}:${f.column}, line length ${lengths[f.line - 1]}: ${f.message}`).toBe(true);
    expect(typeof f.message === 'string' && f.message.length > 0 && !f.message.includes('\n    at ')).toBe(true);
    expect(['error', 'warning']).toContain(f.severity);
  }
}

function checkBoth(content: string | Uint8Array): { fast: StatementReport; slow: StatementReport; bytes: Uint8Array } {
  writeFileSync(file, content);
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { fast: checkFile(file, known, options), slow: checkFile(file, known, { ...options, slow: true }), bytes };
}

describe('checkFile never throws and places findings inside the file', () => {
  it('on arbitrary YAML', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(arbitraryYaml, (text) => {
        const { fast, slow, bytes } = checkBoth(text);
        expectPlaced(fast, bytes);
        expectPlaced(slow, bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('on arbitrary bytes', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { fast, slow } = checkBoth(bytes);
        expectPlaced(fast, bytes);
        expectPlaced(slow, bytes);
      }),
      // Found by this test: a NUL after a lone carriage return was placed on the wrong line.
      { numRuns: RUNS, examples: [[Uint8Array.from([13, 0])], [Uint8Array.from([13, 10, 13, 0])]] },
    );
  });

  it('on arbitrary bytes spliced into a valid statement', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(validStatement, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 }), (text, at, junk) => {
        const base = Buffer.from(text);
        const i = at % (base.length + 1);
        const bytes = Buffer.concat([base.subarray(0, i), junk, base.subarray(i)]);
        const { fast, slow } = checkBoth(bytes);
        expectPlaced(fast, bytes);
        expectPlaced(slow, bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('on any mutation of a valid statement', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => {
        const { fast, slow, bytes } = checkBoth(text);
        expectPlaced(fast, bytes);
        expectPlaced(slow, bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports a valid generated statement without any fatal finding', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(validStatement, (text) => {
        const { slow } = checkBoth(text);
        expect(slow.findings.filter((f) => f.fatal)).toEqual([]);
        expect(slow.completeness?.required).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
