// Positions of keys and list items in any YAML the fast reader accepts, from one js-yaml pass
// with a listener, without the yaml library's Document. The line reader (block-positions.ts) is
// quicker but follows plain block style only; this follows every style js-yaml reads the same as
// the yaml library: folded and literal blocks, quoted and multi-line scalars, flow collections
// over several lines, comments anywhere. It gives the positions positionOf (source.ts) gives: a
// mapping entry's key, a list item's first character. Anything it cannot pair up exactly makes it
// give up (undefined), and the caller uses the full parser.
import jsyaml from 'js-yaml';
import type { BlockPositions, Position } from './block-positions.js';
import { fastSchema } from './fast.js';
import { lineEndings } from './line-endings.js';
import { lineStarts, startAtOrBefore } from '../line-starts.js';

const SEP = '\u0000';

/** One call of js-yaml's composeNode: a node, or an attempt that became part of its parent. */
interface Frame {
  /** Where js-yaml stood when it began: the node starts at the next content character. */
  from: number;
  kind: string | null;
  /** The scalar's value, for keys. */
  value: unknown;
  /** The node js-yaml made, to tell a wrapper from a parent. */
  result?: unknown;
  children: Frame[];
}

export function eventPositions(crlfOrLf: string): BlockPositions | undefined {
  const text = lineEndings(crlfOrLf).text;
  // A CR not followed by LF is a line break to YAML; lines below count LF only.
  if (text.includes('\r')) return undefined;
  // js-yaml drops a byte-order mark before it counts; the yaml library counts it.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root: Frame = { from: 0, kind: null, value: undefined, children: [] };
  const stack: Frame[] = [root];
  try {
    jsyaml.load(text, {
      schema: fastSchema,
      json: false,
      listener(event, state) {
        if (event === 'open') {
          const frame: Frame = { from: state.position + shift, kind: null, value: undefined, children: [] };
          const parent = stack[stack.length - 1];
          if (!parent) throw new Error('unbalanced');
          parent.children.push(frame);
          stack.push(frame);
        } else {
          const frame = stack.pop();
          if (!frame) throw new Error('unbalanced');
          frame.kind = state.kind;
          if (state.kind === 'scalar') frame.value = state.result;
          else frame.result = state.result;
        }
      },
    });
  } catch {
    return undefined;
  }
  const top = root.children[0];
  if (stack.length !== 1 || !top) return undefined;
  const lines = lineStarts(text);
  const nodes = new Map<string, Position>();
  const at = (offset: number): Position => position(lines, offset);
  const ok = walk(top, [], text, nodes, at);
  if (!ok) return undefined;
  return { nodes, first: at(contentStart(text, top.from, true)) };
}

/** Records the positions under `frame` (a node at `path`); false when its events do not pair up. */
function walk(outer: Frame, path: Array<string | number>, text: string, nodes: Map<string, Position>, at: (offset: number) => Position): boolean {
  const frame = unwrap(outer);
  if (frame.kind === 'mapping') {
    const children = frame.children;
    // Each entry is a key and a value, or the events do not say where each one is.
    if (children.length % 2 !== 0 || children.length / 2 !== Object.keys(frame.result as object).length) return false;
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i];
      const value = children[i + 1];
      if (!key || !value) return false;
      if (key.kind !== 'scalar' || key.value === null || typeof key.value === 'object') return false;
      const keyPath = [...path, String(key.value)];
      const id = keyPath.join(SEP);
      // A key seen twice is an error the full parser reports.
      if (nodes.has(id)) return false;
      nodes.set(id, at(contentStart(text, key.from, false)));
      if (!walk(value, keyPath, text, nodes, at)) return false;
    }
    return true;
  }
  if (frame.kind === 'sequence') {
    // An empty item ("-" and nothing) is stored without an event of its own: its place is unknown.
    if (frame.children.length !== (frame.result as unknown[]).length) return false;
    for (const [i, item] of frame.children.entries()) {
      // An item with no content, placed by the yaml library after its "-": not followed here.
      if (unwrap(item).kind === null) return false;
      const itemPath = [...path, i];
      nodes.set(itemPath.join(SEP), at(contentStart(text, item.from, false)));
      if (!walk(item, itemPath, text, nodes, at)) return false;
    }
    return true;
  }
  // A scalar or an empty value: nothing under it has a path.
  return frame.kind === 'scalar' || frame.kind === null;
}

/**
 * The node a frame stands for. Looking for a key, js-yaml reads a node in a call of its own and,
 * when no ":" follows, hands it up: the outer call closes with the very same collection.
 */
function unwrap(frame: Frame): Frame {
  let f = frame;
  while (f.children.length === 1 && (f.kind === 'mapping' || f.kind === 'sequence') && f.children[0]!.result === f.result) f = f.children[0]!;
  return f;
}

/** The first character of a node: past white space, line breaks, comments (and, for the document, a "---"). */
function contentStart(text: string, from: number, document: boolean): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) i++;
    else if (c === 35 && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (document && c === 45 && text.startsWith('---', i) && (i === 0 || text.charCodeAt(i - 1) === 10) && (i + 3 >= text.length || isSpace(text.charCodeAt(i + 3)))) i += 3;
    else if (c === 0xfeff && i === 0) i++;
    else return i;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function position(starts: number[], offset: number): Position {
  const line = startAtOrBefore(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1 };
}
