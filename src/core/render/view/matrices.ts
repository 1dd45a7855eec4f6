// The impact matrices: for each list with a direction field (matrix.ts), its entries by direction,
// with counts per column.
import type { Field, Questionnaire } from '../../questionnaire/model.js';
import type { Visibility } from '../../questionnaire/visibility.js';
import { entriesOf, entryName, type Entry } from '../../questionnaire/answers.js';
import { directionField, SYMBOLS, toneOf, type Tone } from '../matrix.js';
import { slug, type EntryAnchors } from './anchors.js';
import { sectionAnswers } from './lookup.js';
import type { Sayer } from './say.js';

export interface MatrixColumnView {
  value: string;
  label: string;
  symbol: string;
  tone: Tone;
  count: number;
}

export interface MatrixCellView {
  match: boolean;
  value: string;
  label: string;
  symbol: string;
  tone: Tone;
}

export interface MatrixRowView {
  name: string;
  href: string | null;
  /** The label of the chosen direction, or null when not answered. */
  direction: string | null;
  symbol: string | null;
  tone: Tone | null;
  cells: MatrixCellView[];
}

export interface MatrixView {
  key: string;
  /** "Affected populations by effect". */
  caption: string;
  listLabel: string;
  fieldLabel: string;
  href: string;
  columns: MatrixColumnView[];
  rows: MatrixRowView[];
  /** Entries whose direction is not answered. */
  unanswered: number;
}

/** A matrix for each shown list with a direction field, unless it is empty and not required. */
export function matrixViews(model: Questionnaire, answers: Record<string, unknown>, shown: Visibility, entryAnchors: EntryAnchors, words: Sayer): MatrixView[] {
  const matrices: MatrixView[] = [];
  for (const section of model.sections) {
    if (!shown.section(section.id).shown) continue;
    for (const q of section.questions) {
      const field = directionField(q);
      const state = shown.question(q.key);
      if (!field || !state.shown) continue;
      const entries = entriesOf(sectionAnswers(answers, section)[q.id]);
      if (!entries.length && !state.required) continue;
      matrices.push(matrixView(q, field, entries, entryAnchors.get(q.key)!, `q-${slug(section.id)}-${slug(q.id)}`, words));
    }
  }
  return matrices;
}

function matrixView(list: Field, field: Field, entries: Entry[], anchors: Map<string, string | null>, listAnchor: string, { say, lang }: Sayer): MatrixView {
  const choices = field.choices ?? [];
  const columns: MatrixColumnView[] = choices.map((c) => {
    const tone = toneOf(c.value);
    return { value: c.value, label: c.label, symbol: SYMBOLS[tone], tone, count: entries.filter((e) => e[field.id] === c.value).length };
  });
  const rows = entries.map((entry): MatrixRowView => {
    const chosen = columns.find((c) => c.value === entry[field.id]);
    const href = typeof entry.id === 'string' ? anchors.get(entry.id) : undefined;
    return {
      name: entryName(list, entry),
      href: href ? `#${href}` : null,
      direction: chosen?.label ?? null,
      symbol: chosen?.symbol ?? null,
      tone: chosen?.tone ?? null,
      cells: columns.map((c) => ({ match: c === chosen, value: c.value, label: c.label, symbol: c.symbol, tone: c.tone })),
    };
  });
  return {
    key: list.key,
    caption: say('matrix_caption', { list: list.label, field: field.label.toLocaleLowerCase(lang) }),
    listLabel: list.label,
    fieldLabel: field.label,
    href: `#${listAnchor}`,
    columns,
    rows,
    unanswered: rows.filter((r) => r.direction === null).length,
  };
}
