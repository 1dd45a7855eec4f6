// The fixed words: English built in and in schemas/locales/en.yaml alike, Spanish complete with the
// same placeholders, plurals by the language's rules, dates in words where the locale says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENGLISH_WORDS, say, sayDate } from '../../src/core/i18n/words.js';
import { readLocaleFile } from '../../src/edge/i18n/locale.js';
import { createRenderer } from '../../src/core/render/render.js';
import { ROOT, tempTree } from '../helpers/cli.js';

const locale = (lang: string) => parse(readFileSync(join(ROOT, 'schemas', 'locales', `${lang}.yaml`), 'utf8'), { version: '1.2' }) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('fixed words', () => {
  it('schemas/locales/en.yaml is the English built in, key for key', () => {
    expect(locale('en')).toEqual(ENGLISH_WORDS);
  });

  it('Spanish has every key, with the same placeholders', () => {
    const es = locale('es');
    expect(Object.keys(es).sort()).toEqual(Object.keys(ENGLISH_WORDS).sort());
    for (const [key, english] of Object.entries(ENGLISH_WORDS)) expect([key, placeholders(es[key]!)]).toEqual([key, placeholders(english)]);
    expect(readLocaleFile(join(ROOT, 'schemas', 'locales', 'es.yaml'), ROOT).missing).toEqual([]);
  });

  it('picks plural forms and fills placeholders', () => {
    const es = locale('es');
    expect(say(ENGLISH_WORDS, 'en', 'entries', { count: 1 })).toBe('1 entry');
    expect(say(ENGLISH_WORDS, 'en', 'entries', { count: 3 })).toBe('3 entries');
    expect(say(es, 'es', 'answers_missing', { count: 2 })).toBe('Faltan 2 respuestas obligatorias');
    expect(say(es, 'es', 'answers_given', { answered: 24, count: 25, percent: 96 })).toBe('24 de 25 respuestas obligatorias dadas (96 %)');
  });

  it('writes dates as the locale says: ISO in English, in words in Spanish', () => {
    expect(sayDate(ENGLISH_WORDS, 'en', '2027-03-31')).toBe('2027-03-31');
    expect(sayDate(locale('es'), 'es', '2027-03-31')).toBe('31 de marzo de 2027');
  });

  it('a misspelt key in a locale file is an error at its line, with the closest key', () => {
    const tree = tempTree({ 'xx.yaml': 'contents: Inhalt\ncontnets: Inhalt\n' });
    try {
      expect(() => readLocaleFile(join(tree.dir, 'xx.yaml'), tree.dir)).toThrow(/contnets" is not a key of the fixed words; did you mean "contents"\?/);
    } finally {
      tree.cleanup();
    }
  });

  it('a template asking for a word there is not fails with its name', () => {
    const render = createRenderer({ main: { name: 'statement', file: 'x.hbs', text: '{{t "contnets"}}' }, partials: [] }, 'md');
    expect(() => render({ lang: 'en', words: ENGLISH_WORDS } as never)).toThrow(/there is no word "contnets"/);
  });
});
