// How deep YAML data may nest, and that it has an end. Every YAML eis reads (statements, configs,
// questionnaires, answer files) is held to this in the two places all of it passes: the statement
// reader (statement/reader.ts) and the full parser (source.ts).
//
// The parsers and most code that walks data recurse, one call or more per level: 3,000 nested
// lists (`- - - - ...`) or mappings overflowed the stack, some in a parser, some later in the
// check, the diff or the renderer, and an alias inside its own anchor (`x: &x {b: *x}`) reads as
// data that contains itself, which made `eis diff` fail as "a bug in eis". So the data is refused
// as soon as it is read when it nests more than MAX_NESTING levels or an alias makes a circle,
// with the place in the file; a parser that runs out of stack first is caught and reported the
// same way (at the place the text first nests that deep). Statements need a handful of levels.
import { EisError } from '../errors.js';

/** A line and column (as source.ts gives them; not imported, so that it may import this file). */
interface Position {
  line: number;
  column: number;
}

/** Levels of lists and mappings, the top one counted. */
export const MAX_NESTING = 100;

export interface NestingProblem {
  kind: 'deep' | 'cycle';
  /** The node that goes too deep, or the alias that closes the circle. */
  path: Array<string | number>;
}

type Collection = Record<string, unknown> | unknown[];

interface Frame {
  node: Collection;
  keys: string[];
  next: number;
  /** Levels of collections from this one down, itself included (when `shared`). */
  height: number;
}

const isCollection = (value: unknown): value is Collection => typeof value === 'object' && value !== null;

/**
 * The first collection nested more than `limit` levels deep, or the first alias whose value contains
 * it, or undefined. It walks without recursion. `shared`: the data may hold one object in several
 * places (aliases, from the full parser): then each object is walked once, and a circle is found;
 * data from the fast readers, which read no aliases, is a tree.
 */
export function nestingProblem(data: unknown, options: { shared?: boolean; limit?: number } = {}): NestingProblem | undefined {
  const limit = options.limit ?? MAX_NESTING;
  if (!isCollection(data)) return undefined;
  const heights = options.shared ? new Map<Collection, number>() : undefined;
  const open = new Set<Collection>();
  const frame = (node: Collection): Frame => ({ node, keys: Object.keys(node), next: 0, height: 1 });
  const stack: Frame[] = [frame(data)];
  if (heights) open.add(data);
  // Each frame below the top was entered through its parent's last key.
  const pathTo = (key: string) => [...stack.slice(0, -1).map((parent) => keyOf(parent.node, parent.keys[parent.next - 1]!)), keyOf(stack[stack.length - 1]!.node, key)];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.keys.length) {
      const key = top.keys[top.next++]!;
      const child = (top.node as Record<string, unknown>)[key];
      if (!isCollection(child)) continue;
      if (heights) {
        if (open.has(child)) return { kind: 'cycle', path: pathTo(key) };
        const height = heights.get(child);
        if (height !== undefined) {
          if (stack.length + height > limit) return { kind: 'deep', path: pathTo(key) };
          top.height = Math.max(top.height, height + 1);
          continue;
        }
        open.add(child);
      }
      if (stack.length + 1 > limit) return { kind: 'deep', path: pathTo(key) };
      stack.push(frame(child));
    } else {
      stack.pop();
      if (heights) {
        open.delete(top.node);
        heights.set(top.node, top.height);
        const parent = stack[stack.length - 1];
        if (parent) parent.height = Math.max(parent.height, top.height + 1);
      }
    }
  }
  return undefined;
}

function keyOf(node: Collection, key: string): string | number {
  return Array.isArray(node) ? Number(key) : key;
}

/** The error for a problem, at `place` in `file`. */
export function nestingError(problem: NestingProblem['kind'], file: string, place: Position): EisError {
  return problem === 'cycle'
    ? new EisError('this alias stands for a value that contains the alias itself, so the value has no end.', {
        file,
        ...place,
        hint: 'Write the value out, or point the alias at an anchor outside its own value.',
        code: 'file/yaml',
      })
    : new EisError(`the YAML nests more than ${MAX_NESTING} levels of lists and mappings deep here; eis reads at most ${MAX_NESTING}.`, {
        file,
        ...place,
        hint: 'A statement needs only a few levels: write the deep part out flat, or leave it out.',
        code: 'file/yaml',
      });
}

/** A stack overflow, from a parser or a walk over data, rather than anything else thrown. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Where the text first nests more than `limit` levels, estimated from the text alone, for a parser
 * that ran out of stack before giving data: each deeper indentation, each `- ` or `? ` before the
 * content of a line, and each open `[` or `{` counts a level. (It may count a level too many, in a
 * block scalar or a quoted `[`; it names a place, it does not decide.) The deepest place when the
 * estimate stays under the limit.
 */
export function deepPlace(text: string, limit = MAX_NESTING): Position {
  const indents: number[] = [];
  let flow = 0;
  let deepest = { depth: -1, line: 1, column: 1 };
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const blank = i === end || text.charCodeAt(i) === 35; // empty, or a comment
    if (!blank) {
      if (flow === 0) {
        while (indents.length && indents[indents.length - 1]! >= i - start) indents.pop();
        indents.push(i - start);
      }
      let compact = 0;
      for (let j = i; j < end; j++) {
        const c = text.charCodeAt(j);
        let opens = false;
        if (c === 91 || c === 123) {
          flow++;
          opens = true;
        } else if (c === 93 || c === 125) flow = Math.max(0, flow - 1);
        else if (flow === 0 && (c === 45 || c === 63) && j === i + compact * 2 && (j + 1 === end || text.charCodeAt(j + 1) === 32)) {
          compact++;
          opens = true;
        }
        if (opens) {
          const depth = indents.length + compact + flow;
          if (depth > deepest.depth) deepest = { depth, line, column: j - start + 1 };
          if (depth > limit) return { line, column: j - start + 1 };
        }
      }
      const depth = indents.length + compact + flow;
      if (depth > deepest.depth) deepest = { depth, line, column: i - start + 1 };
      if (depth > limit) return { line, column: i - start + 1 };
    }
    start = end + 1;
  }
  return { line: deepest.line, column: deepest.column };
}
