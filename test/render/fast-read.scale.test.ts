// eis render reads statements with the fast YAML reader and builds the full Document only when
// an error needs a place. Both reads must render the same page, refuse the same statements with
// the same lines and columns (--strict), and stop at the same errors.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionnaireRegistry } from '../../src/edge/questionnaire/registry.js';
import { loadTemplates } from '../../src/cli/render/run.js';
import { defaultConfig } from '../../src/core/config/config.js';
import { EisError } from '../../src/core/errors.js';
import { renderFile, type RenderFileOptions } from '../../src/edge/render/file.js';
import { createRenderer } from '../../src/core/render/render.js';
import { tempTree } from '../helpers/cli.js';
import { CORPUS, EXAMPLE_STATEMENTS, generatedStatement, mutatedStatement, RUNS, TIMEOUT } from '../property/support.js';

const tree = tempTree();
afterAll(() => tree.cleanup());
const config = defaultConfig(tree.dir);
const known = questionnaireRegistry(config);
const renderers = { md: createRenderer(loadTemplates('md', config, tree.dir, {}), 'md'), html: createRenderer(loadTemplates('html', config, tree.dir, {}), 'html') };
const file = join(tree.dir, 'same.eis.yaml');

function outcome(format: 'md' | 'html', options: RenderFileOptions) {
  try {
    return renderFile(file, known, renderers[format], options);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { error: error.format() };
  }
}

function expectSame(text: string): void {
  writeFileSync(file, text);
  for (const format of ['md', 'html'] as const)
    for (const strict of [false, true]) {
      const options: RenderFileOptions = { cwd: tree.dir, today: '2026-11-23', lang: 'en', strict, severities: config.rules };
      expect(outcome(format, options), `${format}${strict ? ' --strict' : ''}`).toStrictEqual(outcome(format, { ...options, slow: true }));
    }
}

describe('the fast and the full read of eis render give the same result', () => {
  it(`on ${CORPUS} generated statements and the examples`, { timeout: TIMEOUT }, () => {
    for (let seed = 1; seed <= CORPUS; seed++) expectSame(generatedStatement(seed));
    for (const { text } of EXAMPLE_STATEMENTS) expectSame(text);
  });

  it('on generated statements with random mutations', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(mutatedStatement, expectSame), { numRuns: RUNS });
  });

  it('on statements with keys the two parsers read differently', () => {
    for (const key of ['null', '1.0', '~', 'true', 'False', '0x1F', '.inf', '"quoted"', '__proto__', 'k'.repeat(1100)])
      expectSame(generatedStatement(7).replace('  author: ', `  ${key}: x\n  author: `));
  });
});
