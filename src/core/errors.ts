// Known user errors: bad flags, unreadable files, bad YAML, bad config. They print as one plain line
// with file:line:col and exit 2. Anything else that is thrown is a bug.
import type { FindingCode } from './findings/catalogue.js';
import { printable } from './printable.js';

export interface ErrorPlace {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export class EisError extends Error {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly hint?: string | undefined;
  readonly exitCode: number;
  /** A finding code for this error when it is reported as a finding (`file/yaml`, ...). */
  readonly code?: FindingCode | undefined;

  constructor(message: string, options: ErrorPlace & { hint?: string | undefined; exitCode?: number | undefined; cause?: unknown; code?: FindingCode | undefined } = {}) {
    super(message, { cause: options.cause });
    this.name = 'EisError';
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
    this.code = options.code;
  }

  /** `file:line:col: message. hint` on one line, whatever the file name or a quoted value holds (src/core/printable.ts). */
  format(): string {
    const place = this.file ? `${this.file}${this.line ? `:${this.line}:${this.column ?? 1}` : ''}: ` : '';
    return printable(`${place}${this.message}${this.hint ? ` ${this.hint}` : ''}`);
  }
}

/** Exit codes every command uses. */
export const ExitCode = { ok: 0, findings: 1, failure: 2, interrupted: 130 } as const;
