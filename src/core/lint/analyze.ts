// Language findings in texts (a memo, or the answers of a statement): retext-equality for
// inclusive language, retext-profanities, the reading grade of each paragraph, and the glossary.
// Pure: text in, hits with offsets out. Placing them on lines is the caller's job.
import { startAtOrBefore } from '../line-starts.js';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import retextProfanities from 'retext-profanities';
import type { Root } from 'nlcst';
import type { Severity } from '../findings/findings.js';
import type { FindingCode } from '../findings/catalogue.js';
import { type Audience, commentAudience, isAudience, type StatedAudience } from './audience.js';
import { compoundRanges, nameRanges, quotedRanges, within } from './context.js';
import { matchGlossary, type Glossary, type GlossaryMatch } from './glossary.js';
import { isPluralForm } from './plural.js';
import { MIN_PARAGRAPH_WORDS, paragraphGrade } from './readability.js';
import type { Range } from './inline.js';
import { proseOf, type DocComment, type DocumentKind, type ProseUnit } from './prose.js';

export type { Audience };

export interface LintSettings {
  /** Highest acceptable reading grade of a paragraph of public text. */
  grade: number;
  glossary: Glossary;
  audience: Audience;
}

/** A finding inside a text, before it has a file and a line. */
export interface Hit {
  code: FindingCode;
  severity: Severity;
  message: string;
  hint?: string;
  /** The words found, as written. */
  phrase: string;
  /** What to write instead, best first. */
  suggestions?: string[];
  /** Offsets in the text. */
  start: number;
  end: number;
}

export interface TextAnalysis {
  hits: Hit[];
  comments: DocComment[];
  /** An `eis-audience` comment in the text, as written; its offset is the comment's. */
  statedAudience?: StatedAudience;
}

// Words retext-equality reports that are terms of art in child-support work: "paternity" is a
// legal finding, not a gendered word choice ("establishing paternity" is covered by the glossary).
const EQUALITY_IGNORE = ['paternity', 'maternity'];

// retext-profanities' "likely" list (sureness 1) catches slurs that retext-equality misses, but
// it also holds words that are ordinary in child-support and equity writing. These are not
// reported; harmful uses of them are covered by retext-equality and the glossary.
export const PROFANITY_IGNORE = [
  'abuse',
  'abuses',
  'abortion',
  'black',
  'white',
  'illegal',
  'gross',
  'drug',
  'drugs',
  'drunk',
  'hiv',
  'sex',
  'sexual',
  'sexually',
  'homicide',
  'murder',
  'suicide',
  'rape',
  'raped',
  'incest',
  'molest',
  'molestation',
  'torture',
  'trap',
  'crack',
  'god',
  'interracial',
  'radical',
  'radicals',
  'liquor',
  'heroin',
  'cocaine',
  'marijuana',
  'meth',
  'narcotic',
  'narcotics',
  'intercourse',
  'genital',
  'uterus',
  'lactate',
  'condom',
  'condoms',
  'protestant',
  'nigerian',
  'nigerians',
  'welfare',
  'triplex',
  'stringer',
  'tinker',
  'tinkers',
  'spit',
  'vomit',
  'pee',
  'ball',
  'balls',
  'stroke',
  'period',
];

interface RetextResult {
  messages: Array<Record<string, unknown>>;
}
type Processor = { processSync(text: string): RetextResult; parse(text: string): unknown };
let processor: Processor | undefined;

function retext(): Processor {
  if (processor) return processor;
  const built = unified()
    .use(retextEnglish)
    .use(retextEquality, { ignore: EQUALITY_IGNORE })
    .use(retextProfanities, { sureness: 1, ignore: PROFANITY_IGNORE })
    .use(noOutput as never);
  return (processor = built as unknown as Processor);
}

/** Nothing to write back: the messages are the result. */
function noOutput(this: { compiler: unknown }) {
  this.compiler = () => '';
}

// All units of all texts are joined into one paragraph for retext: retext-profanities prepares its
// word list on every run, and retext-equality on every paragraph, so one run instead of one per
// unit saves most of the time. A pilcrow between units keeps them apart: no phrase matches across
// it, and retext-english does not read "crazy." before a unit that starts in lower case as one
// word (an abbreviation), as it does across a bare line break.
const SEPARATOR = ' \u00b6 ';

export interface TextInput {
  text: string;
  kind: DocumentKind;
  /** Overrides `settings.audience` for this text; an `eis-audience` comment inside it overrides both. */
  audience?: Audience | undefined;
}

/** Analyses a Markdown or plain-text document. Line endings must already be `\n`. */
export function analyzeText(text: string, kind: DocumentKind, settings: LintSettings): TextAnalysis {
  return analyzeTexts([{ text, kind }], settings)[0]!; // one text, one result
}

/**
 * The most characters of one text (a memo, or one answer) that are analysed. The language tools
 * read about 30,000 characters a second, and a text this long (some 15,000 words) is more likely a
 * pasted file than something written for the public: the rest is reported as not read
 * (lint/too-long), so that a run on a huge answer ends in seconds and nobody mistakes it for a pass.
 */
export const MAX_ANALYSED_CHARS = 100_000;

/** Analyses several texts (the answers of a statement) in one pass; results in the same order. */
export function analyzeTexts(inputs: TextInput[], settings: LintSettings): TextAnalysis[] {
  const lengths = inputs.map((input) => analysedLength(input.text));
  const proses = inputs.map((input, i) => proseOf(input.text.slice(0, lengths[i]), input.kind));
  const results: TextAnalysis[] = proses.map((prose) => ({ hits: [], comments: prose.comments }));
  const audiences = proses.map((prose, i) => {
    const stated = prose.comments.flatMap((c) => {
      const value = commentAudience(c.body);
      return value === undefined ? [] : [{ value, offset: c.start }];
    })[0];
    if (stated) results[i]!.statedAudience = stated;
    return stated && isAudience(stated.value) ? stated.value : (inputs[i]!.audience ?? settings.audience);
  });
  // lengths, proses and results go by input; offsets and glossaryByUnit (below) by unit.
  inputs.forEach((input, i) => {
    const length = lengths[i]!;
    if (length < input.text.length) results[i]!.hits.push(tooLongHit(input.text, length));
  });
  const units = proses.flatMap((prose, doc) => prose.units.map((unit) => ({ unit, doc })));
  const offsets: number[] = [];
  let joined = '';
  for (const { unit } of units) {
    if (joined) joined += SEPARATOR;
    offsets.push(joined.length);
    // A blank line would start a new paragraph; a line break is as good a space as any.
    joined += unit.text.replace(/\n/g, ' ');
  }
  const unitAt = (offset: number) => startAtOrBefore(offsets, offset);
  const contexts = units.map(({ unit }) => contextOf(unit));
  const glossaryByUnit = units.map(({ unit }) => matchGlossary(settings.glossary, unit.text, (start, end) => touchesExcluded(unit, start, end)));
  units.forEach(({ unit, doc }, u) => {
    const context = contexts[u]!;
    // A term of art is not reported; a quotation is someone else's words, reported only when the
    // entry is an error (a harmful label quoted should carry a waiver that says why).
    const used = glossaryByUnit[u]!.filter((g) => !within(context.compounds, g.start, g.end) && !(g.entry.severity === 'warning' && quoted(unit, context, g.start, g.end)));
    results[doc]!.hits.push(...glossaryHits(unit, used));
  });

  if (units.length) {
    for (const message of retext().processSync(joined).messages) {
      const place = message.place as { start?: { offset?: number }; end?: { offset?: number } } | undefined;
      if (place?.start?.offset === undefined || place.end?.offset === undefined) continue;
      const u = unitAt(place.start.offset);
      const { unit, doc } = units[u]!;
      const start = place.start.offset - offsets[u]!;
      const end = Math.min(place.end.offset - offsets[u]!, unit.text.length);
      if (start >= unit.text.length || touchesExcluded(unit, start, end)) continue;
      // The glossary speaks for the agency: where it has something to say, retext stays quiet.
      if (glossaryByUnit[u]!.some((g) => start < g.end && g.start < end)) continue;
      const hit = retextHit(message, unit, start, end);
      if (hit && !outOfPlace(hit, unit, contexts[u]!, start, end)) results[doc]!.hits.push(hit);
    }
  }

  // The reading grade is for text the public reads, in the writer's own words.
  for (const { unit, doc } of units) {
    if (audiences[doc] !== 'public' || unit.quoted) continue;
    // Counting words first spares parsing the many units too short to judge.
    if (unit.kind !== 'paragraph' || (unit.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < MIN_PARAGRAPH_WORDS) continue;
    const hit = readabilityHit(unit, retext().parse(unit.text) as Root, settings.grade);
    if (hit) results[doc]!.hits.push(hit);
  }
  for (const result of results) result.hits.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : 1));
  return results;
}

/** How much of a text is analysed: all of it, or MAX_ANALYSED_CHARS moved back to a paragraph break or a space, so that no word is cut in two. */
function analysedLength(text: string): number {
  if (text.length <= MAX_ANALYSED_CHARS) return text.length;
  const paragraph = text.lastIndexOf('\n\n', MAX_ANALYSED_CHARS);
  if (paragraph > MAX_ANALYSED_CHARS * 0.9) return paragraph;
  for (let i = MAX_ANALYSED_CHARS; i > MAX_ANALYSED_CHARS * 0.9; i--) if (/\s/.test(text.charAt(i))) return i;
  // One word of 10,000 characters: cut it, but not between the halves of a surrogate pair.
  const code = text.charCodeAt(MAX_ANALYSED_CHARS - 1);
  return code >= 0xd800 && code <= 0xdbff ? MAX_ANALYSED_CHARS - 1 : MAX_ANALYSED_CHARS;
}

function tooLongHit(text: string, analysed: number): Hit {
  const next = text.slice(analysed, analysed + 1000).search(/\S/);
  const start = next === -1 ? analysed : analysed + next;
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    code: 'lint/too-long',
    severity: 'error',
    message: `This text is ${count(text.length)} characters long; eis lint reads the first ${count(MAX_ANALYSED_CHARS)} at most, and did not read the rest, from here.`,
    hint: 'Nothing past this point was checked. Shorten the text (is it a pasted file?), or put long material in a document of its own.',
    phrase: '',
    start,
    end: text.length,
  };
}

interface UnitContext {
  compounds: Range[];
  names: Range[];
  quotations: Range[];
}

function contextOf(unit: ProseUnit): UnitContext {
  return { compounds: compoundRanges(unit.text), names: nameRanges(unit.text, unit.kind === 'heading'), quotations: quotedRanges(unit.text) };
}

function quoted(unit: ProseUnit, context: UnitContext, start: number, end: number): boolean {
  return unit.quoted === true || within(context.quotations, start, end);
}

/**
 * A retext finding that context shows is not the writer's word choice: a term of art, a word of a
 * proper name, or a warning inside a quotation. Errors (outright profanity) are kept in quotations.
 */
function outOfPlace(hit: Hit, unit: ProseUnit, context: UnitContext, start: number, end: number): boolean {
  if (within(context.compounds, start, end) || within(context.names, start, end)) return true;
  return hit.severity === 'warning' && quoted(unit, context, start, end);
}

function touchesExcluded(unit: ProseUnit, start: number, end: number): boolean {
  return unit.excluded.some((r) => start < r.end && r.start < end);
}

function toDoc(unit: ProseUnit, offset: number): number {
  return unit.map[Math.max(0, Math.min(offset, unit.text.length))]!; // map has an entry for every offset to the end
}

function glossaryHits(unit: ProseUnit, matches: GlossaryMatch[]): Hit[] {
  return matches.map((m) => {
    const phrase = collapse(unit.text.slice(m.start, m.end));
    const { entry } = m;
    // "obligors" -> "parents who pay support": the replacement agrees in number with the words found.
    const use = entry.use && isPluralForm(phrase, m.term) ? (entry.usePlural ?? entry.use) : entry.use;
    const hit: Hit = {
      code: `lint/glossary/${entry.slug}`,
      severity: entry.severity,
      message: use ? `Instead of "${phrase}", write "${use}".` : `Avoid "${phrase}".`,
      // Said plainly when no law or guide stands behind it: the agency's style, for writers to weigh.
      hint: entry.agencyStyle ? `${entry.why} (Agency style.)` : entry.why,
      phrase,
      start: toDoc(unit, m.start),
      end: toDoc(unit, m.end),
    };
    if (use) hit.suggestions = [use];
    return hit;
  });
}

function retextHit(message: Record<string, unknown>, unit: ProseUnit, start: number, end: number): Hit | undefined {
  const phrase = collapse(String(message.actual ?? unit.text.slice(start, end)));
  const expected = Array.isArray(message.expected) ? (message.expected as string[]) : [];
  const rule = String(message.ruleId ?? 'unknown');
  const source = String(message.source);
  if (source.startsWith('retext-equality')) {
    const shown = expected.slice(0, 4).map((e) => `"${e}"`);
    const hit: Hit = {
      code: `lint/equality/${rule}`,
      severity: 'warning',
      message: `"${phrase}" may be insensitive; ${shown.length ? `consider ${joinOr(shown)}` : 'try to do without it'}.`,
      phrase,
      start: toDoc(unit, start),
      end: toDoc(unit, end),
    };
    const note = noteOf(String(message.reason ?? ''));
    if (note) hit.hint = note;
    if (expected.length) hit.suggestions = expected;
    return hit;
  }
  if (source.startsWith('retext-profanities')) {
    const sure = message.profanitySeverity === 2;
    return {
      code: `lint/profanity/${rule}`,
      severity: sure ? 'error' : 'warning',
      message: sure ? `"${phrase}" is profane.` : `"${phrase}" may be profane or offensive.`,
      phrase,
      start: toDoc(unit, start),
      end: toDoc(unit, end),
    };
  }
  return undefined;
}

function readabilityHit(unit: ProseUnit, tree: Root, target: number): Hit | undefined {
  const result = paragraphGrade(tree);
  if (!result || result.grade <= target) return undefined;
  const first = unit.text.search(/\S/);
  const { hardest } = result;
  return {
    code: 'lint/readability',
    severity: 'warning',
    message: `This paragraph reads at about grade ${result.grade}; aim for grade ${target} or below.`,
    hint: `Its hardest sentence (grade ${hardest.grade}) begins "${hardest.opening}". Split long sentences and prefer short, everyday words.`,
    phrase: openingWords(unit.text),
    start: toDoc(unit, first),
    end: toDoc(unit, unit.text.trimEnd().length),
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function openingWords(text: string): string {
  const words = collapse(text).split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

function joinOr(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** retext-equality qualifies some findings ("when referring to a person"); keep that part. */
function noteOf(reason: string): string | undefined {
  const m = /, (when [^,]+),/.exec(reason);
  return m ? `This applies ${m[1]}.` : undefined;
}
