// Words judged in their context before they are reported: a term of art ("simple interest"), a
// proper name ("Fathers' Rights Coalition"), and a quotation (a parent's own words) use words that
// the glossary or retext-equality would flag on their own, without being the writer's word choice.
import { COMPOUND_TERMS } from './compounds.js';
import { termPattern } from './glossary.js';
import type { Range } from './inline.js';

let compounds: RegExp | undefined;

/** Where the text holds a term of art of COMPOUND_TERMS. */
export function compoundRanges(text: string): Range[] {
  compounds ??= termPattern([...COMPOUND_TERMS]);
  return rangesOf(compounds, text);
}

/**
 * Quotations: text between double quotation marks, straight ("...") or curly (“...”), or between
 * curly single ones (‘...’). An opening mark with no closing one in the same text quotes nothing:
 * better a finding too many than words hidden by a stray mark.
 */
export function quotedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  const re = /"[^"]*"|“[^”]*”|(?<![\p{L}\p{N}])‘[\s\S]*?’(?![\p{L}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

// Small words inside a name: "Department of Child Support Services", "Mothers and Fathers for Kids".
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'de', 'la', 'del', 'y', '&']);
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*['’]?|&/gu;

/**
 * Proper names: runs of two or more capitalised words, with only spaces and small connecting
 * words between them ("Fathers' Rights Coalition", "Single Mothers Network"). In a heading written
 * in title case every word is capitalised, so capitals say nothing there and no name is found.
 */
export function nameRanges(text: string, heading: boolean): Range[] {
  const tokens: Array<{ start: number; end: number; word: string }> = [];
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  const capital = (word: string) => /^\p{Lu}/u.test(word);
  if (heading && titleCase(tokens.map((t) => t.word))) return [];
  const ranges: Range[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!capital(tokens[i]!.word)) {
      i++;
      continue;
    }
    let last = i;
    let capitals = 1;
    let j = i + 1;
    // Extend while only spaces separate the words, through connectors, to the next capitalised word.
    while (j < tokens.length && /^[ \t\n]+$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) {
      const word = tokens[j]!.word;
      if (capital(word)) {
        last = j;
        capitals++;
      } else if (!CONNECTORS.has(word.toLowerCase())) break;
      j++;
    }
    // "Mothers in California can apply": a sentence's first word is capitalised anyway, so it does
    // not start a name through a small word.
    const initial = /(?:^|[.!?:]["”’)]*)\s*$/.test(text.slice(0, tokens[i]!.start));
    if (capitals >= 2 && initial && last > i && !capital(tokens[i + 1]!.word)) {
      i++;
      continue;
    }
    if (capitals >= 2) ranges.push({ start: tokens[i]!.start, end: tokens[last]!.end });
    i = last + 1;
  }
  return ranges;
}

function titleCase(words: string[]): boolean {
  const long = words.filter((w) => w.length >= 4 && /^\p{L}/u.test(w));
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

export function within(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => r.start <= start && end <= r.end);
}

function rangesOf(pattern: RegExp, text: string): Range[] {
  const ranges: Range[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!m[0].length) {
      pattern.lastIndex++;
      continue;
    }
    ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}
