// How complete the statement is, in numbers and in a few words, from the check.
import type { StatementCheck } from '../../check/statement.js';

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

export function completenessView(check: StatementCheck): CompletenessView {
  const errors = check.findings.filter((f) => f.severity === 'error').length;
  const warnings = check.findings.length - errors;
  const { answered, required } = check.completeness;
  const missing = required - answered;
  const percent = required ? Math.floor((answered / required) * 100) : 100;
  const status =
    !missing && !errors
      ? warnings
        ? `Complete, with ${plural(warnings, 'warning')}`
        : 'Complete'
      : [missing ? `${plural(missing, 'required answer')} missing` : '', errors ? plural(errors, 'problem') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return {
    answered,
    required,
    missing,
    percent,
    errors,
    warnings,
    complete: missing === 0 && errors === 0,
    text: `${answered} of ${plural(required, 'required answer')} given (${percent}%)`,
    status: status.charAt(0).toUpperCase() + status.slice(1),
  };
}

export function plural(n: number, word: string): string {
  if (n === 1) return `1 ${word}`;
  const words = word.split(' ');
  const last = words.pop()!;
  return `${n} ${[...words, last.endsWith('y') ? `${last.slice(0, -1)}ies` : `${last}s`].join(' ')}`;
}
