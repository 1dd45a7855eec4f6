// Placeholders inside longer answers: ordinary prose (every text of the shipped examples, the
// fixtures, the questionnaire's help and examples, the memos, generated statements) never holds
// one, and a placeholder word put between any two words of it is always found.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStatementData } from '../../src/core/check/statement.js';
import { isFreeText, isPlaceholder, placeholderInside } from '../../src/core/questionnaire/answers.js';
import { builtin, readYaml } from '../helpers/model.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { EXAMPLE_STATEMENTS, generatedStatement, RUNS, TIMEOUT } from './support.js';

const model = builtin();

/** Every string in a parsed YAML value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const memos = readdirSync(join(EXAMPLES, 'memos'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => readFileSync(join(EXAMPLES, 'memos', f), 'utf8').split(/\n\s*\n/));
const yamlTexts = [
  ...EXAMPLE_STATEMENTS.map((e) => e.text),
  readFileSync(join(ROOT, 'schemas', 'questionnaires', 'equity-impact.yaml'), 'utf8'),
  readFileSync(join(ROOT, 'test', 'fixtures', 'questionnaires', 'race-forward.yaml'), 'utf8'),
  ...Array.from({ length: 200 }, (_, i) => generatedStatement((i + 1) * 7919)),
];
const PROSE = [...new Set([...memos, ...yamlTexts.flatMap((text) => strings(parseYamlSource(text, 'prose.yaml').data))])].filter((s) => s.trim() !== '' && !isPlaceholder(model, s));

/** The placeholders looked for inside longer answers, as written in the built-in list. */
const WORDS = ['TBD', 'TBA', 'N/A', 'TODO', 'XXX', '??', '???'];
const decorated = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom('', '.', ',', ':', '?', ')', '**'))
  // "??" then "?" is the placeholder "???"
  .map(([word, after]) => (word.startsWith('?') && after === '?' ? [word, ''] : [word, after]))
  .map(([word, after]) => ({ word, text: `${after === ')' ? '(' : after === '**' ? '**' : ''}${word}${after}` }));

/** The text with `insert` put at its `n`th word boundary (start, each run of spaces, end). */
function atBoundary(text: string, n: number, insert: string): string {
  const spaces = [...text.matchAll(/\s+/g)].map((m) => m.index);
  const boundaries = [0, ...spaces, text.length];
  const at = boundaries[n % boundaries.length];
  if (at === 0) return `${insert} ${text}`;
  return `${text.slice(0, at)} ${insert}${text.slice(at)}`;
}

describe('placeholders inside longer answers', () => {
  it(`are never found in ordinary prose (${PROSE.length} texts of examples, fixtures, memos and generated statements)`, () => {
    expect(PROSE.length).toBeGreaterThan(1000);
    const found = PROSE.flatMap((text) => {
      const inside = placeholderInside(model, text);
      return inside ? [`${inside.word} in ${inside.excerpt}`] : [];
    });
    expect(found).toEqual([]);
  });

  it('are always found when a placeholder word is put at a word boundary of that prose', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROSE), fc.nat(), decorated, (prose, n, { word, text }) => {
        const answer = atBoundary(prose, n, text);
        expect(placeholderInside(model, answer)?.word, answer).toBe(word);
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it('make a finding where they are put in a complete statement, and a required answer no longer counts', { timeout: TIMEOUT }, () => {
    const complete = readYaml(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml')) as Record<string, Record<string, unknown>>;
    // Every free-text answer at the top level of a section, as [section, question].
    const paths = model.sections.flatMap((s) => s.questions.filter((q) => isFreeText(q) && typeof complete[s.id]?.[q.id] === 'string').map((q) => [s.id, q.id] as const));
    expect(paths.length).toBeGreaterThan(15);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.nat(), decorated, ([section, question], n, { text }) => {
        const data = structuredClone(complete);
        data[section][question] = atBoundary(String(data[section][question]), n, text);
        const result = checkStatementData(model, data, { today: '2026-11-23' });
        expect(result.findings.map((f) => `${f.code} ${f.path.join('.')}`)).toEqual([`placeholder/inside ${section}.${question}`]);
        // an error, and one answer fewer, for a required question; a warning for an optional one
        const required = result.findings[0].severity === 'error';
        expect(result.completeness.answered).toBe(result.completeness.required - (required ? 1 : 0));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
