// The fixed words a view is built with, in the output language (core/i18n/words.ts).
import { say, sayDate, type Words } from '../../i18n/words.js';

export interface Sayer {
  lang: string;
  words: Words;
  /** The word for `key`, its {placeholders} filled; plural families take `count`. */
  say: (key: string, params?: Record<string, unknown>) => string;
  /** A YYYY-MM-DD date as the language writes it. */
  date: (iso: string) => string;
}

export function sayer(words: Words, lang: string): Sayer {
  return { lang, words, say: (key, params) => say(words, lang, key, params), date: (iso) => sayDate(words, lang, iso) };
}
