// Parsing YAML text with positions. Used for statements, questionnaires and config: every problem
// found later in the data can be pointed back to a line and column of the file.
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { EisError } from '../errors.js';
import { deepPlace, isStackOverflow, nestingError, nestingProblem } from './nesting.js';

export { decodeText, MAX_FILE_BYTES } from './decode.js';

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

export interface Position {
  line: number;
  column: number;
}

/** Parses YAML text into a Document with positions and its plain data; syntax errors become EisErrors. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // resolveKnownTags: false. The yaml library otherwise reads five YAML 1.1 tags even under the 1.2
    // core schema: `!!binary` as bytes (and `!!binary x` as no bytes at all), `!!timestamp` as a Date,
    // `!!set`, `!!omap` and `!!pairs` as a Set, a Map and pairs, none of which a statement can hold
    // ("not a mapping"). Like any other tag eis does not know, they are read as what is written: the
    // text `aGVsbG8=` or `2027-03-31` (a date is text in YAML 1.2), a plain mapping or list; and the
    // tag is kept when the file is saved.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', keepSourceTokens: false, resolveKnownTags: false });
  } catch (error) {
    if (isStackOverflow(error)) throw nestingError('deep', file, deepPlace(text));
    throw error;
  }
  const first = doc.errors[0];
  // The parser reports running out of stack as a syntax error at whatever place it had reached.
  if (first && /call stack/i.test(first.message)) throw nestingError('deep', file, deepPlace(text));
  refuseOtherVersions(doc, text, file);
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new EisError(`${yamlErrorMessage(first.code, first.message)}.`, {
      file,
      line: pos.line,
      column: pos.col,
      hint: 'Fix the YAML syntax and run eis again.',
      code: 'file/yaml',
    });
  }
  if (doc.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED')) dropMisfitTags(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message)))
      throw new EisError('the file expands YAML aliases too many times (an alias bomb?).', {
        file,
        line: 1,
        column: 1,
        hint: 'Write the answers out instead of using anchors and aliases.',
        code: 'file/yaml',
      });
    if (isStackOverflow(error)) throw nestingError('deep', file, deepPlace(text));
    throw error;
  }
  const problem = nestingProblem(data, { shared: true });
  if (problem) throw nestingError(problem.kind, file, positionOf({ doc, lineCounter }, problem.path));
  sourceTexts.set(doc, text);
  return { file, text, doc, lineCounter, data };
}

/**
 * A `%YAML 1.1` directive makes the yaml library read the file as YAML 1.1, where `no` is false and
 * `2027-03-31` a timestamp: the same file would mean something else to eis than to every other tool
 * that reads statements as YAML 1.2 (and to eis's own fast reader). Refused at its line, as is any
 * version but 1.2; `%YAML 1.2` changes nothing and is read.
 */
function refuseOtherVersions(doc: Document.Parsed, text: string, file: string): void {
  if (!doc.directives?.yaml.explicit) return;
  const directive = /^%YAML[ \t]+([^\s#]*)/m.exec(text);
  const version = directive?.[1] ?? doc.directives.yaml.version;
  if (version === '1.2') return;
  const line = directive ? text.slice(0, directive.index).split('\n').length : 1;
  throw new EisError(`the file asks to be read as YAML ${version}; eis reads YAML 1.2 only, where yes, no and dates are text.`, {
    file,
    line,
    column: 1,
    hint: 'Remove the %YAML line (and the --- under it if nothing else needs it), or write %YAML 1.2.',
    code: 'file/yaml',
  });
}

/**
 * `title: !!int x` reads as the string "x" (the tag cannot apply to it), but the yaml library
 * keeps the tag on the node and writes it back through that tag, as `!!int .nan`: any save would
 * change the answer. A tag that does not fit its node is dropped, so the value stays the string it
 * was read as and is saved as it was written.
 */
function dropMisfitTags(doc: Document.Parsed): void {
  const scalarTags = doc.schema.tags.filter((t) => !t.collection);
  visit(doc, (_key, node) => {
    if (!(isScalar(node) || isCollection(node)) || !node.tag) return;
    const named = scalarTags.filter((t) => t.tag === node.tag);
    // Only tags the writer would use on this node: a scalar tag on a collection, or a scalar tag
    // none of whose forms identifies the value that was read.
    if (named.length === 0) return;
    if (isCollection(node) || !named.some((t) => t.identify?.(node.value) ?? true)) delete node.tag;
  });
}

/** The text each parsed Document came from, so that a rewrite can keep what it did not change. */
export const sourceTexts = new WeakMap<object, string>();

function yamlErrorMessage(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'a key appears twice in the same mapping (YAML keys must be unique)';
  return `the YAML cannot be read: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/**
 * Line and column of the node at `path`, or of the nearest ancestor that exists: a missing answer
 * points at its section's key, so an editor jumps to where it should be written.
 */
export function positionOf(source: Pick<YamlSource, 'doc' | 'lineCounter'>, path: ReadonlyArray<string | number>): Position {
  let node: unknown = source.doc.contents;
  let at: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      at = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      at = node as Node;
    } else break;
  }
  const offset = at?.range?.[0] ?? firstContentOffset(source);
  const pos = source.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function firstContentOffset(source: Pick<YamlSource, 'doc'>): number {
  const contents = source.doc.contents as Node | null;
  return contents?.range?.[0] ?? 0;
}
