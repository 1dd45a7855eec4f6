// A fast read of YAML for the common case: a clean file that needs no positions. js-yaml is about
// eight times faster than the yaml Document API; its scalars are made to resolve exactly as the
// yaml library's YAML 1.2 core schema does (same patterns, same values), and anything unusual
// (anchors, aliases, tags, directives, a parse error) is left to the full parser in source.ts.
import jsyaml from 'js-yaml';
import { blockRead } from './block-read.js';
import { lineEndings } from './line-endings.js';
import { constructBool, constructFloat, constructInt, isBool, isFloat, isInt, isNull } from './scalars.js';

const scalar = (tag: string, test: (text: string) => boolean, construct: (text: string) => unknown) =>
  new jsyaml.Type(tag, { kind: 'scalar', resolve: (text: string | null) => text !== null && test(text), construct: (text: string) => construct(text) });

// The yaml library's core schema (see scalars.ts), in its order.
export const fastSchema = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (t: string | null) => t === null || isNull(t), construct: () => null }),
    scalar('tag:yaml.org,2002:bool', isBool, constructBool),
    scalar('tag:yaml.org,2002:int', isInt, constructInt),
    scalar('tag:yaml.org,2002:float', isFloat, constructFloat),
  ],
});

/** The file's data, or undefined when the full parser must read it. */
export function fastParse(crlfOrLf: string): { data: unknown } | undefined {
  if (unusual(crlfOrLf)) return undefined;
  // The readers take LF; a file of CRLF lines means the same (YAML reads both endings alike).
  const text = lineEndings(crlfOrLf).text;
  // Most statements are plain block YAML, which a reader made for it takes faster than js-yaml.
  let quick: ReturnType<typeof blockRead>;
  try {
    quick = blockRead(text);
  } catch (error) {
    // Nesting deep enough to exhaust the stack: the full parser reports it (nesting.ts).
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  if (quick) return quick;
  if (jsYamlWouldDiffer(text)) return undefined;
  try {
    const data = jsyaml.load(text, { schema: fastSchema, json: false });
    if (hasUnusualKey(data)) return undefined;
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}

/** Keys that resolve to null, booleans or numbers (`null:`, `1.0:`) become strings differently in
 * js-yaml ("null", "1") and the yaml library ("", "1.0"); and YAML caps an implicit key at 1024
 * characters, which only the full parser enforces. Such keys are rare: the full parser reads them. */
const SCALAR_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+.0-9].*|)$/;

function hasUnusualKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasUnusualKey(item)) return true;
    return false;
  }
  for (const key in value) {
    if (key.length > 1024 || SCALAR_KEY.test(key)) return true;
    if (hasUnusualKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

const CANDIDATE = /[&*!%\t]/g;
const SPACE = /\s/;
const BEFORE_INDICATOR = /[\s[{,]/;

/**
 * Anything the fast read does not handle the same way: an anchor, alias or tag (`&`, `*` or `!`
 * at the start of a line or after a space, `[`, `{` or `,`, and followed by a non-space), a
 * directive (`%` at the start of a line) or a tab. The same as the pattern
 * /(?:^|[\s[{,])[&*!][^\s]|^%|\t/m, but it looks only at those few characters, where the pattern
 * tried every position of every file.
 */
export function unusual(text: string): boolean {
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const i = match.index;
    const c = text[i];
    if (c === '\t') return true;
    const before = i === 0 ? '\n' : text.charAt(i - 1);
    if (c === '%') {
      if (before === '\n' || before === '\r' || before === '\u2028' || before === '\u2029') return true;
    } else if (BEFORE_INDICATOR.test(before) && i + 1 < text.length && !SPACE.test(text.charAt(i + 1))) return true;
  }
  return false;
}

/**
 * What js-yaml reads and the yaml library refuses, found so far by the fast/full tests: a flow list
 * or mapping over several lines whose later lines are not indented past the line it opens on (the
 * yaml library wants them inside the block node that holds the collection), and a comment right
 * after a quoted scalar (`"x"#c`). Such files go to the full parser. A flow collection the way
 * editors and the yaml library write it, one item a line, indented, is read fast.
 */
function jsYamlWouldDiffer(text: string): boolean {
  let depth = 0;
  /** The indentation of the line a multi-line flow collection opened on, and whether the line began with it. */
  let openIndent = 0;
  let openedAtStart = false;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (depth === 0) {
        openIndent = indentAt(text, lineStart);
        openedAtStart = i === lineStart + openIndent;
      }
      depth++;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 35) {
      const before = text.charCodeAt(i - 1);
      if (before === 34 || before === 39) return true;
    } else if (c === 10) {
      lineStart = i + 1;
      if (depth > 0) {
        const indent = indentAt(text, lineStart);
        const next = text.charCodeAt(lineStart + indent);
        // Blank lines do not count; a later line must sit inside the block that holds the collection.
        if (next !== 10 && !Number.isNaN(next) && (openedAtStart ? indent < openIndent : indent <= openIndent)) return true;
      } else depth = 0;
    }
  }
  return depth > 0;
}

function indentAt(text: string, lineStart: number): number {
  let n = 0;
  while (text.charCodeAt(lineStart + n) === 32) n++;
  return n;
}
