// Where each character of a YAML string value sits in the file. A value differs from its source
// by indentation, quotes, escapes and line folding (`>-` joins lines with spaces), but its
// non-space characters appear in the source in the same order. Walking both together gives an
// exact position for every word, in every scalar style, without re-implementing YAML.

/** How far ahead a character may be: the longest escape (`\U0001F600`) is ten characters. */
const WINDOW = 12;

/**
 * `map[i]` is the offset in `source` of `value[i]` (one extra entry for the end). `start` is where
 * the value's content begins in `source` (after a block scalar's header line, or an opening quote),
 * and `end` where the node ends.
 */
export function alignValue(value: string, source: string, start: number, end: number): number[] {
  const map = new Array<number>(value.length + 1);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (/\s/.test(ch)) {
      map[i] = Math.min(j, end);
      if (j < end && /\s/.test(source[j])) j++;
      continue;
    }
    // Indentation and folded line breaks can be any length; escapes are short.
    let k = j;
    while (k < end && /\s/.test(source[k])) k++;
    const limit = Math.min(end, k + WINDOW);
    while (k < limit && source[k] !== ch) k++;
    if (k < end && source[k] === ch) {
      map[i] = k;
      j = k + 1;
    } else {
      // An escape the search could not see through: stay put, the next character will catch up.
      map[i] = Math.min(j, end);
    }
  }
  map[value.length] = Math.min(j, end);
  return map;
}

/** Where the content of a scalar node starts, given its source text and style. */
export function contentStart(source: string, nodeStart: number, type: string | undefined): number {
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const nl = source.indexOf('\n', nodeStart);
    return nl === -1 ? source.length : nl + 1;
  }
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return nodeStart + 1;
  return nodeStart;
}
