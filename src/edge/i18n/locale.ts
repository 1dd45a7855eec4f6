// The fixed words of rendered statements in a language: schemas/locales/<lang>.yaml, or a
// locales/<lang>.yaml beside the questionnaire (an agency adds a language without changing eis).
// Keys the file lacks stay English; a key English does not have is an error at its line.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EisError } from '../../core/errors.js';
import { ENGLISH_WORDS, type WordKey, type Words } from '../../core/i18n/words.js';
import { closest } from '../../core/questionnaire/model.js';
import { decodeText } from '../../core/yaml/decode.js';
import { parseYamlSource, positionOf } from '../../core/yaml/source.js';
import { displayPath } from '../files/discover.js';
import { packageRoot } from '../files/package-root.js';
import { readBytes } from '../files/statement-file.js';

export interface Locale {
  words: Words;
  /** The file the words came from; undefined for English built in. */
  file?: string | undefined;
  /** Keys the file does not have, shown in English. */
  missing: WordKey[];
}

export function builtinLocaleFolder(): string {
  return join(packageRoot(), 'schemas', 'locales');
}

/** The languages eis has fixed words for. */
export function localeLanguages(): string[] {
  try {
    return readdirSync(builtinLocaleFolder())
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return ['en'];
  }
}

const DATE_STYLES = ['iso', 'full', 'long', 'medium', 'short'];

/** The file holding the words for `lang`: beside the questionnaire first, then built in; the base language (`es` for `es-MX`) after the tag. */
export function localeFile(lang: string, questionnaireFolder?: string): string | undefined {
  const folders = [...(questionnaireFolder ? [join(questionnaireFolder, 'locales')] : []), builtinLocaleFolder()];
  for (const tag of new Set([lang, lang.split('-')[0]!]))
    for (const folder of folders) {
      const file = join(folder, `${tag}.yaml`);
      if (existsSync(file)) return file;
    }
  return undefined;
}

/** The fixed words in `lang`: English for a language with no locale file. */
export function loadLocale(lang: string, cwd: string, questionnaireFolder?: string): Locale {
  const file = localeFile(lang, questionnaireFolder);
  if (!file) return { words: ENGLISH_WORDS, missing: [] };
  return readLocaleFile(file, cwd);
}

export function readLocaleFile(file: string, cwd: string): Locale {
  const shown = displayPath(file, cwd);
  const yaml = parseYamlSource(decodeText(readBytes(file, 'locale file'), shown), shown);
  const fail = (path: string[], message: string, hint: string): never => {
    const pos = positionOf(yaml, path);
    throw new EisError(message, { file: shown, line: pos.line, column: pos.column, hint });
  };
  const data = yaml.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail([], 'a locale file is a mapping of keys to words.', 'See schemas/locales/en.yaml for the keys.');
  const known = Object.keys(ENGLISH_WORDS);
  const words: Record<string, string> = { ...ENGLISH_WORDS };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    // Plural forms a language needs beyond English's one and other are allowed for any plural family.
    const family = /^(.+)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
    if (!known.includes(key) && !(family && known.includes(`${family}_other`))) {
      const best = closest(key, known);
      fail([key], `"${key}" is not a key of the fixed words${best ? `; did you mean "${best}"?` : ''}.`, 'The keys are those of schemas/locales/en.yaml; see docs/translations.md.');
    }
    if (typeof value !== 'string' || !value.trim()) fail([key], `"${key}" must be a word or a sentence.`, 'Write the text after the colon; quote it when it starts with { or holds ": ".');
    if (key === 'date_style' && !DATE_STYLES.includes(value as string)) fail([key], `date_style is one of ${DATE_STYLES.join(', ')}.`, 'iso writes 2027-03-31; long writes the month as a word.');
    words[key] = value as string;
  }
  const missing = known.filter((k) => !Object.hasOwn(data, k)) as WordKey[];
  return { words: words as Words, file, missing };
}
