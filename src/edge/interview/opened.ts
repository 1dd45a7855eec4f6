// A statement opened for an interview, and undoing the skeleton `eis new` wrote when no answer came.
import { readFileSync, unlinkSync } from 'node:fs';
import type { Config } from '../../core/config/config.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import type { StatementText } from '../../core/statement/change.js';
import { hashText } from '../files/statement-file.js';

export interface Opened {
  file: string;
  shown: string;
  statement: StatementText;
  model: Questionnaire;
  config: Config;
  /** The hash of the skeleton `eis new` just wrote: while the file still holds it, no answer is saved. */
  skeleton?: string;
}

/**
 * Removes the statement `eis new` created when it still holds only the skeleton eis wrote, so that
 * a run that saved no answer leaves nothing behind. A file with other content (an answer saved, or
 * someone else's writing) is never removed. True when it was removed.
 */
export function discardSkeleton(opened: Opened): boolean {
  if (opened.skeleton === undefined) return false;
  try {
    if (hashText(readFileSync(opened.file)) !== opened.skeleton) return false;
    unlinkSync(opened.file);
    return true;
  } catch {
    return false;
  }
}
