// Loading a statement and saving it back changes nothing a person wrote: the same answers, every
// comment, and a second save gives the same bytes as the first.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readStatement, writeAtomic } from '../../src/edge/files/statement-file.js';
import { documentText, setAnswer } from '../../src/core/statement/edit.js';
import { decodeText, parseYamlSource } from '../../src/core/yaml/source.js';
import { EisError } from '../../src/core/errors.js';
import { builtin } from '../helpers/model.js';
import { tempTree } from '../helpers/cli.js';
import { mutatedStatement, RUNS, TIMEOUT, validStatement } from './support.js';

const model = builtin();
const tree = tempTree();
afterAll(() => tree.cleanup());
const file = join(tree.dir, 'round.eis.yaml');

const KEY_LINE = /^(\s*)(- )?[\w-]+:/;
const PLAIN_VALUE_LINE = /^\s*(- )?[\w-]+: [^'"#>|[{&*!\s][^#]*$/;

/** Puts numbered comments on their own lines (before keys) and after plain values. */
const commented: fc.Arbitrary<{ text: string; comments: string[] }> = fc
  .tuple(validStatement, fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.string({ unit: 'grapheme-ascii', maxLength: 20 })), { maxLength: 12 }))
  .map(([text, spots]) => {
    const lines = text.split('\n');
    const comments: string[] = [];
    spots.forEach(([at, inline, words], n) => {
      const i = at % lines.length;
      const comment = `# c${n} ${words.replace(/[\r\n]/g, ' ')}`.trimEnd();
      if (inline && PLAIN_VALUE_LINE.test(lines[i]) && !lines[i].includes(' # ')) lines[i] = `${lines[i]} ${comment}`;
      else if (KEY_LINE.test(lines[i])) lines.splice(i, 0, `${KEY_LINE.exec(lines[i])![1]}${comment}`);
      else return;
      comments.push(comment);
    });
    return { text: lines.join('\n'), comments };
  });

/** node's deep equality: toStrictEqual compares two `constructor:` answers as if they were classes. */
function expectSameData(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual).toStrictEqual(expected); // for the diff
  expect.fail('the data differs');
}

function loadSaveLoad(text: string) {
  writeFileSync(file, text);
  const first = readStatement(file);
  const saved = documentText(first.source.doc);
  writeAtomic(file, saved, first.hash);
  const second = readStatement(file);
  return { first, second, saved };
}

describe('load -> save -> load', () => {
  it('keeps the answers and every comment of a valid statement', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(commented, ({ text, comments }) => {
        const { first, second, saved } = loadSaveLoad(text);
        expectSameData(second.source.data, first.source.data);
        for (const comment of comments) expect(saved, comment).toContain(comment);
        // The header comments and the schema line survive too.
        for (const line of text.split('\n').filter((l) => /^# /.test(l))) expect(saved).toContain(line);
        // Saving again is a fixed point.
        expect(documentText(second.source.doc)).toBe(saved);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the data of any statement that parses, however odd', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => {
        try {
          // As eis reads a file: decoded first (a lone CR is a line break), then parsed.
          parseYamlSource(decodeText(Buffer.from(text), 'x'), 'x');
        } catch (error) {
          if (error instanceof EisError) return; // not YAML: nothing to round-trip
          throw error;
        }
        const { first, second, saved } = loadSaveLoad(text);
        expectSameData(second.source.data, first.source.data);
        expect(documentText(second.source.doc)).toBe(saved);
      }),
      { numRuns: RUNS },
    );
  });

  it('changes only the answer that was set', { timeout: TIMEOUT }, () => {
    const texts = model.sections.flatMap((s) => s.questions.filter((q) => q.type === 'text').map((q) => [s.id, q.id] as [string, string]));
    fc.assert(
      fc.property(commented, fc.constantFrom(...texts), fc.string({ maxLength: 60 }), ({ text, comments }, path, value) => {
        writeFileSync(file, text);
        const before = readStatement(file);
        const doc = before.source.doc;
        setAnswer(doc, model, path, value);
        writeAtomic(file, documentText(doc), before.hash);
        const after = readStatement(file);
        const expected = structuredClone(before.source.data) as Record<string, Record<string, unknown>>;
        expected[path[0]] = { ...(expected[path[0]] ?? {}), [path[1]]: value };
        expect(after.source.data).toStrictEqual(expected);
        const out = readFileSync(file, 'utf8');
        // A comment on the very line whose value was replaced goes with the old value; all others stay.
        const replacedLine = text.split('\n').find((l) => new RegExp(`^  ${path[1]}: `).test(l)) ?? '';
        for (const comment of comments) if (!replacedLine.includes(comment)) expect(out, comment).toContain(comment);
      }),
      { numRuns: RUNS },
    );
  });

  // A scalar whose tag does not fit its value (`!!int x`) reads as the string "x"; a save must not
  // write it back through that tag (as `!!int .nan`, `!!bool true`, `!!null null`).
  it('keeps an answer whose tag does not fit its value', () => {
    const { first, second } = loadSaveLoad('eis: 1\nquestionnaire: equity-impact@1\ninitiative:\n  title: !!int x\n');
    expectSameData(second.source.data, first.source.data);
  });

  it.each(['!!int x', '!!float 1', '!!bool x', '!!null x', '!<tag:yaml.org,2002:int> 0x1g', '!!int [1, 2]', '!!int {a: b}', '!foo x', '!!map x'])(
    'keeps `%s` as read, after the file is changed and saved',
    (tagged) => {
      writeFileSync(file, `eis: 1\nquestionnaire: equity-impact@1\ninitiative:\n  title: ${tagged}\n  kind: memo\n`);
      const first = readStatement(file);
      const doc = first.source.doc;
      setAnswer(doc, model, ['initiative', 'kind'], 'project');
      writeAtomic(file, documentText(doc), first.hash);
      const second = readStatement(file);
      const title = (d: unknown) => (d as { initiative: { title: unknown } }).initiative.title;
      expect(title(second.source.data)).toStrictEqual(title(first.source.data));
      expect((second.source.data as { initiative: { kind: unknown } }).initiative.kind).toBe('project');
      // The file still says what its author wrote.
      expect(readFileSync(file, 'utf8')).toContain(`title: ${tagged}\n`);
    },
  );
});
