// The fast path of eis check (js-yaml, then the line reader for positions) must give exactly the
// report of the full parser, on a large generated corpus and on mutated and fuzzed files.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { questionnaireRegistry } from '../../src/edge/questionnaire/registry.js';
import { checkFile } from '../../src/edge/check/check-file.js';
import { defaultConfig } from '../../src/core/config/config.js';
import { tempTree } from '../helpers/cli.js';
import { fastParse } from '../../src/core/yaml/fast.js';
import { conforms } from '../../src/core/questionnaire/conforms.js';
import { buildStatementSchema } from '../../src/core/questionnaire/statement-schema.js';
import { schemaFindings } from '../../src/core/check/schema-findings.js';
// @ts-expect-error: the generator is plain JavaScript shared with the benchmark
import { random, statementText } from '../../scripts/bench/generate.mjs';

const tree = tempTree();
afterAll(() => tree.cleanup());
const config = defaultConfig(tree.dir);
const known = questionnaireRegistry(config);
const options = { config, cwd: tree.dir, today: '2026-11-23' };
const runs = Number(process.env.EIS_FUZZ_RUNS ?? 0) || 400;

// The version the statements here pin (equity-impact@1): the quick shape test is held to its schema.
const model = known.older('equity-impact', 1)!.model;
const schema = buildStatementSchema(model);
let counter = 0;
let conformed = 0;
function bothWays(text: string | Uint8Array) {
  const file = join(tree.dir, `f${counter++}.eis.yaml`);
  writeFileSync(file, text);
  const fast = checkFile(file, known, options);
  const slow = checkFile(file, known, { ...options, slow: true });
  expect(fast).toEqual(slow);
  // The quick shape test may only say yes where the zod schema finds nothing to report.
  const data = fastParse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'))?.data;
  if (data !== undefined && conforms(model, data)) {
    conformed++;
    const parsed = schema.safeParse(data);
    if (!parsed.success) expect(schemaFindings(model, data, parsed.error.issues)).toEqual([]);
  }
  return fast;
}

const mutate = (text: string, r: () => number): string => {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  switch (Math.floor(r() * 8)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines[i] = lines[i].replace(/: .*$/, ': TBD');
      break;
    case 2:
      lines[i] = lines[i].replace(/^(\s*)([a-z_]+):/, '$1$2x:');
      break;
    case 3:
      lines[i] = lines[i].replace(/: .*$/, ': 42');
      break;
    case 4:
      lines[i] = `  ${lines[i]}`;
      break;
    case 5:
      lines[i] = lines[i].replace(/direction: \w+/, 'direction: burden');
      break;
    case 6:
      lines[i] = lines[i].replace(/: (.*)$/, ': "$1"');
      break;
    default:
      lines.splice(i, 0, lines[i]);
      break;
  }
  return lines.join('\n');
};

describe('fast and full parsers give the same report', () => {
  it(`on ${runs * 5} generated statements, clean and with typical gaps`, () => {
    const rand = random(42);
    let withFindings = 0;
    for (let n = 0; n < runs * 5; n++) if (bothWays(statementText(rand, n)).findings.length) withFindings++;
    expect(withFindings).toBeGreaterThan(0);
  }, 600_000);

  it(`on ${runs * 2} mutated statements`, () => {
    const rand = random(43);
    for (let n = 0; n < runs * 2; n++) {
      let text = statementText(rand, n);
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) text = mutate(text, rand);
      bothWays(text);
    }
  }, 600_000);

  it('on fuzzed YAML and bytes', () => {
    const scalar = fc.oneof(fc.constantFrom('yes', 'no', '0b11', '-.5', '.inf', '0o17', '0x1F', '1_000', '~', 'null', 'True', '2026-02-30', 'TBD', ''), fc.string({ maxLength: 12 }));
    const line = fc
      .tuple(
        fc.nat({ max: 6 }),
        fc.oneof(fc.constantFrom('initiative', 'title', 'status', 'eis', 'questionnaire', 'populations', 'groups', '- id', '- ', 'x-note', 'screening', 'affected'), fc.string({ maxLength: 8 })),
        scalar,
      )
      .map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`);
    const doc = fc.array(line, { maxLength: 20 }).map((lines) => ['eis: 1', 'questionnaire: equity-impact@1', ...lines].join('\n'));
    fc.assert(
      fc.property(doc, (text) => void bothWays(text)),
      { numRuns: runs * 2 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void bothWays(bytes)),
      { numRuns: runs },
    );
    expect(conformed).toBeGreaterThan(runs);
  }, 600_000);
});
