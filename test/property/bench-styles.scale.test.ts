// The benchmark's realistic corpus (scripts/bench/styles.mjs) re-writes statements in the styles
// people and editors use. Its rows compare styles, so a style must change how a file is written,
// never what it says: every file must read to the same data as the statement it was made from,
// with js-yaml and with yaml alike. Drafts alone change the data, and must still read the same in both.
import jsYaml from 'js-yaml';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

interface Styled {
  text: string;
  styles: string[];
  draft: boolean;
  source: string;
  base?: string;
}
interface StyleGenerator {
  STYLES: string[];
  LAYOUTS: string[];
  styles: Record<string, (text: string, seed?: number) => string>;
  sources(): Array<{ name: string; text: string; weight: number }>;
  styledStatement(seed: number, index: number, style?: string, withBase?: boolean): Styled;
}

// A plain .mjs script with no type declarations: imported by URL so TypeScript does not resolve it.
const gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'bench', 'styles.mjs')).href)) as StyleGenerator;

const PER_STYLE = 12;
const MIXED = 200;

/**
 * The data, as a style may leave it: `x-` keys are notes of the team's own (the "x-keys" style adds
 * some); a `>` or `|` block keeps one final line break; and a sign-off's answers hash is made again
 * over the data as written (so that final line break changes it).
 */
function normalised(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\n$/, '');
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !k.startsWith('x-') && k !== 'answers_hash')
        .map(([k, v]) => [k, normalised(v)]),
    );
  return value;
}

/** Reads a text with both parsers, as eis and as the benchmark's floor do, and expects the same data. */
function read(text: string, label: string): unknown {
  const byJsYaml = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  const byYaml = parse(text);
  expect(byJsYaml, `${label}: js-yaml and yaml read it alike`).toEqual(byYaml);
  return byYaml;
}

describe('the benchmark corpus in the styles people write', () => {
  it('is made from the shipped examples and the fixtures that are plain statements', () => {
    const names = gen.sources().map((s) => s.name);
    expect(names).toContain('examples/memos/text-payment-reminders.eis.yaml');
    expect(names).toContain('examples/memos/online-application-portal.eis.yaml');
    // Hostile fixtures (tags, aliases, prototype keys, bad encodings) and other questionnaires' statements are not.
    for (const left of ['alias-answers', 'foreign-tags', 'local-tags', 'proto-keys', 'invalid-utf8', 'nul-byte', 'race-forward/complete']) expect(names.some((n) => n.includes(left))).toBe(false);
    expect(gen.sources().reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(1);
  });

  it.each(gen.STYLES.filter((s) => s !== 'draft'))('style %s keeps the data of every statement', (style) => {
    for (let i = 0; i < PER_STYLE; i++) {
      const s = gen.styledStatement(7, i, style, true);
      const label = `${style} #${i} from ${s.source}`;
      expect(normalised(read(s.text, label)), label).toEqual(normalised(read(s.base as string, `${label} (base)`)));
    }
  });

  it('drafts read alike in both parsers and differ from what they were made from', () => {
    for (let i = 0; i < PER_STYLE; i++) {
      const s = gen.styledStatement(7, i, 'draft', true);
      expect(read(s.text, `draft #${i}`)).not.toEqual(read(s.base as string, `draft #${i} (base)`));
    }
  });

  it('each style, as a function of text, keeps the data of its input', () => {
    const inputs = [0, 1, 2, 3].map((i) => gen.styledStatement(11, i, 'as-written').text);
    for (const [name, style] of Object.entries(gen.styles)) {
      if (name === 'draft') continue;
      for (const [i, text] of inputs.entries()) {
        const out = style(text, i + 1);
        expect(normalised(read(out, `${name}(input ${i})`)), name).toEqual(normalised(read(text, `input ${i}`)));
      }
    }
  });

  it('each style shows in the files it writes', () => {
    const sample = (style: string) => Array.from({ length: 30 }, (_, i) => gen.styledStatement(7, i, style).text);
    // For each style, what must show in at least one of its files.
    const shows: Record<string, RegExp[]> = {
      'folded-40': [/: >-\n/, /\n {6,}- /],
      'folded-80': [/: >\n/],
      literal: [/: \|-\n/, /: \|\n/],
      'single-quoted': [/: '[^'\n]*\n/, /''/],
      'double-quoted': [/: "[^"\n]*\n/, /\\u[0-9a-f]{4}/, /\\n/, /\\"/],
      'long-lines': [/^.{200,}$/m],
      'plain-multiline': [/: [A-Z][^\n"']*\n {4,}[a-z]/],
      'flow-lists': [/: \[/, /\n +- \{/],
      comments: [/\n\n# /, / # /],
      'x-keys': [/^x-tracking:/m],
      crlf: [/\r\n/],
      bom: [/^\uFEFF/],
    };
    for (const [style, patterns] of Object.entries(shows)) {
      const texts = sample(style);
      for (const pattern of patterns)
        expect(
          texts.some((t) => pattern.test(t)),
          `${style}: ${pattern}`,
        ).toBe(true);
    }
    expect(
      sample('block-lists').some((t) => /: \[/.test(t)),
      'block-lists: no flow list',
    ).toBe(false);
    expect(
      sample('crlf').some((t) => /[^\r]\n/.test(t)),
      'crlf: no bare LF',
    ).toBe(false);
  });

  it(`mixes the styles, about half of them drafts, each file read alike (${MIXED} statements)`, () => {
    const seen = new Set<string>();
    let drafts = 0;
    for (let i = 0; i < MIXED; i++) {
      const s = gen.styledStatement(3, i, 'mixed', true);
      const label = `mixed #${i} (${s.styles.join(', ')}) from ${s.source}`;
      for (const name of s.styles) seen.add(name);
      const data = read(s.text, label);
      if (s.draft) drafts++;
      else expect(normalised(data), label).toEqual(normalised(read(s.base as string, `${label} (base)`)));
    }
    expect([...seen].sort()).toEqual([...gen.STYLES].sort());
    expect(drafts).toBeGreaterThan(MIXED * 0.35);
    expect(drafts).toBeLessThan(MIXED * 0.65);
  });

  it('is the same from the same seed, and files differ from one another', () => {
    const a = Array.from({ length: 20 }, (_, i) => gen.styledStatement(5, i).text);
    const b = Array.from({ length: 20 }, (_, i) => gen.styledStatement(5, i).text);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
});
