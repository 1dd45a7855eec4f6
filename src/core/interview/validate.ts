// One answer, as typed or picked, checked against its question. Pure: returns the value to store,
// nothing (skipped), or the reason it cannot be stored, worded for the person answering.
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { isPlaceholder } from '../questionnaire/answers.js';
import { isRealDate } from '../questionnaire/statement-schema.js';
import type { Choice } from './flow.js';

export type Checked = { ok: true; value: unknown } | { ok: true; skip: true } | { ok: false; reason: string };

const SKIP: Checked = { ok: true, skip: true };
const REQUIRED = 'An answer is needed here. (Ctrl-C stops; every answer so far is saved and eis answer resumes here.)';

/** Lines between these markers are notes for the person in the editor, never part of the answer. */
export const EDITOR_NOTE_START = '<!-- eis:';
export const EDITOR_NOTE_END = '-->';

/** Removes the help note eis puts into the editor file, and trailing blank space. */
export function stripEditorNote(text: string): string {
  const start = text.indexOf(EDITOR_NOTE_START);
  let out = text;
  if (start !== -1) {
    const end = text.indexOf(EDITOR_NOTE_END, start);
    out = text.slice(0, start) + (end === -1 ? '' : text.slice(end + EDITOR_NOTE_END.length));
  }
  return out
    .replace(/\r\n/g, '\n')
    .replace(/\s+$/, '')
    .replace(/^\s*\n/, '');
}

function placeholderReason(value: string, required: boolean): string {
  return `"${value.trim()}" is a placeholder, not an answer: write the answer${required ? '' : ', or leave it empty to skip'}.`;
}

/** Checks text typed for a text, markdown, date or number question. */
export function checkTyped(model: Questionnaire, field: Field, raw: string, required: boolean): Checked {
  const text = field.type === 'markdown' ? stripEditorNote(raw) : raw.trim();
  if (text === '') return required ? { ok: false, reason: REQUIRED } : SKIP;
  if (isPlaceholder(model, text)) return { ok: false, reason: placeholderReason(text, required) };
  switch (field.type) {
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, reason: `Write the date as YYYY-MM-DD, for example ${field.example !== undefined ? String(field.example) : '2027-06-30'}.` };
      if (!isRealDate(text)) return { ok: false, reason: `${text} is not a real date.` };
      return { ok: true, value: text };
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n) || !/^[-+]?[\d.,]+(e[-+]?\d+)?$/i.test(text)) return { ok: false, reason: `"${text}" is not a number.` };
      return checkNumber(field, n, required);
    }
    default:
      return { ok: true, value: text };
  }
}

export function checkNumber(field: Field, value: number | undefined, required: boolean): Checked {
  if (value === undefined || Number.isNaN(value)) return required ? { ok: false, reason: REQUIRED } : SKIP;
  if (field.min !== undefined && value < field.min) return { ok: false, reason: `The least allowed is ${field.min}.` };
  if (field.max !== undefined && value > field.max) return { ok: false, reason: `The most allowed is ${field.max}.` };
  return { ok: true, value };
}

/** Checks a pick from choices (choice, yes-no, single reference); undefined is "skip". */
export function checkPick(choices: Choice[], value: string | undefined, required: boolean): Checked {
  if (value === undefined) return required ? { ok: false, reason: REQUIRED } : SKIP;
  if (!choices.some((c) => c.value === value)) return { ok: false, reason: `"${value}" is not one of the choices.` };
  return { ok: true, value };
}

/** Checks picks from choices (multi-choice, multiple reference); nothing picked is "skip". */
export function checkPicks(choices: Choice[], values: string[], required: boolean): Checked {
  if (values.length === 0) return required ? { ok: false, reason: 'Pick at least one (space selects, enter confirms).' } : SKIP;
  const unknown = values.find((v) => !choices.some((c) => c.value === v));
  if (unknown !== undefined) return { ok: false, reason: `"${unknown}" is not one of the choices.` };
  return { ok: true, value: values };
}

/** The text shown when someone asks for help: the question's help and its example. */
export function helpText(field: Field): string | undefined {
  const parts: string[] = [];
  if (field.help) parts.push(field.help.trim());
  if (field.example !== undefined) parts.push(`Example: ${String(field.example).trim()}`);
  return parts.length ? parts.join('\n') : undefined;
}
