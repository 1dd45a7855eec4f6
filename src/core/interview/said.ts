// What the accessible interview says after each answer: what was saved, in words, and how far the
// statement has come. Someone who cannot see the screen hears that the answer reached the file.
import type { Progress } from './progress.js';
import type { Response, Step } from './flow.js';

/** Told after each response; `answers` are the statement's answers once it is saved. */
export type Answered = (step: Step, response: Response, answers: Record<string, unknown>) => void;

/** Longer answers are summed up rather than read back whole. */
const READ_BACK = 100;

function spoken(step: Step & { kind: 'question' | 'field' }, value: unknown): string {
  const label = (v: unknown) => step.choices?.find((c) => c.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'string') return label(value);
  const text = label(value);
  if (text.length <= READ_BACK && !text.includes('\n')) return text;
  const lines = text.split('\n').length;
  const start = text
    .slice(0, 60)
    .replace(/\s+\S*$/, '')
    .replace(/\s+/g, ' ');
  return `${text.length} characters${lines > 1 ? ` on ${lines} lines` : ''}, starting "${start}"`;
}

/** One line for the step just answered, or undefined for steps that save nothing by themselves. */
export function savedText(step: Step, response: Response, progress: Progress | undefined): string | undefined {
  if (step.kind !== 'question' && step.kind !== 'field') return undefined;
  const name = step.kind === 'field' ? `${step.entryLabel}: ${step.field.label}` : step.field.label;
  const so = progress ? ` (${progress.answered} of ${progress.required} required answers given)` : '';
  if (response.kind === 'skip') return `Nothing saved for ${name}; it stays unanswered${so}.`;
  if (response.kind !== 'answer') return undefined;
  const kept = !(step.kind === 'field' && step.create) && JSON.stringify(step.current) === JSON.stringify(response.value);
  return `${kept ? 'Kept' : 'Saved'} ${name}: ${spoken(step, response.value)}${so}.`.replace(/\.\.$/, '.');
}
