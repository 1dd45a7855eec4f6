// One answer as a template shows it: its text, the choices or references it names, and for a list
// the table of its entries (whose cells are answers again).
import type { Field, Questionnaire } from '../../questionnaire/model.js';
import type { QuestionShown } from '../../questionnaire/visibility.js';
import { entryName, isAnswered, isPlaceholder } from '../../questionnaire/answers.js';
import type { EntryAnchors } from './anchors.js';
import type { ListLookup } from './lookup.js';
import type { Sayer } from './say.js';

export interface ItemView {
  text: string;
  /** The entry id a reference points at, else null. */
  id: string | null;
  /** `#anchor` of the referenced entry, when it exists. */
  href: string | null;
  /** False for a reference to an entry that does not exist. */
  known: boolean;
}

export interface AnswerView {
  type: string;
  /** The partial that shows this answer: the answer type. */
  partial: string;
  answered: boolean;
  required: boolean;
  /** Required and not answered. */
  missing: boolean;
  /** The placeholder ("TBD") written instead of an answer, else null. */
  placeholder: string | null;
  /** One-line text: the answer, choice labels, or list entry names, joined. Null when unanswered. */
  text: string | null;
  /** Markdown source, for markdown answers. */
  markdown: string | null;
  /** Choices picked, references, or list entries. */
  items: ItemView[];
  list: ListView | null;
  /** The language of the answer's own words, when it differs from the page's (the statement's `language:`); null for choices, dates, numbers. */
  lang: string | null;
  /** A date answer as written (YYYY-MM-DD), for machines; `text` is the date in words. */
  datetime: string | null;
}

export interface CellView extends AnswerView {
  id: string;
  label: string;
  /** The cell that names the entry: a row header. */
  isLabel: boolean;
}

export interface RowView {
  id: string | null;
  name: string;
  anchor: string | null;
  cells: CellView[];
}

export interface ColumnView {
  id: string;
  label: string;
  type: string;
  isLabel: boolean;
}

export interface ListView {
  columns: ColumnView[];
  rows: RowView[];
  count: number;
}

/** What an answer's view reads besides the answer: the whole statement, for references. */
export interface AnswerContext {
  model: Questionnaire;
  answers: Record<string, unknown>;
  /** The statement's lists, read once: references are looked up by id in them. */
  lists: ListLookup;
  entryAnchors: EntryAnchors;
  words: Sayer;
  /** The statement's language when it is not the page's, else null. */
  answerLang: string | null;
}

/** `state` is the question's visibility, which a list's entries come from; undefined for a field of an entry. */
export function answerView(ctx: AnswerContext, field: Field, value: unknown, required: boolean, state: QuestionShown | undefined): AnswerView {
  const { model } = ctx;
  const answered = isAnswered(model, value);
  const view: AnswerView = {
    type: field.type,
    partial: field.type,
    answered,
    required,
    missing: required && !answered,
    placeholder: isPlaceholder(model, value) ? String(value).trim() : null,
    text: null,
    markdown: null,
    items: [],
    list: null,
    lang: answered && FREE_TEXT.has(field.type) ? ctx.answerLang : null,
    datetime: null,
  };
  if (field.type === 'list') {
    view.list = listView(ctx, field, state);
    view.items = view.list.rows.map((r) => ({ text: r.name, id: r.id, href: r.anchor ? `#${r.anchor}` : null, known: true }));
    view.text = view.items.length ? view.items.map((i) => i.text).join(', ') : null;
    if (required && field.minEntries !== undefined && view.list.count < field.minEntries) view.missing = true;
    return view;
  }
  if (!answered) return view;
  switch (field.type) {
    case 'markdown':
      view.markdown = String(value);
      view.text = String(value).replace(/\s+/g, ' ').trim();
      break;
    case 'choice':
      view.text = choiceLabel(field, value);
      break;
    case 'yes-no':
      view.text = value === true || value === 'yes' ? ctx.words.say('yes') : value === false || value === 'no' ? ctx.words.say('no') : String(value);
      break;
    case 'multi-choice': {
      const values = Array.isArray(value) ? value : [value];
      view.items = values.filter((v) => isAnswered(model, v)).map((v) => ({ text: choiceLabel(field, v), id: null, href: null, known: true }));
      view.text = view.items.map((i) => i.text).join(', ');
      break;
    }
    case 'reference': {
      const refs = (Array.isArray(value) ? value : [value]).filter((v) => isAnswered(model, v));
      const target = field.to ? model.questions.get(field.to) : undefined;
      const anchors = field.to ? ctx.entryAnchors.get(field.to) : undefined;
      view.items = refs.map((ref) => {
        const id = String(ref);
        const entry = target ? ctx.lists.byId(field.to!, id) : undefined;
        const href = anchors?.get(id);
        return { text: entry && target ? entryName(target, entry) : id, id, href: href ? `#${href}` : null, known: entry !== undefined };
      });
      view.text = view.items.map((i) => i.text).join(', ');
      break;
    }
    case 'date':
      view.datetime = String(value);
      view.text = ctx.words.date(String(value));
      break;
    default:
      view.text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return view;
}

/** Answers in the writer's own words: in another language than the page, a screen reader switches voice for them. */
const FREE_TEXT = new Set(['text', 'markdown', 'reference', 'list']);

function choiceLabel(field: Field, value: unknown): string {
  const text = value === true ? 'yes' : value === false ? 'no' : String(value);
  return field.choices?.find((c) => c.value === text)?.label ?? text;
}

/** A list's entries as a table: a row per entry, the naming field first as the row's header. */
function listView(ctx: AnswerContext, list: Field, state: QuestionShown | undefined): ListView {
  const labelId = list.labelField ?? list.fields?.[0]?.id;
  const fields = [...(list.fields ?? [])].sort((a, b) => Number(b.id === labelId) - Number(a.id === labelId));
  const entries = (state?.entries ?? []).filter((e) => e !== undefined);
  const anchors = ctx.entryAnchors.get(list.key);
  const used = new Set<string>();
  const rows = entries.map(({ entry, counts, fields: shownFields }): RowView => {
    const id = typeof entry.id === 'string' ? entry.id : null;
    const entryAnchor = id !== null && !used.has(id) ? (anchors?.get(id) ?? null) : null;
    if (id !== null) used.add(id);
    const cells = fields.map((f): CellView => {
      const { shown, required } = shownFields[f.id]!; // visibility has every field of the list
      const cell = answerView(ctx, f, shown ? entry[f.id] : undefined, counts && required, undefined) as CellView;
      cell.id = f.id;
      cell.label = f.label;
      cell.isLabel = f.id === labelId;
      return cell;
    });
    return { id, name: entryName(list, entry), anchor: entryAnchor, cells };
  });
  return { columns: fields.map((f) => ({ id: f.id, label: f.label, type: f.type, isLabel: f.id === labelId })), rows, count: rows.length };
}
