// The view model: everything a template shows, worked out from the questionnaire, the statement
// and its check. Pure data with every key present (null when there is nothing), so that templates
// compiled in strict mode can rely on the shape. Strings here are raw; the renderer escapes them
// for the output format before any template sees them.
import type { Field, Questionnaire, Section } from '../questionnaire/model.js';
import { holds, type ConditionContext } from '../questionnaire/conditions.js';
import { visibility, type QuestionShown } from '../questionnaire/visibility.js';
import { entriesOf, entryName, isAnswered, isPlaceholder, isPlainObject, type Entry } from '../questionnaire/answers.js';
import type { StatementCheck } from '../check/statement.js';
import type { RawFinding } from '../findings/findings.js';
import type { ApprovalSummary } from '../review/approval-findings.js';
import { approvalView, type ApprovalView } from './approval-view.js';
import { directionField, SYMBOLS, toneOf, type Tone } from './matrix.js';

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
}

export interface FindingView {
  severity: 'error' | 'warning';
  /** "Error" or "Warning". */
  severityLabel: string;
  code: string;
  message: string;
  hint: string | null;
  /** Where it is, in words: "Populations › Affected populations › entry 2". */
  where: string;
  /** `#anchor` of the question or entry, when there is one. */
  href: string | null;
}

export interface QuestionView extends AnswerView {
  id: string;
  key: string;
  label: string;
  help: string | null;
  anchor: string;
  /** Problems about this question other than its being unanswered. */
  findings: FindingView[];
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

export interface SectionView {
  id: string;
  title: string;
  description: string | null;
  anchor: string;
  /** False when the screening level (or another condition) does not ask for this section. */
  required: boolean;
  /** Why the section is empty, when it is. */
  note: string | null;
  questions: QuestionView[];
}

export interface ComputedView {
  id: string;
  label: string;
  value: string;
  text: string;
  because: string | null;
}

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

export interface CompletenessView {
  answered: number;
  required: number;
  missing: number;
  percent: number;
  errors: number;
  warnings: number;
  complete: boolean;
  /** "24 of 25 required answers given (96%)". */
  text: string;
  /** "Complete", or what is missing in a few words. */
  status: string;
}

export interface StatementView {
  lang: string;
  title: string;
  /** The title question is not answered. */
  titleMissing: boolean;
  /** The title question's anchor, which findings about it link to. */
  titleAnchor: string | null;
  questionnaire: { id: string; version: number; ref: string; title: string; description: string | null };
  /** The header section's short answers (kind, status, author...), shown under the title. */
  meta: QuestionView[];
  /** The header section's first Markdown answer (the plain-language summary), shown first. */
  summary: QuestionView | null;
  computed: ComputedView[];
  completeness: CompletenessView;
  findings: FindingView[];
  matrices: MatrixView[];
  sections: SectionView[];
  /** YYYY-MM-DD, only when a render date was asked for. */
  renderedOn: string | null;
  approval: ApprovalView | null;
}

export interface ViewOptions {
  today: string;
  lang?: string;
  renderedOn?: string | null;
  /** Whether reviewers approved the statement as it is (from the sign-offs and the config). */
  approval?: ApprovalSummary;
}

/** The real state of approval, shown at the top of the page: never only the status someone typed. */

export function buildStatementView(model: Questionnaire, data: unknown, check: StatementCheck, options: ViewOptions): StatementView {
  const answers = isPlainObject(data) ? data : {};
  const shown = visibility(model, answers, { today: options.today, computed: check.computed });
  const base = shown.context;
  const anchors = new Set<string>();
  const anchor = (wanted: string): string | null => {
    if (anchors.has(wanted)) return null;
    anchors.add(wanted);
    return wanted;
  };

  // Entry anchors first, so that references can link to them.
  const entryAnchors = new Map<string, Map<string, string | null>>();
  for (const section of model.sections)
    for (const q of section.questions) {
      if (q.type !== 'list') continue;
      const map = new Map<string, string | null>();
      for (const entry of entriesOf(sectionAnswers(answers, section)[q.id]))
        if (typeof entry.id === 'string' && !map.has(entry.id)) map.set(entry.id, anchor(`e-${slug(section.id)}-${slug(q.id)}-${slug(entry.id)}`));
      entryAnchors.set(q.key, map);
    }

  const findings = check.findings.map((f) => findingView(model, answers, f, entryAnchors));
  const findingsAt = (section: string, question: string) =>
    check.findings.flatMap((f, i) => (f.path[0] === section && f.path[1] === question && f.code !== 'required' && f.code !== 'placeholder' ? [findings[i]] : []));

  const sectionStates = model.sections.map((section) => ({ section, ...shown.section(section.id) }));

  const questionView = (section: Section, q: Field): QuestionView | null => {
    const value = sectionAnswers(answers, section)[q.id];
    const state = shown.question(q.key);
    // Its own condition, not its section's: the title is the title even when the header is hidden.
    if (!state.ownWhen) return null;
    // The answer's own object grows into the question's (spreading it into a new one costs a
    // copy per question, thousands per statement); the keys keep the same order.
    const view = answerView(model, q, value, state.required, state, answers, entryAnchors, anchor) as QuestionView;
    view.id = q.id;
    view.key = q.key;
    view.label = q.label;
    view.help = q.help ?? null;
    view.anchor = anchor(`q-${slug(section.id)}-${slug(q.id)}`) ?? `q-${slug(section.id)}-${slug(q.id)}-2`;
    view.findings = findingsAt(section.id, q.id);
    return view;
  };

  // The first section is the statement's header: its first text answer is the title, its first
  // Markdown answer the summary, its other short answers the title block.
  const header = model.sections[0];
  const headerState = sectionStates[0];
  const titleQuestion = header.questions.find((q) => q.type === 'text');
  const summaryQuestion = header.questions.find((q) => q.type === 'markdown');
  const titleView = titleQuestion ? questionView(header, titleQuestion) : null;
  const summary = summaryQuestion && headerState.shown ? questionView(header, summaryQuestion) : null;
  const meta = headerState.shown
    ? header.questions
        .filter((q) => q !== titleQuestion && q !== summaryQuestion && q.type !== 'markdown')
        .map((q) => questionView(header, q))
        .filter((q): q is QuestionView => q !== null && (q.answered || q.required || q.placeholder !== null))
    : [];

  const sections: SectionView[] = [];
  for (const { section, shown, required } of sectionStates) {
    if (!shown) continue;
    const isHeader = section === header;
    const questions = section.questions
      .filter((q) => !isHeader || (q.type === 'markdown' && q !== summaryQuestion))
      .map((q) => questionView(section, q))
      .filter((q): q is QuestionView => q !== null && (q.answered || q.required || q.placeholder !== null || q.findings.length > 0));
    if (isHeader && !questions.length) continue;
    sections.push({
      id: section.id,
      title: section.title,
      description: section.description ?? null,
      anchor: anchor(`s-${slug(section.id)}`) ?? `s-${slug(section.id)}-2`,
      required,
      note: questions.length ? null : required ? 'No answers yet.' : 'Not needed for this statement, and not answered.',
      questions,
    });
  }

  const computed = model.computed.map((c): ComputedView => {
    const value = check.computed[c.id] ?? c.otherwise;
    const ctx: ConditionContext = { ...base, computed: check.computed };
    const because = c.cases.find((k) => holds(k.when, ctx))?.because ?? null;
    return { id: c.id, label: c.label, value, text: c.values.find((v) => v.value === value)?.label ?? value, because: check.computed[c.id] === undefined ? null : because };
  });

  const matrices: MatrixView[] = [];
  for (const { section, shown: sectionShown } of sectionStates) {
    if (!sectionShown) continue;
    for (const q of section.questions) {
      const field = directionField(q);
      const state = shown.question(q.key);
      if (!field || !state.shown) continue;
      const entries = entriesOf(sectionAnswers(answers, section)[q.id]);
      if (!entries.length && !state.required) continue;
      matrices.push(matrixView(q, field, entries, entryAnchors.get(q.key)!, `q-${slug(section.id)}-${slug(q.id)}`));
    }
  }

  const errors = check.findings.filter((f) => f.severity === 'error').length;
  const warnings = check.findings.length - errors;
  const { answered, required } = check.completeness;
  const missing = required - answered;
  const percent = required ? Math.floor((answered / required) * 100) : 100;
  const status = !missing && !errors ? (warnings ? `Complete, with ${plural(warnings, 'warning')}` : 'Complete') : [missing ? `${plural(missing, 'required answer')} missing` : '', errors ? plural(errors, 'problem') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');

  return {
    lang: options.lang ?? 'en',
    title: titleView?.text ?? 'Untitled statement',
    titleMissing: !titleView?.answered,
    titleAnchor: titleView?.anchor ?? null,
    questionnaire: { id: model.id, version: model.version, ref: model.ref, title: model.title, description: model.description ?? null },
    meta,
    summary,
    computed,
    completeness: {
      answered,
      required,
      missing,
      percent,
      errors,
      warnings,
      complete: missing === 0 && errors === 0,
      text: `${answered} of ${plural(required, 'required answer')} given (${percent}%)`,
      status: status.charAt(0).toUpperCase() + status.slice(1),
    },
    findings,
    matrices,
    sections,
    renderedOn: options.renderedOn ?? null,
    approval: options.approval ? approvalView(options.approval) : null,
  };
}

function sectionAnswers(answers: Record<string, unknown>, section: Section): Record<string, unknown> {
  const value = answers[section.id];
  return isPlainObject(value) ? value : {};
}

/** An anchor-safe form of an id. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'x';
}

export function plural(n: number, word: string): string {
  if (n === 1) return `1 ${word}`;
  const words = word.split(' ');
  const last = words.pop()!;
  return `${n} ${[...words, last.endsWith('y') ? `${last.slice(0, -1)}ies` : `${last}s`].join(' ')}`;
}

type AnchorMaker = (wanted: string) => string | null;

function answerView(
  model: Questionnaire,
  field: Field,
  value: unknown,
  required: boolean,
  /** The question's visibility, which a list's entries come from; undefined for a field of an entry. */
  state: QuestionShown | undefined,
  answers: Record<string, unknown>,
  entryAnchors: Map<string, Map<string, string | null>>,
  anchor: AnchorMaker,
): AnswerView {
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
  };
  if (field.type === 'list') {
    view.list = listView(model, field, state, answers, entryAnchors, anchor);
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
      view.text = value === true || value === 'yes' ? 'Yes' : value === false || value === 'no' ? 'No' : String(value);
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
      const entries = target ? entriesOf(getList(answers, field.to!)) : [];
      const anchors = field.to ? entryAnchors.get(field.to) : undefined;
      view.items = refs.map((ref) => {
        const id = String(ref);
        const entry = entries.find((e) => e.id === id);
        const href = anchors?.get(id);
        return { text: entry && target ? entryName(target, entry) : id, id, href: href ? `#${href}` : null, known: entry !== undefined };
      });
      view.text = view.items.map((i) => i.text).join(', ');
      break;
    }
    default:
      view.text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return view;
}

function getList(answers: Record<string, unknown>, key: string): unknown {
  const [s, q] = key.split('.');
  const section = answers[s];
  return isPlainObject(section) ? section[q] : undefined;
}

function choiceLabel(field: Field, value: unknown): string {
  const text = value === true ? 'yes' : value === false ? 'no' : String(value);
  return field.choices?.find((c) => c.value === text)?.label ?? text;
}

function listView(
  model: Questionnaire,
  list: Field,
  state: QuestionShown | undefined,
  answers: Record<string, unknown>,
  entryAnchors: Map<string, Map<string, string | null>>,
  anchor: AnchorMaker,
): ListView {
  // The field that names an entry comes first: it is the row's header.
  const labelId = list.labelField ?? list.fields?.[0]?.id;
  const fields = [...(list.fields ?? [])].sort((a, b) => Number(b.id === labelId) - Number(a.id === labelId));
  const entries = (state?.entries ?? []).filter((e) => e !== undefined);
  const anchors = entryAnchors.get(list.key);
  const used = new Set<string>();
  const rows = entries.map(({ entry, counts, fields: shownFields }): RowView => {
    const id = typeof entry.id === 'string' ? entry.id : null;
    const entryAnchor = id !== null && !used.has(id) ? (anchors?.get(id) ?? null) : null;
    if (id !== null) used.add(id);
    const cells = fields.map((f): CellView => {
      const { shown, required } = shownFields[f.id];
      const cell = answerView(model, f, shown ? entry[f.id] : undefined, counts && required, undefined, answers, entryAnchors, anchor) as CellView;
      cell.id = f.id;
      cell.label = f.label;
      cell.isLabel = f.id === labelId;
      return cell;
    });
    return { id, name: entryName(list, entry), anchor: entryAnchor, cells };
  });
  return { columns: fields.map((f) => ({ id: f.id, label: f.label, type: f.type, isLabel: f.id === labelId })), rows, count: rows.length };
}

function matrixView(list: Field, field: Field, entries: Entry[], anchors: Map<string, string | null>, listAnchor: string): MatrixView {
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
    caption: `${list.label} by ${field.label.toLowerCase()}`,
    listLabel: list.label,
    fieldLabel: field.label,
    href: `#${listAnchor}`,
    columns,
    rows,
    unanswered: rows.filter((r) => r.direction === null).length,
  };
}

function findingView(model: Questionnaire, answers: Record<string, unknown>, f: RawFinding, entryAnchors: Map<string, Map<string, string | null>>): FindingView {
  const [s, q, index, fieldId] = f.path;
  const section = model.sections.find((x) => x.id === s);
  const question = section && typeof q === 'string' ? model.questions.get(`${s}.${q}`) : undefined;
  const where: string[] = [];
  let href: string | null = null;
  if (section) where.push(section.title);
  else if (s !== undefined) where.push(String(s));
  if (question) {
    where.push(question.label);
    href = `#q-${slug(section!.id)}-${slug(question.id)}`;
    if (typeof index === 'number' && question.type === 'list') {
      const entry = entriesOf(getList(answers, question.key))[index];
      where.push(`entry ${index + 1}${entry ? ` (${entryName(question, entry)})` : ''}`);
      const entryAnchor = entry && typeof entry.id === 'string' ? entryAnchors.get(question.key)?.get(entry.id) : undefined;
      if (entryAnchor) href = `#${entryAnchor}`;
      const field = question.fields?.find((x) => x.id === fieldId);
      if (field) where.push(field.label);
    }
  } else if (q !== undefined) where.push(String(q));
  return {
    severity: f.severity,
    severityLabel: f.severity === 'error' ? 'Error' : 'Warning',
    code: f.code,
    message: f.message,
    hint: f.hint ?? null,
    where: where.length ? where.join(' › ') : 'The whole statement',
    href,
  };
}
