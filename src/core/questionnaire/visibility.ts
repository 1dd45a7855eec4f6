// Which sections, questions and list-entry fields a statement shows, and which it requires, worked
// out in one pass over its answers. The checker, the interview and the renderer all read this, so
// that "shown" and "required" mean the same in each: a section's `when` hides its questions, a
// section not required makes its questions optional, and so on down to the fields of each entry.
import type { Field, Questionnaire } from './model.js';
import { computeValues, entryContext, holds, type ConditionContext } from './conditions.js';
import { isAnswered, isPlainObject, type Entry } from './answers.js';

export interface Shown {
  shown: boolean;
  /** Shown, and needing an answer. */
  required: boolean;
}

export interface QuestionShown extends Shown {
  /**
   * Whether the question's own `when` holds, whatever its section's. Only the renderer reads it:
   * a statement's title is its title even when the header section is hidden.
   */
  ownWhen: boolean;
  /** A list's items by their index in the list; undefined for an item that is not a mapping. */
  entries: Array<EntryShown | undefined>;
  /** A list's next entry, not written yet: how its fields start out when the interview adds one. */
  blank: EntryShown | undefined;
}

export interface EntryShown {
  /** The entry's index in its list. */
  index: number;
  entry: Entry;
  /**
   * Whether the entry's required fields count for the statement: its list is shown, and required
   * or the entry holds something. An empty entry in a list the statement does not need is no gap.
   */
  counts: boolean;
  /**
   * Each field by id. `required` is the field's own rule, inside the entry (what the interview asks
   * for); a missing answer is a gap in the statement when the entry `counts` too.
   */
  fields: Record<string, Shown>;
}

export interface Visibility {
  /** The context the conditions were evaluated in, computed values included. */
  context: ConditionContext;
  /** A section by id; unknown ids are hidden. */
  section(id: string): Shown;
  /** A question by `section.question`; unknown keys are hidden. */
  question(key: string): QuestionShown;
}

export interface VisibilityOptions {
  /** YYYY-MM-DD, for conditions about dates. */
  today: string;
  /** The computed values, when the caller has them already (from the check): else worked out here. */
  computed?: Record<string, string>;
}

const HIDDEN: Shown = Object.freeze({ shown: false, required: false });
const HIDDEN_QUESTION: QuestionShown = Object.freeze({ shown: false, required: false, ownWhen: false, entries: [], blank: undefined });

export function visibility(model: Questionnaire, data: unknown, options: VisibilityOptions): Visibility {
  const answers = isPlainObject(data) ? data : {};
  const computed = options.computed ?? computeValues(model, answers, options.today);
  const context: ConditionContext = { model, answers, computed, entry: undefined, today: options.today, references: new Map() };
  const sections = new Map<string, Shown>();
  const questions = new Map<string, QuestionShown>();
  for (const section of model.sections) {
    const shown = holds(section.when, context);
    const required = shown && holds(section.required, context);
    sections.set(section.id, { shown, required });
    const given = isPlainObject(answers[section.id]) ? (answers[section.id] as Record<string, unknown>) : undefined;
    for (const q of section.questions) {
      const ownWhen = holds(q.when, context);
      const qShown = shown && ownWhen;
      const state: QuestionShown = { shown: qShown, required: qShown && required && holds(q.required, context), ownWhen, entries: [], blank: undefined };
      if (q.type === 'list') {
        const value = given?.[q.id];
        const hidden = qShown ? undefined : hiddenFields(q);
        if (Array.isArray(value)) for (let i = 0; i < value.length; i++) state.entries.push(isPlainObject(value[i]) ? entryShown(model, q, state, value[i] as Entry, i, context, hidden) : undefined);
        state.blank = entryShown(model, q, state, {}, state.entries.length, context, hidden);
      }
      questions.set(q.key, state);
    }
  }
  return {
    context,
    section: (id) => sections.get(id) ?? HIDDEN,
    question: (key) => questions.get(key) ?? HIDDEN_QUESTION,
  };
}

function entryShown(model: Questionnaire, list: Field, state: Shown, entry: Entry, index: number, context: ConditionContext, hidden: Record<string, Shown> | undefined): EntryShown {
  return { index, entry, counts: state.shown && (state.required || isAnswered(model, entry)), fields: hidden ?? fieldsShown(list, entryContext(context, entry)) };
}

function fieldsShown(list: Field, ctx: ConditionContext): Record<string, Shown> {
  const fields: Record<string, Shown> = {};
  for (const f of list.fields ?? []) {
    const shown = holds(f.when, ctx);
    fields[f.id] = shown ? { shown, required: holds(f.required, ctx) } : HIDDEN;
  }
  return fields;
}

/** The fields of every entry of a hidden list: one record shared by all of them. */
function hiddenFields(list: Field): Record<string, Shown> {
  const fields: Record<string, Shown> = {};
  for (const f of list.fields ?? []) fields[f.id] = HIDDEN;
  return fields;
}
