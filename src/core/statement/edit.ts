// Changing answers in a statement's YAML Document: comments, unknown keys and the person's key
// order survive; new keys go where the questionnaire puts them.
import { deepEqual } from '../equal.js';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap, type Pair, type Node } from 'yaml';
import { sourceTexts } from '../yaml/source.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { STATEMENT_FORMAT_VERSION } from '../questionnaire/statement-schema.js';

type Path = ReadonlyArray<string | number>;

/** The order keys should have at this path of a statement. */
function orderAt(model: Questionnaire, path: Path): string[] {
  if (path.length === 0) return ['eis', 'questionnaire', 'language', 'migrated', ...model.sections.map((s) => s.id)];
  const section = model.sections.find((s) => s.id === String(path[0]));
  if (path.length === 1) return section?.questions.map((q) => q.id) ?? [];
  if (path.length === 3) {
    const list = section?.questions.find((q) => q.id === String(path[1]));
    return ['id', ...(list?.fields?.map((f) => f.id) ?? [])];
  }
  return [];
}

function keyOf(pair: unknown): string | undefined {
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Adds `key: value` to a map at the place the questionnaire's order gives it. */
function insertOrdered(doc: Document, map: YAMLMap, key: string, value: unknown, order: string[]): void {
  const pair = doc.createPair(key, value) as Pair;
  const rank = order.indexOf(key);
  if (rank === -1) return void map.items.push(pair);
  // After the last existing key that comes before it in the questionnaire.
  let at = 0;
  map.items.forEach((item, i) => {
    const k = keyOf(item);
    if (k !== undefined && order.indexOf(k) !== -1 && order.indexOf(k) < rank) at = i + 1;
  });
  map.items.splice(at, 0, pair);
}

/** Sets the answer at `path` (section, question[, index, field]); creates what is missing in order. */
export function setAnswer(doc: Document, model: Questionnaire, path: Path, value: unknown): void {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  let node: Node = doc.contents as Node;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p) === String(key));
      if (!pair) {
        insertOrdered(doc, node, String(key), last ? value : typeof path[i + 1] === 'number' ? [] : {}, orderAt(model, path.slice(0, i)));
        if (last) return;
        node = (node.items.find((p) => keyOf(p) === String(key)) as Pair).value as Node;
        continue;
      }
      if (last) {
        pair.value = doc.createNode(value);
        return;
      }
      if (pair.value === null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === '')) || !(isMap(pair.value) || isSeq(pair.value))) {
        // An empty `section:` line (or a stray scalar) becomes the mapping the answer goes into.
        const comment = isScalar(pair.value) ? pair.value.comment : undefined;
        pair.value = doc.createNode(typeof path[i + 1] === 'number' ? [] : {});
        if (comment) (pair.value as Node).comment = comment;
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof key === 'number') {
      if (last) {
        if (key >= node.items.length) node.items.push(doc.createNode(value));
        else node.items[key] = doc.createNode(value);
        return;
      }
      while (node.items.length <= key) node.items.push(doc.createNode({}));
      node = node.items[key] as Node;
    } else {
      throw new Error(`cannot set ${path.join('.')}: ${path.slice(0, i).join('.')} is not a mapping or list`);
    }
  }
}

/**
 * Makes the Document say `after` where it says `before`, touching only what differs: a key that
 * stays keeps its node (and the comments on it), a key that goes is deleted, a new one goes where
 * the questionnaire puts it. For changes of many answers at once (eis migrate).
 */
export function patchDocument(doc: Document, model: Questionnaire, before: unknown, after: unknown): void {
  const walk = (path: Array<string | number>, b: unknown, a: unknown) => {
    if (deepEqual(b, a)) return;
    const node = path.length ? doc.getIn(path, true) : doc.contents;
    if (isPlainRecord(b) && isPlainRecord(a) && isMap(node)) {
      for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) doc.deleteIn([...path, key]);
      for (const key of Object.keys(a)) {
        if (Object.hasOwn(b, key)) walk([...path, key], b[key], a[key]);
        else setAnswer(doc, model, [...path, key], a[key]);
      }
      return;
    }
    if (Array.isArray(b) && Array.isArray(a) && b.length === a.length && isSeq(node)) {
      for (const [i, value] of a.entries()) walk([...path, i], b[i], value);
      return;
    }
    if (!path.length) throw new Error('a statement is a mapping');
    setAnswer(doc, model, path, a);
  };
  walk([], before, after);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Removes the answer at `path`, if there is one. */
export function deleteAnswer(doc: Document, path: Path): void {
  if (doc.hasIn(path)) doc.deleteIn(path);
}

/** Appends an entry to a list question and returns its index. */
export function appendEntry(doc: Document, model: Questionnaire, listPath: Path, entry: Record<string, unknown>): number {
  const existing = doc.getIn(listPath);
  const index = isSeq(existing) ? existing.items.length : 0;
  if (!isSeq(existing)) setAnswer(doc, model, listPath, []);
  const ordered: Record<string, unknown> = {};
  for (const key of orderAt(model, [...listPath, index])) if (entry[key] !== undefined) ordered[key] = entry[key];
  for (const key of Object.keys(entry)) if (!(key in ordered)) ordered[key] = entry[key];
  const list = doc.getIn(listPath) as { items: unknown[]; flow?: boolean };
  list.items.push(doc.createNode(ordered));
  // `reviewers: []` written by hand: entries read better as a block list than inline.
  if (list.flow) list.flow = false;
  return index;
}

/** The text of a new statement: the editor-completion line, a comment, the header. */
export function newStatementText(model: Questionnaire, options: { schemaUrl?: string | undefined; title?: string | undefined } = {}): string {
  const lines = [];
  if (options.schemaUrl) lines.push(`# yaml-language-server: $schema=${options.schemaUrl}`);
  lines.push(`# Equity Impact Statement${options.title ? ` for ${options.title}` : ''}. Answer with \`eis answer\`, or edit by hand.`);
  lines.push(`eis: ${STATEMENT_FORMAT_VERSION}`, `questionnaire: ${model.ref}`, '');
  return lines.join('\n');
}

/**
 * The Document as text. Answers whose value did not change keep the exact lines the person wrote
 * (their line folding, spacing and inline comments); only what changed is written anew.
 */
export function documentText(doc: Document): string {
  const text = doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
  const original = sourceTexts.get(doc);
  return original === undefined ? text : keepUnchangedLines(original, text);
}

interface Block {
  /** First and last line (0-based) of a key and its value. */
  from: number;
  to: number;
  value: unknown;
}

/** Blocks of the top-level keys and of the keys one level down (the answers), by path, and the text's data. */
function blocksOf(text: string): { blocks: Map<string, Block>; data: () => unknown } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const blocks = new Map<string, Block>();
  const add = (path: string, pair: Pair) => {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    const start = key?.range?.[0];
    const end = value?.range?.[1] ?? key?.range?.[1];
    if (start === undefined || end === undefined) return;
    // The end offset is just past the value; step back so a value ending a line stays on it.
    const last = Math.max(start, end - 1);
    blocks.set(path, { from: lineCounter.linePos(start).line - 1, to: lineCounter.linePos(last).line - 1, value: value && 'toJSON' in value ? (value as Node).toJSON() : null });
  };
  // Down to the fields of list entries (section, question, entry, field): an answer in an entry
  // nobody touched keeps its lines when another entry of the list changes or one is added.
  const walk = (map: YAMLMap, prefix: string, depth: number) => {
    for (const pair of map.items) {
      const key = keyOf(pair);
      if (key === undefined) continue;
      const path = prefix + key;
      add(path, pair as Pair);
      if (depth === 3) continue;
      const value = (pair as Pair).value;
      if (isMap(value)) walk(value, `${path}\u0000`, depth + 1);
      else if (isSeq(value)) for (const [i, item] of value.items.entries()) if (isMap(item)) walk(item, `${path}\u0000${i}\u0000`, depth + 2);
    }
  };
  walk(doc.contents, '', 0);
  return { blocks, data: () => doc.toJS() };
}

function keepUnchangedLines(original: string, rewritten: string): string {
  const parsedBefore = blocksOf(original);
  const parsedAfter = blocksOf(rewritten);
  if (!parsedBefore || !parsedAfter) return rewritten;
  const before = parsedBefore.blocks;
  const after = parsedAfter.blocks;
  const oldLines = original.split('\n');
  const newLines = rewritten.split('\n');
  // Whole sections first; a section that changed is looked at answer by answer.
  const swaps: Array<{ from: number; to: number; lines: string[] }> = [];
  const byDepth = [...after.entries()].sort((a, b) => a[0].split('\u0000').length - b[0].split('\u0000').length);
  for (const [path, block] of byDepth) {
    const old = before.get(path);
    if (!old || !deepEqual(old.value, block.value)) continue;
    if (swaps.some((s) => s.from <= block.from && block.to <= s.to)) continue;
    const lines = oldLines.slice(old.from, old.to + 1);
    // Only when the block stands on lines of its own in both texts (not "- key: ..." item lines).
    // blocksOf numbers the lines of the text it read: both lines are there.
    const oldFirst = oldLines[old.from]!;
    const newFirst = newLines[block.from]!;
    if (!/^\s*[^\s-]/.test(oldFirst) || !/^\s*[^\s-]/.test(newFirst)) continue;
    if (indentOf(oldFirst) !== indentOf(newFirst)) continue;
    if (lines.join('\n') === newLines.slice(block.from, block.to + 1).join('\n')) continue;
    swaps.push({ from: block.from, to: block.to, lines });
  }
  if (!swaps.length) return rewritten;
  // Built in one pass: splicing each swap in would move every later line each time, and spreading
  // a block of many lines as arguments overflows the stack.
  swaps.sort((a, b) => a.from - b.from);
  const out: string[] = [];
  let next = 0;
  for (const swap of swaps) {
    for (let i = next; i < swap.from; i++) out.push(newLines[i]!);
    for (const line of swap.lines) out.push(line);
    next = swap.to + 1;
  }
  for (let i = next; i < newLines.length; i++) out.push(newLines[i]!);
  const result = out.join('\n');
  // Never trade correctness for looks: the result must mean exactly what the rewrite means.
  try {
    const check = parseDocument(result, { uniqueKeys: true, version: '1.2' });
    if (!check.errors.length && deepEqual(check.toJS(), parsedAfter.data())) return result;
  } catch {
    /* fall through to the plain rewrite */
  }
  return rewritten;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
