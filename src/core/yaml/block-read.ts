// A reader for the plain block YAML that statements are made of, about two and a half times as fast
// as js-yaml on them: mappings and lists by indentation, one-line plain and quoted scalars, literal
// and folded block scalars, one-line flow lists of plain scalars, comments. It gives up (undefined)
// on anything else or anything it is not sure of (a scalar over several lines, escapes, keys that
// are not plain words, document markers, duplicate keys), and js-yaml reads the file instead.
// Its results are compared with the yaml library's on generated, mutated and fuzzed statements.
import { resolvePlain } from './scalars.js';

const GIVE_UP = Symbol('give up');

/** Keys that the core schema reads as null, booleans or numbers: the full parser handles them. */
const SCALAR_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Characters a plain scalar may not start with (`-` is allowed before a non-space, as in -5). */
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?:\s|$))/;
/** The codes of those characters but `-`, which the pattern checks. */
const INDICATOR_CODES = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

function startsWithIndicator(plain: string): boolean {
  const c = plain.charCodeAt(0);
  return INDICATOR_CODES.has(c) || (c === 45 && INDICATOR.test(plain));
}
/** Characters YAML does not allow in a file (and any surrogate, to be safe): js-yaml refuses them. */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;
const BLOCK_HEADER = /^([|>])(-?)(?: +#.*)? *$/;

/** The data of a plain block YAML mapping, or undefined when js-yaml must read it. */
export function blockRead(text: string): { data: Record<string, unknown> } | undefined {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff || NOT_PRINTABLE.test(text)) return undefined;
  const reader = new Reader(text);
  try {
    reader.skipBlank();
    if (reader.done() || reader.indent() !== 0) return undefined;
    const data = reader.mapping(0, -1);
    reader.skipBlank();
    return reader.done() ? { data } : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

// YAML's white space is the space (tabs never reach here); JavaScript's trim() would also take
// no-break spaces and line separators, which are content in YAML.
const BLANK = /^ *$/;

function isBlank(line: string): boolean {
  return BLANK.test(line);
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

/** Keys an object already has (toString, __proto__): the full parser decides what they become. */
const OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
/**
 * Statements repeat the same keys. Each key is cut from the text and vetted once per process, then
 * found again by a hash of its characters; reusing one string also makes setting it on the mapping
 * cheaper. Bounded, so that a file of a million distinct keys cannot fill memory with them.
 */
const KNOWN_KEYS = new Map<number, string>();
const MAX_KNOWN_KEYS = 4096;
/** Past this many keys, a mapping looks for repeated keys in a set rather than a list. */
const FEW_KEYS = 32;

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/**
 * Reads the text in place, by the offsets of its lines, rather than splitting it: a statement is
 * a few hundred short lines, and cutting each into strings cost more than reading it.
 */
class Reader {
  /** Where each line starts and ends; read only for line numbers below count, hence their `!`. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly count: number;
  private i = 0;
  /** The indentation of line i, once skipBlank has stopped there. */
  private at = 0;
  /** The hash of the last key keyColon found. */
  private keyHash = 0;
  /** The first ` #` at or after commentFrom, or -1 when there is none (-2 before the first search). */
  private comment = -2;
  private commentFrom = 0;

  constructor(private readonly text: string) {
    for (let start = 0; ; ) {
      const end = text.indexOf('\n', start);
      this.starts.push(start);
      this.ends.push(end === -1 ? text.length : end);
      if (end === -1) break;
      start = end + 1;
    }
    this.count = this.starts.length;
  }

  done(): boolean {
    return this.i >= this.count;
  }

  indent(): number {
    return this.at;
  }

  private indentOf(line: number): number {
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    let p = start;
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    return p - start;
  }

  private isBlank(line: number): boolean {
    return this.indentOf(line) === this.ends[line]! - this.starts[line]!;
  }

  /** Whether the text from `from` to the line's end is `-` alone or starts with `- `. */
  private isItem(from: number, end: number): boolean {
    return this.text.charCodeAt(from) === 45 && (from + 1 === end || this.text.charCodeAt(from + 1) === 32);
  }

  /** Where the colon after a plain key starting at `from` is, or -1 (the key must be followed by `:` and spaces or the line's end). */
  private keyColon(from: number, end: number): number {
    const text = this.text;
    if (from >= end || !isKeyStart(text.charCodeAt(from))) return -1;
    let hash = text.charCodeAt(from);
    let p = from + 1;
    for (; p < end; p++) {
      const c = text.charCodeAt(p);
      if (!isKeyPart(c)) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (p >= end || text.charCodeAt(p) !== 58) return -1;
    this.keyHash = hash;
    return p + 1 === end || text.charCodeAt(p + 1) === 32 ? p : -1;
  }

  /** Past blank lines and comment lines; a document marker gives up. */
  skipBlank(): void {
    const text = this.text;
    while (this.i < this.count) {
      const start = this.starts[this.i]!;
      const c = text.charCodeAt(start);
      // A line holds no line break, so the three characters are all on this line when they match.
      if ((c === 45 || c === 46) && (text.startsWith('---', start) || text.startsWith('...', start))) throw GIVE_UP;
      const at = this.indentOf(this.i);
      if (start + at < this.ends[this.i]! && text.charCodeAt(start + at) !== 35) {
        this.at = at;
        return;
      }
      this.i++;
    }
  }

  /** A mapping whose keys sit at `indent`; `first` is where the key of a `- key: value` line already read starts, or -1. */
  mapping(indent: number, first: number): Record<string, unknown> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    let keys: string[] | undefined = [];
    let keySet: Set<string> | undefined;
    let from = first;
    for (;;) {
      if (from === -1) {
        this.skipBlank();
        if (this.done()) break;
        const at = this.indent();
        if (at < indent) break;
        if (at > indent) throw GIVE_UP;
        from = this.starts[this.i]! + indent;
        if (this.isItem(from, this.ends[this.i]!)) break;
      }
      const end = this.ends[this.i]!;
      const colon = this.keyColon(from, end);
      if (colon === -1) throw GIVE_UP;
      let key = KNOWN_KEYS.get(this.keyHash);
      if (key === undefined || key.length !== colon - from || !text.startsWith(key, from)) {
        key = text.slice(from, colon);
        // Keys the core schema reads as other scalars, and ones an object already has: the full parser decides.
        if (key.length > 1024 || (key.length <= 5 && SCALAR_KEY.test(key)) || OBJECT_KEYS.has(key)) throw GIVE_UP;
        if (KNOWN_KEYS.size < MAX_KNOWN_KEYS && !KNOWN_KEYS.has(this.keyHash)) KNOWN_KEYS.set(this.keyHash, key);
      }
      // A key seen before in this mapping: the full parser reports it.
      if (keys) {
        if (keys.includes(key)) throw GIVE_UP;
        keys.push(key);
        if (keys.length > FEW_KEYS) {
          keySet = new Set(keys);
          keys = undefined;
        }
      } else {
        if (keySet!.has(key)) throw GIVE_UP;
        keySet!.add(key);
      }
      let rest = colon + 1;
      while (rest < end && text.charCodeAt(rest) === 32) rest++;
      this.i++;
      map[key] = this.value(rest, end, indent, true);
      from = -1;
    }
    return map;
  }

  /** A list whose `- ` marks sit at `indent`. */
  sequence(indent: number): unknown[] {
    const text = this.text;
    const list: unknown[] = [];
    for (;;) {
      this.skipBlank();
      if (this.done() || this.indent() !== indent) break;
      const from = this.starts[this.i]! + indent;
      const end = this.ends[this.i]!;
      if (!this.isItem(from, end)) break;
      const rest = from + 2;
      if (rest >= end || text.charCodeAt(rest) === 32 || this.isItem(rest, end)) throw GIVE_UP;
      if (this.keyColon(rest, end) !== -1) list.push(this.mapping(indent + 2, rest));
      else {
        this.i++;
        list.push(this.value(rest, end, indent, false));
      }
    }
    return list;
  }

  /**
   * The value from `from` to `end` on the line just read (this.i is on the next line). `indent`
   * is that of the key or dash; a nested block must be deeper, except a list under a key.
   */
  private value(from: number, end: number, indent: number, underKey: boolean): unknown {
    const source = this.text;
    // The value without a comment (from ` #`) and the spaces around it; a `#` first is all comment.
    let start = from;
    let stop = from < end && source.charCodeAt(from) !== 35 ? this.commentOrEnd(from, end) : from;
    while (start < stop && source.charCodeAt(start) === 32) start++;
    while (stop > start && source.charCodeAt(stop - 1) === 32) stop--;
    if (start === stop) {
      this.skipBlank();
      if (this.done()) return null;
      const at = this.indent();
      const start = this.starts[this.i]! + at;
      const item = this.isItem(start, this.ends[this.i]!);
      if (at > indent) return item ? this.sequence(at) : this.mapping(at, -1);
      if (at === indent && underKey && item) return this.sequence(at);
      return null;
    }
    let value: unknown;
    const first = source.charCodeAt(from);
    if (first === 124 || first === 62) return this.blockScalar(source.slice(from, end), indent); // | >
    if (first === 91)
      value = flowList(source.slice(from, end)); // [
    else if (first === 123) {
      // {
      if (stop - start !== 2 || !source.startsWith('{}', start)) throw GIVE_UP;
      value = {};
    } else if (first === 34 || first === 39)
      value = quoted(source.slice(from, end)); // " '
    else {
      const plain = source.slice(start, stop);
      if (startsWithIndicator(plain) || plain.includes(': ') || plain.endsWith(':')) throw GIVE_UP;
      value = resolvePlain(plain);
    }
    this.endOfValue(indent);
    return value;
  }

  /**
   * Where the comment on the line from `from` to `end` starts (its ` #`), or `end`. The last search
   * is kept: lines are read in order, so the text is searched once, not once a line to its end.
   */
  private commentOrEnd(from: number, end: number): number {
    if (this.comment === -2 || from < this.commentFrom || (this.comment !== -1 && this.comment < from)) {
      // `#` is rare and a space is in every line of prose: look for the one, then check for the other.
      let hash = from;
      do hash = this.text.indexOf('#', hash + 1);
      while (hash !== -1 && this.text.charCodeAt(hash - 1) !== 32);
      this.comment = hash === -1 ? -1 : hash - 1;
      this.commentFrom = from;
    }
    return this.comment !== -1 && this.comment < end ? this.comment : end;
  }

  /** A one-line value must not go on: a deeper next line would be more of it, or an error. */
  private endOfValue(indent: number): void {
    let j = this.i;
    while (j < this.count && this.isBlank(j)) j++;
    if (j < this.count && this.indentOf(j) > indent) throw GIVE_UP;
  }

  /** `|` or `>`, clipped or stripped (`-`), with the indentation found from its first line. */
  private blockScalar(header: string, indent: number): string {
    const match = BLOCK_HEADER.exec(header);
    if (!match) throw GIVE_UP;
    const [, style, chomp] = match;
    const start = this.i;
    if (start >= this.count || this.isBlank(start)) throw GIVE_UP;
    const at = this.indentOf(start);
    if (at <= indent) throw GIVE_UP;
    const body: string[] = [];
    let j = start;
    for (; j < this.count; j++) {
      const length = this.ends[j]! - this.starts[j]!;
      if (this.isBlank(j)) {
        if (length > at) throw GIVE_UP; // spaces that would be content
        body.push('');
        continue;
      }
      if (this.indentOf(j) < at) break;
      const content = this.text.slice(this.starts[j]! + at, this.ends[j]);
      if (style === '>' && content.startsWith(' ')) throw GIVE_UP; // more-indented lines fold differently
      body.push(content);
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    const last = start + body.length - 1;
    // The last line needs its line break for the usual ending; a file that stops there is left to js-yaml.
    if (last >= this.count - 1) throw GIVE_UP;
    this.i = j;
    const joined = style === '|' ? body.join('\n') : fold(body);
    return chomp === '-' ? joined : `${joined}\n`;
  }
}

/** Folded style: lines join with a space; n empty lines between two lines keep n line breaks. */
function fold(lines: string[]): string {
  let out = lines[0] ?? ''; // blockScalar passes at least its first line
  let empty = 0;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line === '') {
      empty++;
      continue;
    }
    out += empty ? '\n'.repeat(empty) : ' ';
    out += line;
    empty = 0;
  }
  return out;
}

/** `[a, b, c]` on one line, of plain scalars only. */
function flowList(text: string): unknown[] {
  const close = text.indexOf(']');
  if (close === -1) throw GIVE_UP;
  const after = text.slice(close + 1);
  if (!isBlank(after) && !/^ +#/.test(after)) throw GIVE_UP;
  const inner = text.slice(1, close);
  if (/[[{}"'#]/.test(inner)) throw GIVE_UP;
  if (isBlank(inner)) return [];
  return inner.split(',').map((item) => {
    const plain = trimSpaces(item);
    if (plain === '' || startsWithIndicator(plain) || plain.includes(': ') || plain.endsWith(':')) throw GIVE_UP;
    return resolvePlain(plain);
  });
}

/** A quoted scalar that ends on its line: single quotes with '' inside, double quotes without escapes. */
function quoted(text: string): string {
  const q = text.charAt(0);
  let value = '';
  let k = 1;
  for (;;) {
    const end = text.indexOf(q, k);
    if (end === -1) throw GIVE_UP;
    value += text.slice(k, end);
    if (q === "'" && text[end + 1] === "'") {
      value += "'";
      k = end + 2;
      continue;
    }
    k = end + 1;
    break;
  }
  if (q === '"' && value.includes('\\')) throw GIVE_UP;
  const after = text.slice(k);
  if (!isBlank(after) && !/^ +#/.test(after)) throw GIVE_UP;
  return value;
}
