// The glossary: terms to avoid, what to say instead, and why. The built-in one for child-support
// work is data (schemas/glossary/child-support.yaml); an agency adds its own in the config.
// Matching is case-insensitive on whole words, with plurals and possessives, across line breaks.
import { z } from 'zod';
import type { Severity } from '../findings/findings.js';
import { pluralPhrase } from './plural.js';

export const glossaryKinds = ['harmful', 'outdated', 'jargon'] as const;
export type GlossaryKind = (typeof glossaryKinds)[number];

/** Harmful labels fail `eis lint`; dated terms and jargon are warnings. */
export const kindSeverity: Record<GlossaryKind, Severity> = { harmful: 'error', outdated: 'warning', jargon: 'warning' };

/** Where an entry's advice comes from: a law, a style guide, a federal or state document. */
const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url().optional(),
  /** When it was issued: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  /** A rescinded source is kept as history; it cannot be the reason for an entry. */
  status: z.enum(['current', 'rescinded']),
});

const entrySchema = z.strictObject({
  term: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  use: z.string().min(1).optional(),
  /** What to write instead of a plural form, where \`use\` cannot simply be made plural. */
  usePlural: z.string().min(1).optional(),
  why: z.string().min(1),
  kind: z.enum(glossaryKinds).optional(),
  severity: z.enum(['error', 'warning']).optional(),
  sources: z.array(sourceSchema).optional(),
  /** No source eis can point to: the agency's own style, said so in findings. */
  style: z.literal('agency').optional(),
  /** Phrases in which a term is a name or a citation, not usage ("Deadbeat Parents Punishment Act"). */
  except: z.array(z.string().min(1)).optional(),
});

export const glossaryFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string(),
  entries: z.array(entrySchema).min(1),
});

export type GlossaryEntryInput = z.input<typeof entrySchema>;

export interface GlossaryEntry {
  /** The first term, as a slug: the finding code is `lint/glossary/<slug>`. */
  slug: string;
  terms: string[];
  use?: string | undefined;
  /** The replacement for a plural form: given in the glossary, or \`use\` made plural. */
  usePlural?: string | undefined;
  why: string;
  kind?: GlossaryKind | undefined;
  severity: Severity;
  /** `builtin:<id>` or `config`. */
  origin: string;
  /** The entry rests on the agency's own style rather than on a source. */
  agencyStyle?: boolean | undefined;
  /** Phrases in which its terms are names or citations, and not flagged. */
  except?: string[] | undefined;
}

export interface Glossary {
  entries: GlossaryEntry[];
  patterns: Array<{ entry: GlossaryEntry; term: string; pattern: RegExp; except?: RegExp | undefined }>;
}

export function termSlug(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function toEntry(input: GlossaryEntryInput, origin: string): GlossaryEntry {
  const terms = (Array.isArray(input.term) ? input.term : [input.term]).map((t) => t.trim()).filter(Boolean);
  return {
    slug: termSlug(terms[0] ?? '') || 'term',
    terms,
    use: input.use,
    usePlural: input.usePlural ?? (input.use === undefined ? undefined : pluralPhrase(input.use)),
    why: input.why,
    kind: input.kind,
    severity: input.severity ?? (input.kind ? kindSeverity[input.kind] : 'warning'),
    origin,
    ...(input.style === 'agency' ? { agencyStyle: true } : {}),
    ...(input.except?.length ? { except: input.except } : {}),
  };
}

/**
 * The glossary in force: the built-in entries, then the agency's. An agency entry with the same
 * slug as a built-in one replaces it, so an agency can reword or soften a built-in entry.
 */
export function buildGlossary(builtin: GlossaryEntry[], agency: GlossaryEntry[]): Glossary {
  const bySlug = new Map<string, GlossaryEntry>();
  for (const entry of [...builtin, ...agency]) bySlug.set(entry.slug, entry);
  const entries = [...bySlug.values()];
  // One pattern per term, so that where a longer term is ruled out (it runs into code), a shorter
  // one at the same place is still found.
  return {
    entries,
    patterns: entries.flatMap((entry) => {
      const except = entry.except?.length ? termPattern(entry.except) : undefined;
      return entry.terms.map((term) => ({ entry, term, pattern: termPattern([term]), except }));
    }),
  };
}

const HYPHEN = '[-\u2010\u2011]';
// Letters and digits of the Latin scripts. (Unicode property classes would be exact, but each
// pattern would then take milliseconds to compile, and glossaries are English.)
const WORD = '[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]';
// A letter or digit, or a hyphen joined to one, continues a word: "custodial parent" must not match
// inside "non-custodial parent".
const BEFORE = `(?<!${WORD}|${WORD}${HYPHEN})`;
const AFTER = `(?!${WORD}|${HYPHEN}${WORD})`;
// Plural and possessive forms of the last word: parents, parent's, parents', parent’s.
const INFLECTION = "(?:e?s)?(?:['’]s?)?";

/**
 * A regular expression matching any of the terms, as whole words, with inflections and any spacing.
 *
 * It must not backtrack: a glossary comes from a config in the repository, and a pattern whose
 * parts can share out the same characters in many ways takes exponential time on a line that
 * almost matches. "a--------------b" once gave 30 optional gaps in a row, each able to take any of
 * the spaces in "a                    c", and `eis lint` ran for minutes on that one line. So every
 * word and every part of a hyphenated word is a non-empty literal that starts with neither a space
 * nor a hyphen, and every gap between two of them is made of spaces and hyphens only: whatever a
 * gap takes, the literal after it decides at its first character, and a failed start costs time in
 * proportion to the pattern's length. Runs of hyphens in a term count as one gap, which also takes
 * a run of hyphens in the text.
 */
export function termPattern(terms: string[]): RegExp {
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .flatMap((term) => {
      const words = term
        .trim()
        .split(/\s+/)
        .map((word) =>
          word
            .split(/[-\u2010\u2011]+/)
            .filter((part) => part !== '')
            .map((part) => escapeRegExp(part).replace(/['’]/g, "['’]"))
            // "non-compliant" also matches "noncompliant", "non compliant" and a hyphen at a line break.
            .join(`(?:(?:${HYPHEN}\\s*)+|\\s+)?`),
        )
        .filter((word) => word !== '');
      return words.length ? [`${words.join(`(?:\\s+|\\s*${HYPHEN}\\s*)`)}${INFLECTION}`] : [];
    });
  // A term of hyphens alone matches nothing.
  if (!alternatives.length) return /(?!)/gi;
  return new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'gi');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface GlossaryMatch {
  start: number;
  end: number;
  entry: GlossaryEntry;
  /** The term matched, as the entry lists it. */
  term: string;
}

/**
 * Glossary terms in a text. Where matches overlap, the longest wins. `skip` rules out matches
 * (touching code, say) before that choice, so a shorter term can still be found there.
 */
export function matchGlossary(glossary: Glossary, text: string, skip?: (start: number, end: number) => boolean): GlossaryMatch[] {
  const all: GlossaryMatch[] = [];
  for (const { entry, term, pattern, except } of glossary.patterns) {
    pattern.lastIndex = 0;
    const cited = except ? rangesOf(except, text) : [];
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // Look again from the next character: "the handicapped person" holds two of one entry's terms.
      pattern.lastIndex = m.index + 1;
      const start = m.index;
      const end = start + m[0].length;
      // Inside a name or citation the entry lists ("the Deadbeat Parents Punishment Act"): not usage.
      if (cited.some(([a, b]) => a <= start && end <= b)) continue;
      if (m[0].length && !skip?.(start, end)) all.push({ start, end, entry, term });
    }
  }
  // "The handicapped persons": "handicapped person" (longer) wins over "the handicapped".
  // Two terms of one entry matching the same words count once.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: GlossaryMatch[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

function rangesOf(pattern: RegExp, text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!m[0].length) {
      pattern.lastIndex++;
      continue;
    }
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
