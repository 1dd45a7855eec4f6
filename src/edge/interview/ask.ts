// Turns a step of the flow into prompts and the person's reply into a response. It talks to a
// Prompter (prompts.ts wraps @inquirer/prompts; tests pass a scripted one), never to inquirer itself.
import type { Field, Questionnaire } from '../../core/questionnaire/model.js';
import { checkPick, checkPicks, checkTyped, helpText, EDITOR_NOTE_START, EDITOR_NOTE_END, type Checked } from '../../core/interview/validate.js';
import { choicesFor, type Choice, type Response, type Step } from '../../core/interview/flow.js';

export interface Prompter {
  input(options: { message: string; default?: string | undefined; validate: (value: string) => true | string }): Promise<string>;
  /**
   * Long answers: an external editor; only called when `hasEditor` is true. `name` names the file
   * after the question; `now` opens the editor at once rather than after Enter.
   */
  editor(options: { message: string; default: string; validate: (value: string) => true | string; name?: string | undefined; now?: boolean | undefined }): Promise<string>;
  select(options: { message: string; choices: Choice[]; default?: string | undefined }): Promise<string>;
  checkbox(options: { message: string; choices: Choice[]; checked: string[]; validate: (values: string[]) => true | string }): Promise<string[]>;
  confirm(options: { message: string; default: boolean }): Promise<boolean>;
  /** A line for the person (help, progress, notices), between prompts. */
  note(text: string): void;
  /** True when $VISUAL or $EDITOR names an editor. */
  hasEditor: boolean;
}

/** Typing this instead of an answer shows the question's help and example. */
export const HELP_KEY = '?';
const SKIP_VALUE = '\u0000skip';
const NEW_VALUE = '\u0000new';

function reasonOf(checked: Checked): true | string {
  return checked.ok ? true : checked.reason;
}

function toResponse(checked: Checked): Response {
  if (!checked.ok) throw new Error('a prompt returned an answer its own validation refused');
  return 'skip' in checked ? { kind: 'skip' } : { kind: 'answer', value: checked.value };
}

function messageFor(step: Step & { field: Field }): string {
  const base = step.kind === 'field' ? `${step.entryLabel} › ${step.field.label}` : step.field.label;
  const notes = [step.field.type === 'date' ? 'YYYY-MM-DD' : '', step.required ? '' : 'optional'].filter(Boolean);
  return notes.length ? `${base} (${notes.join(', ')})` : base;
}

function currentText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'object' ? undefined : String(value);
}

/** What the session knows beyond the step: the rules, for refusing and for defaults. */
export interface AskContext {
  /** Why a top-level answer cannot be given (a rule about its question would fail), or undefined. */
  objection?: ((value: unknown) => string | undefined) | undefined;
  /** A failing rule needs entries in this list: "Add an entry?" defaults to yes. */
  addWanted?: boolean | undefined;
}

/** Asks one step and returns the person's response. Re-asking on a bad answer is the prompts' job. */
export async function askStep(step: Step, prompter: Prompter, model: Questionnaire, context: AskContext = {}): Promise<Response> {
  if (step.kind === 'add') {
    if (step.mustAdd) {
      prompter.note(
        step.count === 0
          ? `${step.list.label}: add ${step.min === 1 ? 'at least one entry' : `at least ${step.min} entries`}.`
          : `${step.list.label}: ${step.min - step.count} more ${step.min - step.count === 1 ? 'entry is' : 'entries are'} needed.`,
      );
      return { kind: 'yes' };
    }
    const yes = await prompter.confirm({
      message: step.count === 0 ? `Add an entry to "${step.list.label}"?` : `Add another entry to "${step.list.label}"? (${step.count} so far)`,
      default: Boolean(context.addWanted),
    });
    return { kind: yes ? 'yes' : 'no' };
  }
  if (step.kind === 'revisit') {
    const yes = await prompter.confirm({ message: `${step.list.label}: change "${step.name}"?`, default: false });
    return { kind: yes ? 'yes' : 'no' };
  }
  // A pick that breaks a rule about its question is said, and asked again.
  for (;;) {
    const response = await askField(step, prompter, model);
    const objection = response.kind === 'answer' && step.kind === 'question' ? context.objection?.(response.value) : undefined;
    if (!objection) return response;
    prompter.note(objection);
  }
}

/** The note eis puts at the end of the editor file: the question, its help and example; removed on save. */
function editorNote(field: Field): string {
  const help = helpText(field);
  return `\n\n${EDITOR_NOTE_START} ${field.label}\n${help ? `${help}\n` : ''}Write the answer above this note; the note is removed when you save. ${EDITOR_NOTE_END}\n`;
}

/** A short look at an answer, for "keep or edit". */
function preview(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length > 70 ? `${line.slice(0, 67)}...` : line;
}

async function askField(step: Step & { kind: 'question' | 'field' }, prompter: Prompter, model: Questionnaire): Promise<Response> {
  const { field, required } = step;
  // A new entry's field offers the previous entry's answer ("same as the previous entry").
  const current = step.current ?? (step.kind === 'field' ? step.previous : undefined);
  const message = messageFor(step);
  const help = helpText(field);
  const choices = step.choices ?? [];

  switch (field.type) {
    case 'choice':
    case 'yes-no':
    case 'reference': {
      const target = field.type === 'reference' && field.to ? model.questions.get(field.to) : undefined;
      // A reference offers a new entry of the list it points into, made there and then: a data
      // gap can be named where the burden it stands for is, before the Data section is reached.
      const fresh = target ? [{ value: NEW_VALUE, label: `A new entry in "${target.label}"` }] : [];
      if (field.type === 'reference' && field.multiple) return askPicks(step, prompter, model, message, [...choices, ...fresh], target);
      if (field.help) prompter.note(field.help.trim());
      const offered = [...choices, ...fresh, ...(required ? [] : [{ value: SKIP_VALUE, label: 'Skip (leave unanswered)' }])];
      // An optional pick with no answer yet starts on "Skip", not on the first choice.
      const picked = await prompter.select({ message, choices: offered, default: currentText(current) ?? (required ? undefined : SKIP_VALUE) });
      if (picked === NEW_VALUE && target) return { kind: 'new-entry', entry: await askNewEntry(step, target, prompter, model) };
      return toResponse(checkPick(choices, picked === SKIP_VALUE ? undefined : picked, required));
    }
    case 'multi-choice':
      return askPicks(step, prompter, model, message, choices);
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: markdown without an editor is asked as text, by the default case
    case 'markdown': {
      // Revisiting a long answer: keep it with Enter, or choose to edit it.
      const existing = typeof step.current === 'string' && step.current.trim() ? step.current : undefined;
      if (existing) {
        prompter.note(`${field.label}: ${preview(existing)}`);
        const edit = await prompter.confirm({ message: `${message}: edit this answer?`, default: false });
        if (!edit) return { kind: 'answer', value: existing };
      }
      if (prompter.hasEditor) {
        // An optional long answer not given yet: Enter passes it by, rather than opening the editor.
        if (!existing && !required && !(await prompter.confirm({ message: `${message}: write an answer?`, default: false }))) return { kind: 'skip' };
        const text = await prompter.editor({
          message,
          default: `${currentText(current) ?? ''}${editorNote(field)}`,
          validate: (v) => reasonOf(checkTyped(model, field, v, required)),
          name: step.path.filter((p) => typeof p === 'string').join('-'),
          now: existing !== undefined || !required,
        });
        return toResponse(checkTyped(model, field, text, required));
      }
    }
    // falls through: without an editor a long answer is typed on one line
    default: {
      // text, date, number, and markdown without an editor
      const text = await withHelp(prompter, help, () =>
        prompter.input({
          message: help ? `${message} (${HELP_KEY} for help)` : message,
          default: currentText(current),
          validate: (v) => (help && v.trim() === HELP_KEY ? true : reasonOf(checkTyped(model, field, v, required))),
        }),
      );
      return toResponse(checkTyped(model, field, text, required));
    }
  }
}

async function askPicks(step: Step & { kind: 'question' | 'field' }, prompter: Prompter, model: Questionnaire, message: string, offered: Choice[], target?: Field): Promise<Response> {
  const { field, required, current } = step;
  if (field.help) prompter.note(field.help.trim());
  const checked = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? [current] : [];
  const picked = await prompter.checkbox({ message, choices: offered, checked, validate: (v) => reasonOf(checkPicks(offered, v, required)) });
  if (target && picked.includes(NEW_VALUE)) return { kind: 'new-entry', entry: await askNewEntry(step, target, prompter, model), keep: picked.filter((v) => v !== NEW_VALUE) };
  // The same picks as now, in the order the person wrote them: kept as they are, not reordered.
  if (Array.isArray(current) && picked.length === current.length && picked.every((v) => current.includes(v))) return { kind: 'answer', value: current };
  return toResponse(checkPicks(offered, picked, required));
}

/**
 * The fields of a new entry of `list`, asked where a reference to it is being answered: its name
 * first, then its other fields but references (an entry made inside an entry stops there).
 * Only the name is needed; what is skipped is asked when the walk reaches the list.
 */
async function askNewEntry(from: Step & { kind: 'question' | 'field' }, list: Field, prompter: Prompter, model: Questionnaire): Promise<Record<string, unknown>> {
  const fields = (list.fields ?? []).filter((f) => f.type !== 'reference');
  const ordered = [...fields.filter((f) => f.id === list.labelField), ...fields.filter((f) => f.id !== list.labelField)];
  const entry: Record<string, unknown> = {};
  prompter.note(`A new entry in "${list.label}":`);
  for (const f of ordered) {
    const step: Step = {
      kind: 'field',
      section: from.section,
      list,
      field: f,
      index: -1,
      path: [...(list.key.split('.') as [string, string]), -1, f.id],
      create: false,
      current: undefined,
      choices: choicesFor(f, {}, model),
      required: f.id === list.labelField || f.required === true,
      entryLabel: `${list.label}, new entry`,
    };
    const response = await askField(step, prompter, model);
    if (response.kind === 'answer') entry[f.id] = response.value;
  }
  return entry;
}

/** Re-asks after `?`, showing the help and example first. */
async function withHelp<T>(prompter: Prompter, help: string | undefined, ask: () => Promise<T>): Promise<T> {
  for (;;) {
    const answer = await ask();
    if (help && typeof answer === 'string' && answer.trim() === HELP_KEY) {
      prompter.note(help);
      continue;
    }
    return answer;
  }
}
