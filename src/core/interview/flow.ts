// Which question comes next. Pure: the questionnaire, the answers so far and what this session has
// already asked go in; one step comes out. Nothing here knows about terminals or files, so the whole
// interview can be walked in a test by applying answers to a plain object.
import type { Field, Questionnaire, Section } from '../questionnaire/model.js';
import { visibility, type QuestionShown, type Visibility } from '../questionnaire/visibility.js';
import { signoffList } from '../review/conventions.js';
import { forEachLeaf } from '../questionnaire/condition-visitor.js';
import { entriesOf, entryName, getAnswer, isAnswered, isFinished, isPlainObject, type Entry } from '../questionnaire/answers.js';

export type Mode =
  /** Unanswered questions, from the first unanswered required one (or from the start). */
  | { kind: 'resume'; fromStart?: boolean }
  /** Every question of one section, current answers as defaults. */
  | { kind: 'section'; section: string }
  /** Every question of every section, whatever the level, current answers as defaults. */
  | { kind: 'all' };

export interface FlowState {
  mode: Mode;
  /** In resume mode: `section.question` where the walk begins; questions before it are not asked. */
  start?: string | undefined;
  /** Paths asked in this session (answered or skipped): never asked twice. */
  asked: Set<string>;
  /** List entries added in this session (`section.question[index]`): all their fields are asked. */
  fresh: Set<string>;
  /** Existing entries the person chose to change (revisit modes). */
  revisit: Set<string>;
  /** Lists the person said "no more entries" to. */
  closed: Set<string>;
  /** Lists given an entry from a reference to them (a data gap named where a burden is): offered again when reached. */
  reopened: Set<string>;
}

export interface Choice {
  value: string;
  label: string;
  help?: string | undefined;
}

interface StepBase {
  section: Section;
  /** Whether the answer is required for this statement's level (it may not be skipped). */
  required: boolean;
}

/** A top-level question. */
export interface QuestionStep extends StepBase {
  kind: 'question';
  field: Field;
  path: [string, string];
  current: unknown;
  /** Choices for choice, multi-choice, yes-no and reference answers. */
  choices?: Choice[] | undefined;
}

/** A field of a list entry. `create` means the entry does not exist yet: the answer creates it. */
export interface FieldStep extends StepBase {
  kind: 'field';
  list: Field;
  field: Field;
  index: number;
  path: [string, string, number, string];
  create: boolean;
  current: unknown;
  choices?: Choice[] | undefined;
  /** The entry's name so far, for the prompt ("Population 2 (Rural parents): Effect"). */
  entryLabel: string;
  /**
   * The same field's answer in the entry before, offered as the default of a new entry's field
   * ("same as the previous entry"); never for the field that names the entry.
   */
  previous?: unknown;
}

/** "Add a population?" or, below the least number of entries, the start of a required one. */
export interface AddStep extends StepBase {
  kind: 'add';
  list: Field;
  path: [string, string];
  count: number;
  min: number;
  /** The list needs more entries: the entry is started without asking. */
  mustAdd: boolean;
}

/** In revisit modes: "Change the entry X?" for an existing entry. */
export interface RevisitStep extends StepBase {
  kind: 'revisit';
  list: Field;
  path: [string, string, number];
  index: number;
  name: string;
}

export type Step = QuestionStep | FieldStep | AddStep | RevisitStep;

export function pathKey(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** Whether a section is walked: shown, and (resume mode) counted at the current level. */
export function sectionAsked(section: Section, mode: Mode, shown: Visibility): boolean {
  const state = shown.section(section.id);
  if (mode.kind === 'section') return section.id === mode.section && state.shown;
  return mode.kind === 'all' ? state.shown : state.required;
}

/** The sections this session walks, in order, for the current answers. */
export function askedSections(model: Questionnaire, answers: Record<string, unknown>, mode: Mode, today: string): Section[] {
  const shown = visibility(model, answers, { today });
  return model.sections.filter((s) => sectionAsked(s, mode, shown));
}

/** Whether a list still needs work: too few entries, or an entry missing a required field. */
function listIncomplete(model: Questionnaire, list: Field, state: QuestionShown): boolean {
  const entries = state.entries.filter((e) => e !== undefined);
  if (state.required && entries.length < (list.minEntries ?? 1)) return true;
  return entries.some(({ entry, fields }) => (list.fields ?? []).some((f) => fields[f.id]!.required && !isFinished(model, f, entry[f.id])));
}

/**
 * The first question (`section.question`) with a required answer missing, in questionnaire order,
 * among the sections the current level asks for; undefined when nothing required is missing.
 */
export function firstMissingRequired(model: Questionnaire, answers: Record<string, unknown>, today: string): string | undefined {
  const shown = visibility(model, answers, { today });
  for (const section of model.sections) {
    if (!sectionAsked(section, { kind: 'resume' }, shown)) continue;
    for (const q of section.questions) {
      const state = shown.question(q.key);
      if (!state.shown) continue;
      if (q.type === 'list') {
        if (listIncomplete(model, q, state)) return q.key;
      } else if (state.required && !isFinished(model, q, getAnswer(answers, q.key))) return q.key;
    }
  }
  return undefined;
}

export function startState(model: Questionnaire, answers: Record<string, unknown>, mode: Mode, today: string): FlowState {
  const state: FlowState = { mode, asked: new Set(), fresh: new Set(), revisit: new Set(), closed: new Set(), reopened: new Set() };
  if (mode.kind === 'resume' && !mode.fromStart) state.start = firstMissingRequired(model, answers, today);
  return state;
}

/** True when resume mode has nothing to do: every required answer is given. */
export function nothingToResume(state: FlowState): boolean {
  return state.mode.kind === 'resume' && !state.mode.fromStart && state.start === undefined;
}

/** The choices a choice-like answer offers; a reference offers the entries of the list it points into. */
export function choicesFor(field: Field, answers: Record<string, unknown>, model: Questionnaire): Choice[] | undefined {
  if (field.type === 'choice' || field.type === 'multi-choice') return field.choices?.map((c) => ({ value: c.value, label: c.label, help: c.help }));
  if (field.type === 'yes-no')
    return [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ];
  if (field.type === 'reference' && field.to) {
    const target = model.questions.get(field.to);
    if (!target) return [];
    return entriesOf(getAnswer(answers, field.to))
      .filter((e) => typeof e.id === 'string')
      .map((e) => ({ value: e.id as string, label: entryName(target, e) }));
  }
  return undefined;
}

/** The fields of an entry in the order they are asked: a new entry's name first, so its id reads well. */
function fieldOrder(list: Field, create: boolean): Field[] {
  const fields = list.fields ?? [];
  if (!create || !list.labelField) return fields;
  const label = fields.find((f) => f.id === list.labelField);
  return label ? [label, ...fields.filter((f) => f !== label)] : fields;
}

/** The next step, or undefined when this session's walk is over. */
export function nextStep(model: Questionnaire, answers: Record<string, unknown>, state: FlowState, today: string): Step | undefined {
  if (nothingToResume(state)) return undefined;
  const shown = visibility(model, answers, { today });
  const revisiting = state.mode.kind !== 'resume';
  const signoffKey = signoffList(model)?.key;
  let started = state.mode.kind !== 'resume' || state.start === undefined;
  for (const section of model.sections) {
    const inSection = sectionAsked(section, state.mode, shown);
    for (const q of section.questions) {
      if (!started && q.key === state.start) started = true;
      const question = shown.question(q.key);
      if (!started || !inSection || !question.shown) continue;
      const required = question.required;
      const value = getAnswer(answers, q.key);
      const path: [string, string] = [section.id, q.id];
      // The sign-off list is written by eis signoff, from the reviewer's own commit: never asked.
      if (q.key === signoffKey) continue;
      if (q.type === 'list') {
        const step = listStep(model, section, q, path, value, question, state, answers);
        if (step) return step;
        continue;
      }
      const key = pathKey(path);
      if (state.asked.has(key)) continue;
      if (!revisiting && isFinished(model, q, value)) continue;
      return { kind: 'question', section, field: q, path, current: value, required, choices: choicesFor(q, answers, model) };
    }
  }
  return undefined;
}

function listStep(
  model: Questionnaire,
  section: Section,
  list: Field,
  path: [string, string],
  value: unknown,
  question: QuestionShown,
  state: FlowState,
  answers: Record<string, unknown>,
): Step | undefined {
  const required = question.required;
  const listKey = pathKey(path);
  const entries = Array.isArray(value) ? value : [];
  const revisiting = state.mode.kind !== 'resume';
  for (let index = 0; index <= entries.length; index++) {
    const entryKey = `${listKey}[${index}]`;
    const create = index === entries.length;
    if (create && !state.fresh.has(entryKey)) break;
    const entry: Entry = create ? {} : isPlainObject(entries[index]) ? (entries[index] as Entry) : {};
    if (!create && !isPlainObject(entries[index])) continue;
    const fresh = state.fresh.has(entryKey);
    if (revisiting && !fresh && !state.revisit.has(entryKey)) {
      const askKey = `${entryKey}?`;
      if (state.asked.has(askKey)) continue;
      return { kind: 'revisit', section, required, list, path: [...path, index], index, name: entryName(list, entry) };
    }
    const fields = (create ? question.blank : question.entries[index])!.fields;
    for (const f of fieldOrder(list, create)) {
      const fieldPath: [string, string, number, string] = [...path, index, f.id];
      const key = pathKey(fieldPath);
      const fieldShown = fields[f.id]!; // visibility has every field of the list
      if (state.asked.has(key) || !fieldShown.shown) continue;
      const fRequired = fieldShown.required;
      // An entry from an earlier session only needs its missing required fields, and the fields
      // whose answer would make one of them unnecessary (a data gap stands in for evidence).
      if (!fresh && !state.revisit.has(entryKey) && !(fRequired ? !isFinished(model, f, entry[f.id]) : !isAnswered(model, entry[f.id]) && relieves(model, list, f, fields, entry))) continue;
      return {
        kind: 'field',
        section,
        required: fRequired,
        list,
        field: f,
        index,
        path: fieldPath,
        create: create,
        current: entry[f.id],
        choices: choicesFor(f, answers, model),
        previous: fresh && index > 0 && f.id !== list.labelField && isPlainObject(entries[index - 1]) ? (entries[index - 1] as Entry)[f.id] : undefined,
        entryLabel: `${list.label}, entry ${index + 1}${create && !isAnswered(model, entry[list.labelField ?? '']) ? '' : ` (${entryName(list, entry)})`}`,
      };
    }
  }
  if (state.closed.has(listKey)) return undefined;
  const count = entries.length;
  const addKey = `${listKey}#${count}`;
  if (state.asked.has(addKey)) return undefined;
  const min = list.minEntries ?? 1;
  // In resume mode a list answered in an earlier session is not reopened, unless the walk starts at it.
  if (state.mode.kind === 'resume' && count > 0 && !(required && count < min) && state.start !== listKey && !anyFresh(state, listKey) && !state.reopened.has(listKey)) return undefined;
  return { kind: 'add', section, required, list, path, count, min, mustAdd: required && count < min };
}

/** Whether answering `field` could lift the requirement of a field of the entry still missing. */
function relieves(model: Questionnaire, list: Field, field: Field, shown: Record<string, { required: boolean }>, entry: Entry): boolean {
  return (list.fields ?? []).some((other) => {
    if (other === field || !shown[other.id]?.required || isFinished(model, other, entry[other.id])) return false;
    let named = false;
    forEachLeaf(other.required, (leaf) => {
      if ('field' in leaf && leaf.field === field.id) named = true;
    });
    return named;
  });
}

function anyFresh(state: FlowState, listKey: string): boolean {
  for (const key of state.fresh) if (key.startsWith(`${listKey}[`)) return true;
  return false;
}

export type Response =
  | { kind: 'answer'; value: unknown }
  | { kind: 'skip' }
  | { kind: 'yes' }
  | { kind: 'no' }
  /**
   * A reference answered with an entry made there and then (a data gap named where the burden is):
   * the entry goes into the list the reference points into, and the reference names it, after
   * the picks in `keep` for a reference to several.
   */
  | { kind: 'new-entry'; entry: Entry; keep?: string[] | undefined };

/**
 * The state after the person responded to a step. Answers themselves are written by the caller
 * (to the statement file, or with `applyAnswer` in tests); this only records what was asked.
 */
export function afterResponse(state: FlowState, step: Step, response: Response): FlowState {
  const next: FlowState = {
    ...state,
    asked: new Set(state.asked),
    fresh: new Set(state.fresh),
    revisit: new Set(state.revisit),
    closed: new Set(state.closed),
    reopened: new Set(state.reopened),
  };
  const listKey = pathKey(step.path.slice(0, 2));
  switch (step.kind) {
    case 'question':
    case 'field':
      next.asked.add(pathKey(step.path));
      if (response.kind === 'new-entry' && step.field.to) next.reopened.add(step.field.to);
      break;
    case 'add':
      next.asked.add(`${listKey}#${step.count}`);
      if (response.kind === 'yes') next.fresh.add(`${listKey}[${step.count}]`);
      else next.closed.add(listKey);
      break;
    case 'revisit':
      next.asked.add(`${listKey}[${step.index}]?`);
      if (response.kind === 'yes') next.revisit.add(`${listKey}[${step.index}]`);
      break;
  }
  return next;
}

/** The answer a reference takes once its new entry has the id `id`. */
export function referenceTo(step: QuestionStep | FieldStep, id: string, keep: string[] | undefined): unknown {
  return step.field.multiple ? [...(keep ?? []), id] : id;
}

/** The entry a first answer creates: an id made from the answer when it names the entry. */
export function newEntry(step: FieldStep, value: unknown, existing: Entry[], uniqueId: (text: string, entries: Entry[]) => string): Entry {
  const named = step.field.id === step.list.labelField || !step.list.labelField;
  const text = named && typeof value === 'string' && value.trim() ? value : `${step.list.id}-${existing.length + 1}`;
  return { id: uniqueId(text, existing), [step.field.id]: value };
}

/**
 * About how many steps are left: the walk from here with every question skipped and no entry
 * added. A floor more than a forecast (answers can open questions and entries), so it is said
 * as "about".
 */
export function stepsLeft(model: Questionnaire, answers: Record<string, unknown>, state: FlowState, today: string, limit = 1000): number {
  let n = 0;
  let current = state;
  for (let step = nextStep(model, answers, current, today); step && n < limit; step = nextStep(model, answers, current, today)) {
    n++;
    current = afterResponse(current, step, step.kind === 'add' ? (step.mustAdd ? { kind: 'yes' } : { kind: 'no' }) : step.kind === 'revisit' ? { kind: 'no' } : { kind: 'skip' });
  }
  return n;
}
