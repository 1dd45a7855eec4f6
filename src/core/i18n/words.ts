// The fixed words of rendered statements (headings, "Complete", the impact matrix, gaps, approval),
// by key. English is built in, so that a view needs nothing else; other languages come from
// schemas/locales/<lang>.yaml (src/edge/render/locale.ts), which must have the same keys. A key
// ending in _one or _other is a plural: `say` picks the form for the count by the language's rules.
export const ENGLISH_WORDS = {
  /** How dates eis shows are written: `iso` (2027-03-31) or an Intl dateStyle (long: March 31, 2027). */
  date_style: 'iso',
  skip_link: 'Skip to the statement',
  untitled: 'Untitled statement',
  title_missing: 'The title is not answered.',
  questionnaire: 'Questionnaire',
  questionnaire_version: '{title}, version {version}',
  rendered_on: 'Rendered on',
  contents: 'Contents',
  at_a_glance: 'At a glance',
  completeness: 'Completeness',
  complete: 'Complete',
  complete_with_warnings_one: 'Complete, with {count} warning',
  complete_with_warnings_other: 'Complete, with {count} warnings',
  answers_missing_one: '{count} required answer missing',
  answers_missing_other: '{count} required answers missing',
  problems_one: '{count} problem',
  problems_other: '{count} problems',
  warnings_one: '{count} warning',
  warnings_other: '{count} warnings',
  answers_given_one: '{answered} of {count} required answer given ({percent}%)',
  answers_given_other: '{answered} of {count} required answers given ({percent}%)',
  error: 'Error',
  warning: 'Warning',
  whole_statement: 'The whole statement',
  entry_number: 'entry {number}',
  impact_matrix: 'Impact matrix: {name}',
  matrix_caption: '{list} by {field}',
  matrix_note: 'Each row is one entry; the mark shows its {field}.',
  no_entries: 'No entries yet.',
  total: 'Total',
  without_answer_one: '{count} entry without an answer for {field}.',
  without_answer_other: '{count} entries without an answer for {field}.',
  entries_one: '{count} entry',
  entries_other: '{count} entries',
  no_answers_yet: 'No answers yet.',
  not_needed: 'Not needed for this statement, and not answered.',
  yes: 'Yes',
  no: 'No',
  not_answered: 'Not answered',
  required_note: '(required)',
  is_placeholder: '“{placeholder}” is a placeholder',
  is_placeholder_required: '“{placeholder}” is a placeholder, and this question is required',
  placeholder_cell: '“{placeholder}” (placeholder)',
  placeholder_cell_required: '“{placeholder}” (placeholder, not answered)',
  not_answered_lower: 'not answered',
  not_complete: 'Not complete',
  list_needs_more: 'this list needs more entries',
  no_such_entry: 'no such entry',
  detail: 'Detail',
  answer: 'Answer',
  page: 'Page',
  page_of: 'of',
  footer: 'Equity impact statement answering {title}, version {version} ({ref}). Rendered by eis.',
  approval_approved: 'Approved',
  approval_changes_requested: 'Changes requested',
  approval_stale: 'Approval out of date',
  approval_pending: 'Not approved',
  person_on: '{person} on {date}',
  approved_by: 'Approved by {people}, for the memo and the answers as they are now.',
  changes_requested_by: 'Changes requested by {people}.',
  approval_no_longer_covers: "{name}'s approval no longer covers it: {changes}",
  approval_of_no_longer_covers: "{name}'s approval of {date} no longer covers it: {changes}",
  needs_approval_from: 'It still needs an approval from {roles}.',
  approved_so_far: 'Approved so far by {people}.',
} as const;

export type WordKey = keyof typeof ENGLISH_WORDS;
export type Words = Record<WordKey, string>;

/** The plural families: `entries` for entries_one and entries_other. */
const pluralOf = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, lang: string, make: (lang: string) => T): T {
  let value = map.get(lang);
  if (!value) {
    try {
      value = make(lang);
    } catch {
      value = make('en');
    }
    map.set(lang, value);
  }
  return value;
}

/** The word for `key` with its {placeholders} filled; for a plural family, the form `count` takes. */
export function say(words: Readonly<Record<string, string>>, lang: string, key: string, params: Readonly<Record<string, unknown>> = {}): string {
  let text = Object.hasOwn(words, key) ? words[key] : undefined;
  if (text === undefined && typeof params.count === 'number') {
    const form = cached(pluralRules, lang, (l) => new Intl.PluralRules(l)).select(params.count);
    const family = pluralOf(key);
    text = Object.hasOwn(words, `${family}_${form}`) ? words[`${family}_${form}`] : words[`${family}_other`];
  }
  if (text === undefined) return key;
  const numbers = cached(numberFormats, lang, (l) => new Intl.NumberFormat(l, { useGrouping: false }));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? numbers.format(value) : String(value ?? '');
  });
}

/** Whether `key` names a word or a plural family of `words`. */
export function hasWord(words: Readonly<Record<string, string>>, key: string): boolean {
  return Object.hasOwn(words, key) || Object.hasOwn(words, `${key}_other`);
}

/** A YYYY-MM-DD date as the words' `date_style` writes it; the date itself when it is not one. */
export function sayDate(words: Readonly<Record<string, string>>, lang: string, iso: string): string {
  const style = words.date_style;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || style === undefined || style === 'iso' || !['full', 'long', 'medium', 'short'].includes(style)) return iso;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: style as 'long', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  } catch {
    return iso;
  }
}
