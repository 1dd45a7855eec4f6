// Where a finding is, in words. Most files have lines; a Word memo has paragraphs and headings.
import type { Finding } from '../findings/findings.js';

/** `12:5`, or `¶3:5` for a paragraph of a Word memo: the short form for the position column. */
export function shortPlace(f: Finding): string {
  return f.paragraph === undefined ? `${f.line}:${f.column}` : `¶${f.paragraph}:${f.column}`;
}

/** `paragraph 3 (under "Background")`: what a reader of a Word memo can find. Undefined for a file with lines. */
export function paragraphPlace(f: Finding): string | undefined {
  if (f.paragraph === undefined) return undefined;
  return `paragraph ${f.paragraph}${f.heading ? ` (under "${f.heading}")` : ''}`;
}
