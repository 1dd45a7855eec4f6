// Positions of keys and list items in plain block-style YAML, found by reading lines, without a
// full parse. For the files the fast reader accepts it gives the same line and column as the yaml
// library's Document (positionOf in source.ts), and it gives up (undefined) on anything it does not
// follow exactly: quoted or complex keys, flow collections other than one simple line, multi-line
// quoted scalars, "- -" items, documents markers. The caller then uses the full parser.

export interface Position {
  line: number;
  column: number;
}

export interface BlockPositions {
  /** The position of each node, keyed by its path joined with SEP. */
  nodes: Map<string, Position>;
  /** Position of the document's first node. */
  first: Position;
}

interface Frame {
  indent: number;
  kind: 'map' | 'seq';
  path: Array<string | number>;
  /** seq: index of the last item. */
  count: number;
  /** map: the last key, and whether its value is still to come on the next lines. */
  lastKey?: string;
  open?: boolean;
}

const SEP = '\u0000';
const KEY = /^([A-Za-z0-9_$][^:#'"]*?)\s*:(?=\s|$)/;
const PLAIN = /^[^\s'"[\]{},#&*!|>%@`]/;
const QUOTED_LINE = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*(?:#.*)?$/;
const BLOCK_SCALAR = /^[|>][-+1-9]{0,2}\s*(?:#.*)?$/;

/** Characters JavaScript's \s and trim() take for white space and YAML does not (a no-break space
 * pasted from a word processor is part of a key or value): the full parser places such files. */
const NOT_YAML_SPACE = /[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function blockPositions(text: string): BlockPositions | undefined {
  if (NOT_YAML_SPACE.test(text)) return undefined;
  const nodes = new Map<string, Position>();
  const stack: Frame[] = [];
  let first: Position | undefined;
  /** Lines more indented than this belong to the scalar value above. */
  let scalarIndent = -1;
  /** A "-" alone on its line: the item's content starts on a later line. */
  let pendingItem: { path: Array<string | number>; indent: number } | undefined;

  const set = (path: Array<string | number>, line: number, column: number) => {
    nodes.set(path.join(SEP), { line, column });
    first ??= { line, column };
  };
  const top = () => stack[stack.length - 1];

  /** Records `key: value` in `map`; false when the value is something this reader does not follow. */
  const handleKey = (map: Frame, match: RegExpExecArray, rest: string, line: number, column: number): boolean => {
    const name = match[1]!; // KEY's group always takes part
    if (name.includes(' #') || name.includes(': ')) return false;
    set([...map.path, name], line, column);
    map.lastKey = name;
    const after = rest.slice(match[0].length);
    const value = after.trim();
    map.open = value === '' || value.startsWith('#');
    if (map.open) return true;
    if (BLOCK_SCALAR.test(value) || PLAIN.test(value) || QUOTED_LINE.test(value)) {
      scalarIndent = map.indent;
      return !value.startsWith('"') && !value.startsWith("'") ? true : QUOTED_LINE.test(value);
    }
    if (value.startsWith('[')) return flowLine(value, [...map.path, name], line, column + match[0].length + (after.length - after.trimStart().length));
    return false;
  };

  /** A one-line flow sequence of plain scalars, `[a, b]`, with each item at its column. */
  const flowLine = (value: string, path: Array<string | number>, line: number, column: number): boolean => {
    const body = /^\[([^[\]{}'"#]*)\]\s*(?:#.*)?$/.exec(value);
    if (!body) return false;
    scalarIndent = stack[stack.length - 1]!.indent; // handleKey's map is on the stack
    const inner = body[1]!;
    if (inner.trim() === '') return true;
    const parts = inner.split(',');
    let offset = 1;
    for (const [k, part] of parts.entries()) {
      if (part.trim() === '') {
        if (k === parts.length - 1 && k > 0) break; // a trailing comma
        return false;
      }
      if (!PLAIN.test(part.trimStart()) || /:\s|\s#/.test(part)) return false;
      set([...path, k], line, column + offset + (part.length - part.trimStart().length));
      offset += part.length + 1;
    }
    return true;
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const full = lines[i]!;
    const raw = full.endsWith('\r') ? full.slice(0, -1) : full;
    const line = i + 1;
    const trimmed = raw.trimStart();
    const indent = raw.length - trimmed.length;
    if (trimmed === '') continue;
    if (scalarIndent >= 0 && indent > scalarIndent) continue; // inside a multi-line scalar
    if (trimmed.startsWith('#')) continue;
    scalarIndent = -1;
    if (trimmed.startsWith('---') || trimmed.startsWith('...')) {
      if (trimmed === '---' && !first && indent === 0) continue;
      return undefined;
    }

    if (trimmed === '-' || trimmed.startsWith('- ')) {
      if (pendingItem) return undefined;
      for (let t = top(); t && (t.indent > indent || (t.kind === 'map' && t.indent === indent && !t.open)); t = top()) stack.pop();
      let seq = top();
      if (!seq || seq.kind === 'map') {
        // A new list: the value of the last key (at its indentation or deeper), or the whole document.
        if (seq && !(seq.open && seq.lastKey !== undefined && seq.indent <= indent)) return undefined;
        if (!seq && nodes.size) return undefined;
        const path = seq ? [...seq.path, seq.lastKey!] : [];
        if (seq) seq.open = false;
        seq = { indent, kind: 'seq', path, count: -1 };
        stack.push(seq);
      } else if (seq.indent !== indent) return undefined;
      seq.count++;
      const itemPath = [...seq.path, seq.count];
      const after = trimmed === '-' ? '' : trimmed.slice(2);
      const rest = after.trimStart();
      const column = indent + 3 + (after.length - rest.length);
      if (rest === '' || rest.startsWith('#')) {
        pendingItem = { path: itemPath, indent };
        continue;
      }
      if (rest === '-' || rest.startsWith('- ') || rest.startsWith('[') || rest.startsWith('{')) return undefined;
      set(itemPath, line, column);
      const match = KEY.exec(rest);
      if (!match) {
        if (!(PLAIN.test(rest) || QUOTED_LINE.test(rest)) || BLOCK_SCALAR.test(rest)) return undefined;
        scalarIndent = indent;
        continue;
      }
      // "- key: value" starts a mapping whose keys line up with this one.
      const map: Frame = { indent: column - 1, kind: 'map', path: itemPath, count: 0 };
      stack.push(map);
      if (!handleKey(map, match, rest, line, column)) return undefined;
      continue;
    }

    const match = KEY.exec(trimmed);
    if (!match) return undefined;
    const column = indent + 1;
    if (pendingItem) {
      if (indent <= pendingItem.indent) return undefined;
      set(pendingItem.path, line, column);
      const map: Frame = { indent, kind: 'map', path: pendingItem.path, count: 0 };
      stack.push(map);
      pendingItem = undefined;
      if (!handleKey(map, match, trimmed, line, column)) return undefined;
      continue;
    }
    for (let t = top(); t && t.indent > indent; t = top()) stack.pop();
    const under = top();
    if (under && under.kind === 'seq' && under.indent === indent) stack.pop();
    let map = top();
    if (!map || map.indent < indent) {
      if (map && !(map.kind === 'map' && map.open && map.lastKey !== undefined)) return undefined;
      if (!map && nodes.size) return undefined;
      const path = map ? [...map.path, map.lastKey!] : [];
      if (map) map.open = false;
      map = { indent, kind: 'map', path, count: 0 };
      stack.push(map);
    } else if (map.kind !== 'map' || map.indent !== indent) return undefined;
    if (!handleKey(map, match, trimmed, line, column)) return undefined;
  }
  if (pendingItem || !first) return undefined;
  return { nodes, first };
}

/** The position positionOf would give: that of the deepest node on the path that exists. */
export function blockPositionOf(positions: BlockPositions, path: ReadonlyArray<string | number>): Position {
  for (let n = path.length; n > 0; n--) {
    const hit = positions.nodes.get(path.slice(0, n).join(SEP));
    if (hit) return hit;
  }
  return positions.first;
}
