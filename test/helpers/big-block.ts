// A statement made large: a one-line flow list over the large-statement size, put before a
// section (top level) or before an answer inside a section, where `line` picks which.
import { LARGE_STATEMENT_CHARS } from '../../src/core/statement/change.js';

const BIG = `[${Array(Math.ceil(LARGE_STATEMENT_CHARS / 24))
  .fill('an-entry-of-the-list-1')
  .join(', ')}]`;

export function withBigBlock(statement: string, line: number, inside: boolean): string {
  const lines = statement.split('\n');
  const keys = lines.flatMap((l, i) => ((inside ? /^ {2}[a-z_]+:/ : /^[a-z_]+:/).test(l) ? [i] : []));
  const at = keys.length ? keys[line % keys.length] : lines.length;
  lines.splice(at, 0, `${inside && keys.length ? '  ' : ''}x-big: ${BIG}`);
  return lines.join('\n');
}
