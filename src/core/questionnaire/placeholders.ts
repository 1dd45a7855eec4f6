// Finding the questionnaire's placeholders inside longer answers. Pure; compiled once per questionnaire.
// Inside a longer answer, a placeholder is a word of its own, written as the list writes it:
// "the budget is TBD." Only the list's capitalised entries of three characters or more (TBD, N/A,
// TODO, XXX) and runs of question marks ("??") are looked for there. A lowercase entry ("pending")
// is an ordinary word in a sentence, "tbd" or "todo" mid-sentence is rare (and "todo" is Spanish
// for "all"), "NA" is as often an abbreviation, and "?", "-" and "..." end questions, join words and
// trail off. "Word of its own": after the start, a space, an opening bracket or quote or Markdown
// emphasis or a currency sign ("$XXX"); before the end or a space, with closing punctuation between. So "TBDs", "N/A" in
// https://example.gov/N/A and "why??" are not placeholders, and "(TBD)" and "TBD." are.
const BEFORE = `(?<![^\\s([{"'\u201c\u2018*_\`\u2013\u2014$\u00a3\u20ac])`;
const AFTER = `(?=[.,;:!?)\\]}"'\u201d\u2019*_\`\u2013\u2014]*(?:\\s|$))`;

/** The placeholders worth finding inside longer answers: the words, and where they stand as words of their own. */
export interface PlaceholderSearch {
  words: string[];
  pattern: RegExp;
}

export function placeholderSearch(placeholders: readonly string[]): PlaceholderSearch | undefined {
  const words = [...new Set(placeholders.map((p) => p.trim()))]
    .filter((p) => (p.length >= 3 && /\p{Lu}/u.test(p) && !/\p{Ll}/u.test(p)) || /^\?{2,}$/.test(p))
    // Longest first, so "???" is named rather than "??".
    .sort((a, b) => b.length - a.length);
  if (!words.length) return undefined;
  const escaped = words.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // No "u" flag: with it, the expression runs several times slower, on every text answer of every statement.
  return { words, pattern: new RegExp(`${BEFORE}(?:${escaped.join('|')})${AFTER}`) };
}
