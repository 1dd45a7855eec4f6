// A reader for the plain block YAML that statements are made of, three to four times faster than
// js-yaml on them: mappings and lists by indentation, one-line plain and quoted scalars, literal
// and folded block scalars, one-line flow lists of plain scalars, comments. It gives up (undefined)
// on anything else or anything it is not sure of (a scalar over several lines, escapes, keys that
// are not plain words, document markers, duplicate keys), and js-yaml reads the file instead.
// Its results are compared with the yaml library's on generated, mutated and fuzzed statements.
import { resolvePlain } from './scalars.js';

const GIVE_UP = Symbol('give up');

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Keys that the core schema reads as null, booleans or numbers: the full parser handles them. */
const SCALAR_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Characters a plain scalar may not start with (`-` is allowed before a non-space, as in -5). */
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?:\s|$))/;
/** Characters YAML does not allow in a file (and any surrogate, to be safe): js-yaml refuses them. */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;
const BLOCK_HEADER = /^([|>])(-?)(?: +#.*)? *$/;

/** The data of a plain block YAML mapping, or undefined when js-yaml must read it. */
export function blockRead(text: string): { data: Record<string, unknown> } | undefined {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff || NOT_PRINTABLE.test(text)) return undefined;
  const reader = new Reader(text.split('\n'));
  try {
    reader.skipBlank();
    if (reader.done() || reader.indent() !== 0) return undefined;
    const data = reader.mapping(0);
    reader.skipBlank();
    return reader.done() ? { data } : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
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

function isItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** The text before a comment (` #`), without trailing spaces. */
function beforeComment(text: string): string {
  const hash = text.indexOf(' #');
  return trimSpaces(hash === -1 ? text : text.slice(0, hash));
}

class Reader {
  private i = 0;
  /** The indentation of line i, once skipBlank has stopped there. */
  private at = 0;

  constructor(private readonly lines: string[]) {}

  done(): boolean {
    return this.i >= this.lines.length;
  }

  indent(): number {
    return this.at;
  }

  /** Past blank lines and comment lines; a document marker gives up. */
  skipBlank(): void {
    const lines = this.lines;
    while (this.i < lines.length) {
      const line = lines[this.i];
      const c = line.charCodeAt(0);
      if ((c === 45 || c === 46) && (line.startsWith('---') || line.startsWith('...'))) throw GIVE_UP;
      const at = indentOf(line);
      if (at < line.length && line.charCodeAt(at) !== 35) {
        this.at = at;
        return;
      }
      this.i++;
    }
  }

  /** A mapping whose keys sit at `indent`; `first` is the rest of a `- key: value` line already read. */
  mapping(indent: number, first?: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let content = first;
    for (;;) {
      if (content === undefined) {
        this.skipBlank();
        if (this.done()) break;
        const at = this.indent();
        if (at < indent) break;
        if (at > indent) throw GIVE_UP;
        content = this.lines[this.i].slice(indent);
        if (isItem(content)) break;
      }
      const match = KEY.exec(content);
      if (!match) throw GIVE_UP;
      const key = match[1];
      // A key seen before, or one an object already has (toString, __proto__): the full parser decides.
      if (map[key] !== undefined || key.length > 1024 || (key.length <= 5 && SCALAR_KEY.test(key))) throw GIVE_UP;
      this.i++;
      map[key] = this.value(content.slice(match[0].length), indent, true);
      content = undefined;
    }
    return map;
  }

  /** A list whose `- ` marks sit at `indent`. */
  sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      this.skipBlank();
      if (this.done() || this.indent() !== indent) break;
      const content = this.lines[this.i].slice(indent);
      if (!isItem(content)) break;
      const rest = content.slice(2);
      if (rest === '' || rest.startsWith(' ') || isItem(rest)) throw GIVE_UP;
      if (KEY.test(rest)) list.push(this.mapping(indent + 2, rest));
      else {
        this.i++;
        list.push(this.value(rest, indent, false));
      }
    }
    return list;
  }

  /**
   * The value after `key: ` or `- ` on the line just read (this.i is on the next line). `indent`
   * is that of the key or dash; a nested block must be deeper, except a list under a key.
   */
  private value(rest: string, indent: number, underKey: boolean): unknown {
    const text = rest.charCodeAt(0) === 35 ? '' : rest;
    const first = text[0];
    const plain = beforeComment(text);
    if (plain === '') {
      this.skipBlank();
      if (this.done()) return null;
      const at = this.indent();
      const content = this.lines[this.i].slice(at);
      if (at > indent) return isItem(content) ? this.sequence(at) : this.mapping(at);
      if (at === indent && underKey && isItem(content)) return this.sequence(at);
      return null;
    }
    let value: unknown;
    if (first === '|' || first === '>') return this.blockScalar(text, indent);
    if (first === '[') value = flowList(text);
    else if (first === '{') {
      if (beforeComment(text) !== '{}') throw GIVE_UP;
      value = {};
    } else if (first === '"' || first === "'") value = quoted(text);
    else {
      if (INDICATOR.test(plain) || plain.includes(': ') || plain.endsWith(':')) throw GIVE_UP;
      value = resolvePlain(plain);
    }
    this.endOfValue(indent);
    return value;
  }

  /** A one-line value must not go on: a deeper next line would be more of it, or an error. */
  private endOfValue(indent: number): void {
    let j = this.i;
    while (j < this.lines.length && isBlank(this.lines[j])) j++;
    if (j < this.lines.length && indentOf(this.lines[j]) > indent) throw GIVE_UP;
  }

  /** `|` or `>`, clipped or stripped (`-`), with the indentation found from its first line. */
  private blockScalar(header: string, indent: number): string {
    const match = BLOCK_HEADER.exec(header);
    if (!match) throw GIVE_UP;
    const [, style, chomp] = match;
    const start = this.i;
    if (start >= this.lines.length || isBlank(this.lines[start])) throw GIVE_UP;
    const at = indentOf(this.lines[start]);
    if (at <= indent) throw GIVE_UP;
    const body: string[] = [];
    let j = start;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j];
      if (isBlank(line)) {
        if (line.length > at) throw GIVE_UP; // spaces that would be content
        body.push('');
        continue;
      }
      if (indentOf(line) < at) break;
      const content = line.slice(at);
      if (style === '>' && content.startsWith(' ')) throw GIVE_UP; // more-indented lines fold differently
      body.push(content);
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    const last = start + body.length - 1;
    // The last line needs its line break for the usual ending; a file that stops there is left to js-yaml.
    if (last >= this.lines.length - 1) throw GIVE_UP;
    this.i = j;
    const joined = style === '|' ? body.join('\n') : fold(body);
    return chomp === '-' ? joined : `${joined}\n`;
  }
}

/** Folded style: lines join with a space; n empty lines between two lines keep n line breaks. */
function fold(lines: string[]): string {
  let out = lines[0];
  let empty = 0;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k] === '') {
      empty++;
      continue;
    }
    out += empty ? '\n'.repeat(empty) : ' ';
    out += lines[k];
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
    if (plain === '' || INDICATOR.test(plain) || plain.includes(': ') || plain.endsWith(':')) throw GIVE_UP;
    return resolvePlain(plain);
  });
}

/** A quoted scalar that ends on its line: single quotes with '' inside, double quotes without escapes. */
function quoted(text: string): string {
  const q = text[0];
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
