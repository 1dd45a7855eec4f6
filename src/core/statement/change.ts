// Reading a statement to change it, and changing it, in time and memory that stay bounded when the
// statement is huge. A yaml Document costs about 4 s and a gigabyte for a list of a million
// entries, and every change needs one. So a large statement is read with the fast parser, and a
// change is made on a skeleton: the big blocks the change does not touch are set aside as one-line
// placeholders, the small rest is parsed, changed and written as usual (documentText), and the
// blocks are put back byte for byte. Every step is checked against the data; anything that does
// not add up falls back to the whole Document, which is slow but always right. Readers that need
// positions only (eis lint) get the text with such blocks blanked out instead (blankBlocks).
import { deepEqual } from '../equal.js';
import type { Document } from 'yaml';
import { isPlainObject } from '../questionnaire/answers.js';
import { fastParse } from '../yaml/fast.js';
import { parseYamlSource, type Position, type YamlSource } from '../yaml/source.js';
import { documentText } from './edit.js';
import { readerOf, readStatement } from './reader.js';
import { withCrlf } from '../yaml/line-endings.js';

export { lineEndings } from '../yaml/line-endings.js';

type Path = ReadonlyArray<string | number>;

/** Statements from this size on are read with the fast parser and changed on a skeleton. */
export const LARGE_STATEMENT_CHARS = 64 * 1024;
/** Blocks from this size on are set aside while a large statement is changed. */
const SET_ASIDE_CHARS = 8 * 1024;

export interface StatementText {
  file: string;
  /** The text with LF line endings; `eol` says when the file's own are CRLF. */
  text: string;
  /** CRLF when every line of the file ends so: a change is written back with them. */
  eol?: '\r\n' | undefined;
  /** Hash of the bytes read: a save checks the file still has them. */
  hash: string;
  data: unknown;
  /** The full parse, when one was made (every statement under LARGE_STATEMENT_CHARS). */
  source?: YamlSource | undefined;
}

/** A statement's text and data, with the yaml Document only when the statement is small. */
export function statementFromText(file: string, decoded: { text: string; eol?: '\r\n' }, hash: string): StatementText {
  const { text, eol } = decoded;
  const read = readStatement(text, file, { prefer: text.length >= LARGE_STATEMENT_CHARS ? 'fast' : 'document' });
  return { file, text, eol, hash, data: read.data, source: read.parsedFully ? read.source() : undefined };
}

/** The data of a statement's text; `name` is the file named in a YAML error. */
export function statementData(text: string, name: string): unknown {
  // Both parsers read CRLF text as it is (fastParse makes it LF itself).
  return readStatement(text, name, { prefer: text.length >= LARGE_STATEMENT_CHARS ? 'fast' : 'full' }).data;
}

/** Where `path` is in the statement (for an error message), as positionOf gives it. */
export function statementPosition(statement: StatementText, path: Path): Position {
  return readerOf(statement).at(path);
}

/**
 * The statement's new text after `change` edits its Document. `touched` lists every path the change
 * may write at or under (section, or section and question): only other blocks are set aside.
 * `change` may run twice (on the skeleton, then on the whole Document when a check fails), so it
 * must only edit the Document it is given. The statement's own Document is used up. The text has
 * the statement's own line endings.
 */
export function changeStatement(statement: StatementText, touched: ReadonlyArray<Path>, change: (doc: Document) => void): string {
  const text = changeLf(statement, touched, change);
  return statement.eol ? withCrlf(text) : text;
}

function changeLf(statement: StatementText, touched: ReadonlyArray<Path>, change: (doc: Document) => void): string {
  if (!statement.source) {
    const changed = changeSkeleton(statement, touched, change);
    if (changed !== undefined) return changed;
  }
  const source = statement.source ?? parseYamlSource(statement.text, statement.file);
  statement.source = undefined;
  change(source.doc);
  return documentText(source.doc);
}

interface Aside {
  token: string;
  /** [section] or [section, question]. */
  path: [string] | [string, string];
  indent: number;
  text: string;
}

function changeSkeleton(statement: StatementText, touched: ReadonlyArray<Path>, change: (doc: Document) => void): string | undefined {
  if (!isPlainObject(statement.data)) return undefined;
  const split = setAside(statement.text, touched);
  if (!split) return undefined;
  const { skeleton, asides } = split;
  // The split must mean the statement: the skeleton's data with the blocks put back is the data.
  const before = fastParse(skeleton);
  if (!before || !deepEqual(putBack(before.data, asides, statement.data), statement.data)) return undefined;
  let source: YamlSource;
  try {
    source = parseYamlSource(skeleton, statement.file);
  } catch {
    return undefined;
  }
  change(source.doc);
  const written = documentText(source.doc);
  const text = reinsert(written, asides);
  if (text === undefined) return undefined;
  // And the result must mean what was written, with the blocks as they were.
  const after = fastParse(written);
  const result = fastParse(text);
  if (!after || !result || !deepEqual(result.data, putBack(after.data, asides, statement.data))) return undefined;
  return text;
}

/** A key line this reader follows: a plain identifier, a colon, then a space or the line's end. */
const KEY = /^([A-Za-z_$][A-Za-z0-9_$.-]*)[ ]*:(?=[ ]|$)/;

interface KeyBlock {
  key: string;
  /** First and last line (0-based) of the key and its value, without trailing blank or comment lines. */
  from: number;
  last: number;
  /** The line up to the key's colon. */
  prefix: string;
}

/**
 * The blocks of the keys at `indent` in lines [start, end), read line by line; undefined when the
 * lines are anything but a plain block mapping at that indentation.
 */
function keyBlocks(lines: string[], start: number, end: number, indent: number): KeyBlock[] | undefined {
  const blocks: KeyBlock[] = [];
  let current: KeyBlock | undefined;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const at = line.length - trimmed.length;
    // Indentation is spaces; a tab or another kind of space there is left to the yaml library.
    if (!/^ *$/.test(line.slice(0, at))) return undefined;
    if (at > indent || (at === indent && (trimmed === '-' || trimmed.startsWith('- ')))) {
      // The value of the current key (a list may start at the key's own indentation).
      if (!current) return undefined;
      current.last = i;
      continue;
    }
    if (at < indent) return undefined;
    const match = KEY.exec(trimmed);
    if (!match) return undefined;
    current = { key: match[1]!, from: i, last: i, prefix: line.slice(0, at + match[0].length) };
    blocks.push(current);
  }
  return blocks;
}

function blockChars(lines: string[], block: KeyBlock): number {
  let n = 0;
  for (let i = block.from; i <= block.last; i++) n += lines[i]!.length + 1;
  return n;
}

/** The statement with its big untouched blocks replaced by placeholder lines. */
function setAside(text: string, touched: ReadonlyArray<Path>): { skeleton: string; asides: Aside[] } | undefined {
  if (text.includes('\r')) return undefined;
  const sections = new Set(touched.map((p) => String(p[0])));
  const whole = new Set(touched.filter((p) => p.length === 1).map((p) => String(p[0])));
  const questions = new Set(touched.filter((p) => p.length > 1).map((p) => `${String(p[0])}\u0000${String(p[1])}`));
  const lines = text.split('\n');
  const top = keyBlocks(lines, 0, lines.length, 0);
  if (!top) return undefined;
  // A name the text does not hold, so that no answer can be mistaken for a placeholder.
  let n = 0;
  let base = 'eis-set-aside-0';
  while (text.includes(base)) base = `eis-set-aside-${++n}`;

  const chosen: Array<{ block: KeyBlock; path: Aside['path']; indent: number }> = [];
  for (const block of top) {
    if (blockChars(lines, block) < SET_ASIDE_CHARS) continue;
    if (!sections.has(block.key)) {
      chosen.push({ block, path: [block.key], indent: 0 });
      continue;
    }
    // A touched section: its big answers that the change leaves alone can still be set aside.
    if (whole.has(block.key) || lines[block.from]!.slice(block.prefix.length).trim().replace(/^#.*/, '') !== '') continue;
    let first = block.from + 1;
    while (first <= block.last && /^\s*(?:#.*)?$/.test(lines[first]!)) first++;
    if (first > block.last) continue;
    const indent = lines[first]!.length - lines[first]!.trimStart().length;
    if (indent === 0) continue;
    for (const inner of keyBlocks(lines, first, block.last + 1, indent) ?? []) {
      if (!questions.has(`${block.key}\u0000${inner.key}`) && blockChars(lines, inner) >= SET_ASIDE_CHARS) chosen.push({ block: inner, path: [block.key, inner.key], indent });
    }
  }
  if (!chosen.length) return undefined;

  const asides: Aside[] = [];
  const out: string[] = [];
  let next = 0;
  for (const { block, path, indent } of chosen.sort((a, b) => a.block.from - b.block.from)) {
    const token = `${base}-${asides.length}`;
    for (let i = next; i < block.from; i++) out.push(lines[i]!);
    out.push(`${block.prefix} ${token}`);
    asides.push({ token, path, indent, text: lines.slice(block.from, block.last + 1).join('\n') });
    next = block.last + 1;
  }
  for (let i = next; i < lines.length; i++) out.push(lines[i]!);
  return { skeleton: out.join('\n'), asides };
}

/**
 * The text with its big blocks that `wanted` turns down ([section] or [section, question]) blanked
 * out: the key stays, with no value, and everything else becomes spaces, line breaks kept, so that
 * every offset, line and column of the rest is the original's. Undefined when there is nothing to
 * blank, or the lines are not plain enough to follow.
 */
export function blankBlocks(text: string, wanted: (path: [string] | [string, string]) => boolean): string | undefined {
  if (text.includes('\r')) return undefined;
  const lines = text.split('\n');
  const top = keyBlocks(lines, 0, lines.length, 0);
  if (!top) return undefined;
  const blank: KeyBlock[] = [];
  for (const block of top) {
    if (blockChars(lines, block) < SET_ASIDE_CHARS) continue;
    if (!wanted([block.key])) {
      blank.push(block);
      continue;
    }
    if (lines[block.from]!.slice(block.prefix.length).trim().replace(/^#.*/, '') !== '') continue;
    let first = block.from + 1;
    while (first <= block.last && /^\s*(?:#.*)?$/.test(lines[first]!)) first++;
    if (first > block.last) continue;
    const indent = lines[first]!.length - lines[first]!.trimStart().length;
    if (indent === 0) continue;
    for (const inner of keyBlocks(lines, first, block.last + 1, indent) ?? []) if (!wanted([block.key, inner.key]) && blockChars(lines, inner) >= SET_ASIDE_CHARS) blank.push(inner);
  }
  if (!blank.length) return undefined;
  for (const block of blank) {
    lines[block.from] = block.prefix + ' '.repeat(lines[block.from]!.length - block.prefix.length);
    for (let i = block.from + 1; i <= block.last; i++) lines[i] = ' '.repeat(lines[i]!.length);
  }
  return lines.join('\n');
}

/** The written skeleton with each placeholder line replaced by its block; undefined when one is not found once, at its place. */
function reinsert(written: string, asides: Aside[]): string | undefined {
  const byToken = new Map(asides.map((a) => [a.token, a]));
  const found = new Set<string>();
  const base = asides[0]!.token.replace(/-\d+$/, ''); // setAside sets one block aside at least
  const lines = written.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.includes(base)) continue;
    const match = /^( *)[^ ].*: (\S+)$/.exec(line);
    const aside = match ? byToken.get(match[2]!) : undefined;
    if (!match || !aside || found.has(aside.token) || match[1]!.length !== aside.indent) return undefined;
    found.add(aside.token);
    lines[i] = aside.text;
  }
  return found.size === asides.length ? lines.join('\n') : undefined;
}

/** `data` with each placeholder replaced by the block's value in `original`; a placeholder not where it should be makes it differ. */
function putBack(data: unknown, asides: Aside[], original: Record<string, unknown>): unknown {
  if (!isPlainObject(data)) return data;
  const out: Record<string, unknown> = { ...data };
  for (const { path, token } of asides) {
    if (path.length === 1) {
      if (out[path[0]] !== token) return undefined;
      out[path[0]] = original[path[0]];
      continue;
    }
    const section = out[path[0]];
    const from = original[path[0]];
    if (!isPlainObject(section) || !isPlainObject(from) || section[path[1]] !== token) return undefined;
    out[path[0]] = { ...section, [path[1]]: from[path[1]] };
  }
  return out;
}
