// zod checks only the sections of a statement that may be wrong (src/check/statement.ts). The
// findings must be those zod gives for the whole statement, on every statement, right or wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { builtin } from '../helpers/model.js';
import { buildStatementSchema } from '../../src/core/questionnaire/statement-schema.js';
import { statementSchemaIssues } from '../../src/core/check/statement.js';
import { schemaFindings } from '../../src/core/check/schema-findings.js';
import { nonConformingSections } from '../../src/core/questionnaire/conforms.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { CORPUS, generatedStatement, mutatedStatement, RUNS, TIMEOUT } from './support.js';

const model = builtin(); // the version the generated statements answer
const whole = buildStatementSchema(model);

function wholeFindings(data: unknown) {
  const parsed = whole.safeParse(data);
  return schemaFindings(model, data, parsed.success ? [] : parsed.error.issues);
}

/** True when the data had something wrong within its sections only, the case the shortcut takes. */
function agrees(data: unknown): boolean {
  const expected = wholeFindings(data);
  const found = schemaFindings(model, data, statementSchemaIssues(model, data));
  if (!isDeepStrictEqual(found, expected)) expect(found, JSON.stringify(data).slice(0, 2000)).toEqual(expected);
  const sections = nonConformingSections(model, data);
  return sections !== undefined && sections.length > 0;
}

function dataOf(text: string): unknown {
  try {
    return parseYamlSource(text, 'x.eis.yaml').data;
  } catch {
    return undefined;
  }
}

describe('schema findings from the sections that may be wrong', () => {
  it('are those of the whole statement on mutated statements', { timeout: TIMEOUT }, () => {
    let shortcut = 0;
    fc.assert(
      fc.property(mutatedStatement, (text) => {
        const data = dataOf(text);
        if (data !== undefined && agrees(data)) shortcut++;
      }),
      { numRuns: CORPUS },
    );
    // The shortcut must actually be taken, or this test proves nothing.
    expect(shortcut).toBeGreaterThan(CORPUS / 20);
  });

  it('are those of the whole statement with wrong values in several sections, x- keys and a wrong top level', () => {
    const data = dataOf(generatedStatement(3)) as Record<string, Record<string, unknown>>;
    const sections = model.sections.map((s) => s.id).filter((id) => data[id]);
    expect(sections.length).toBeGreaterThan(3);
    const broken = structuredClone(data);
    broken[sections[0]][Object.keys(broken[sections[0]])[0]] = [1, { a: 2 }];
    broken[sections[2]] = 'not a mapping' as never;
    broken[sections[3]]['x-note'] = 'mine';
    broken[sections[3]]['no-such-question'] = 1;
    (broken as Record<string, unknown>)['x-top'] = { kept: true };
    expect(nonConformingSections(model, broken)).toEqual([sections[0], sections[2], sections[3]]);
    expect(agrees(broken)).toBe(true);
    expect(wholeFindings(broken).length).toBeGreaterThanOrEqual(3);
    // A wrong top level takes the whole statement to zod.
    for (const top of [
      { ...broken, eis: 2 },
      { ...broken, nonsense: 1 },
      { ...broken, questionnaire: 7 },
    ]) {
      expect(nonConformingSections(model, top)).toBeUndefined();
      expect(agrees(top)).toBe(false);
    }
    expect(agrees(data)).toBe(false);
    expect(statementSchemaIssues(model, data)).toEqual([]);
  });

  it('are those of the whole statement on generated statements', () => {
    for (let seed = 1; seed <= Math.min(RUNS, 200); seed++) agrees(dataOf(generatedStatement(seed)));
  });
});
