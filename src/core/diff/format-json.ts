// A diff for scripts: the data as it is, with a version so that consumers can rely on its shape.
import type { StatementDiff } from './types.js';

export const DIFF_JSON_VERSION = 1;

export function formatJson(diffs: StatementDiff[]): string {
  return `${JSON.stringify({ version: DIFF_JSON_VERSION, changed: diffs.length > 0, statements: diffs }, null, 2)}\n`;
}
