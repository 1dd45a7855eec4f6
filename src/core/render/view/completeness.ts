// How complete the statement is, in numbers and in a few words, from the check.
import type { StatementCheck } from '../../check/statement.js';
import { sayer, type Sayer } from './say.js';
import { ENGLISH_WORDS } from '../../i18n/words.js';

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

export function completenessView(check: StatementCheck, words: Sayer = sayer(ENGLISH_WORDS, 'en')): CompletenessView {
  const { say } = words;
  const errors = check.findings.filter((f) => f.severity === 'error').length;
  const warnings = check.findings.length - errors;
  const { answered, required } = check.completeness;
  const missing = required - answered;
  const percent = required ? Math.floor((answered / required) * 100) : 100;
  const status =
    !missing && !errors
      ? warnings
        ? say('complete_with_warnings', { count: warnings })
        : say('complete')
      : [missing ? say('answers_missing', { count: missing }) : '', errors ? say('problems', { count: errors }) : '', warnings ? say('warnings', { count: warnings }) : ''].filter(Boolean).join(', ');
  return {
    answered,
    required,
    missing,
    percent,
    errors,
    warnings,
    complete: missing === 0 && errors === 0,
    text: say('answers_given', { answered, count: required, percent }),
    status: status.charAt(0).toUpperCase() + status.slice(1),
  };
}

export function plural(n: number, word: string): string {
  if (n === 1) return `1 ${word}`;
  const words = word.split(' ');
  const last = words.pop()!;
  return `${n} ${[...words, last.endsWith('y') ? `${last.slice(0, -1)}ies` : `${last}s`].join(' ')}`;
}
