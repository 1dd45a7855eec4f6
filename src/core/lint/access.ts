// Lint findings as a record of language to replace: "found", "replacement", "where". The interview
// can offer these as entries of whichever list question records replaced language; the question and
// its field ids come from the questionnaire, never from here.
import type { LintFinding } from './suppress.js';

export interface Replacement {
  /** The words as found, in lower case unless they are an abbreviation. */
  found: string;
  /** The suggested wording. */
  replacement: string;
  /** Where they were found: `file:line` for each place, joined with commas. */
  where: string;
  /** The finding code, for reviewers. */
  code: string;
}

/**
 * One replacement per distinct wording found, for findings that suggest one (glossary terms and
 * inclusive-language findings; readability and profanity have no single replacement). In order of
 * first appearance.
 */
export function replacementsFrom(findings: LintFinding[]): Replacement[] {
  const byFound = new Map<string, Replacement & { places: string[] }>();
  const ordered = [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  for (const f of ordered) {
    const replacement = f.suggestions?.[0];
    if (!f.phrase || replacement === undefined || f.code === 'lint/readability') continue;
    const found = f.phrase === f.phrase.toUpperCase() && f.phrase.length <= 5 ? f.phrase : f.phrase.toLowerCase();
    const key = `${f.code}\u0000${found}`;
    const place = `${f.file}:${f.line}`;
    const known = byFound.get(key);
    if (known) {
      if (!known.places.includes(place)) known.places.push(place);
      continue;
    }
    byFound.set(key, { found, replacement, where: '', code: f.code, places: [place] });
  }
  return [...byFound.values()].map(({ places, ...r }) => ({ ...r, where: places.join(', ') }));
}

/**
 * Entries for a list question, with the questionnaire's own field ids: `fields` names which field
 * holds the words found, the replacement and (optionally) where. Entries whose words are already
 * recorded (compared without case) are left out, so offering them twice adds nothing.
 */
export function replacementEntries(
  replacements: Replacement[],
  fields: { found: string; replacement: string; where?: string },
  existing: Array<Record<string, unknown>> = [],
): Array<Record<string, string>> {
  const recorded = new Set(
    existing.map((e) =>
      String(e[fields.found] ?? '')
        .trim()
        .toLowerCase(),
    ),
  );
  return replacements
    .filter((r) => !recorded.has(r.found.toLowerCase()))
    .map((r) => ({ [fields.found]: r.found, [fields.replacement]: r.replacement, ...(fields.where ? { [fields.where]: r.where } : {}) }));
}
