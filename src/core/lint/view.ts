// A piece of text cut out of a larger one, remembering where each character came from. Markdown
// containers (list items, block quotes, table cells) are linted as their own text with the markers
// removed, and every finding still lands on the exact line and column of the original file.
import { lineStarts, startAtOrBefore } from '../line-starts.js';

export interface View {
  text: string;
  /** `map[i]` is the offset in the original text of `text[i]`; one extra entry for the end. */
  map: number[];
}

export function wholeView(text: string): View {
  const map = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

export function slice(view: View, start: number, end: number): View {
  return { text: view.text.slice(start, end), map: view.map.slice(start, end + 1) };
}

/**
 * A view with a prefix removed from each line: `strip(line, index)` says how many characters of
 * that line's start to drop (block-quote markers, list-item indentation).
 */
export function stripLinePrefixes(view: View, strip: (line: string, index: number) => number): View {
  let text = '';
  const map: number[] = [];
  let lineStart = 0;
  let index = 0;
  while (lineStart <= view.text.length) {
    const nl = view.text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? view.text.length : nl;
    const line = view.text.slice(lineStart, lineEnd);
    const drop = Math.min(strip(line, index), line.length);
    for (let i = lineStart + drop; i < lineEnd; i++) {
      text += view.text[i];
      map.push(view.map[i]!);
    }
    if (nl === -1) {
      map.push(view.map[lineEnd]!);
      break;
    }
    text += '\n';
    map.push(view.map[nl]!);
    lineStart = nl + 1;
    index++;
  }
  return { text, map };
}

export { lineStarts };

/**
 * 1-based line and column of an offset. Columns count Unicode code points, as SARIF's
 * `unicodeCodePoints` column kind says, so an emoji earlier on the line counts once.
 */
export function positionAt(text: string, starts: number[], offset: number): { line: number; column: number } {
  const lo = startAtOrBefore(starts, offset);
  const lineStart = starts[lo]!;
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const code = text.charCodeAt(i);
    // The low half of a surrogate pair belongs to the code point before it.
    if (!(code >= 0xdc00 && code <= 0xdfff && i > lineStart && isHighSurrogate(text.charCodeAt(i - 1)))) column++;
  }
  return { line: lo + 1, column };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
