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
    const ch = value.charAt(i);
    if (/\s/.test(ch)) {
      map[i] = Math.min(j, end);
      if (j < end && /\s/.test(source.charAt(j))) j++;
      continue;
    }
    // Indentation and folded line breaks can be any length; escapes are short.
    let k = j;
    while (k < end && /\s/.test(source.charAt(k))) k++;
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

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The value of a double-quoted scalar with the source offset of each character, following the YAML
 * 1.2 rules for escapes and line folding. `start` is just after the opening quote. Returns
 * undefined at anything it does not follow, and the caller falls back to `alignValue`.
 */
export function decodeDoubleQuoted(source: string, start: number): { value: string; map: number[] } | undefined {
  let value = '';
  const map: number[] = [];
  const push = (text: string, at: number) => {
    for (const ch of text) {
      value += ch;
      map.push(at);
      // A character outside the Basic Multilingual Plane takes two places in a JavaScript string.
      if (ch.length === 2) map.push(at);
    }
  };
  let i = start;
  // Spaces and tabs seen but not yet written: dropped if a line break follows.
  let pending: Array<[string, number]> = [];
  const flush = () => {
    for (const [ch, at] of pending) push(ch, at);
    pending = [];
  };
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '"') {
      flush();
      map.push(i);
      return { value, map };
    }
    if (ch === ' ' || ch === '\t') {
      pending.push([ch, i]);
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      pending = [];
      const breakAt = i;
      let blank = 0;
      i = skipBreak(source, i);
      for (;;) {
        while (source[i] === ' ' || source[i] === '\t') i++;
        if (source[i] === '\n' || source[i] === '\r') {
          blank++;
          i = skipBreak(source, i);
        } else break;
      }
      push(blank ? '\n'.repeat(blank) : ' ', breakAt);
      continue;
    }
    flush();
    if (ch !== '\\') {
      push(ch, i);
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === '\n' || next === '\r') {
      // An escaped line break joins the lines, keeping the spaces before it.
      i = skipBreak(source, i + 1);
      while (source[i] === ' ' || source[i] === '\t') i++;
      continue;
    }
    const escaped = next === undefined ? undefined : ESCAPES[next];
    if (escaped !== undefined) {
      push(escaped, i);
      i += 2;
      continue;
    }
    const digits = next === undefined ? undefined : HEX[next];
    if (!digits) return undefined;
    const hex = source.slice(i + 2, i + 2 + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
    push(String.fromCodePoint(parseInt(hex, 16)), i);
    i += 2 + digits;
  }
  return undefined;
}

function skipBreak(source: string, i: number): number {
  return source[i] === '\r' && source[i + 1] === '\n' ? i + 2 : i + 1;
}

/** `map[i]` is the offset in `source` of `value[i]` for a scalar node of any style. */
export function scalarMap(value: string, source: string, nodeStart: number, valueEnd: number, type: string | undefined): number[] {
  const begin = contentStart(source, nodeStart, type);
  if (type === 'QUOTE_DOUBLE') {
    const decoded = decodeDoubleQuoted(source, begin);
    if (decoded && decoded.value === value) return decoded.map;
  }
  return alignValue(value, source, begin, valueEnd);
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
