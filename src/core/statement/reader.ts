// The one statement reader. Callers ask for the data, and only when a finding needs one, for a
// position. The choice between the fast reader (a line reader for the YAML that statements are
// written in) and the full parser (yaml's Document, with every node's place) is made here alone:
// the fast reader gives the data when it can follow the text, positions come from the line reader
// when it can follow the blocks, else from one js-yaml pass with a listener, and the full parse is
// made at most once, the first time something needs it.
import { blockPositionOf, blockPositions, type BlockPositions } from '../yaml/block-positions.js';
import { eventPositions } from '../yaml/event-positions.js';
import { fastParse } from '../yaml/fast.js';
import { deepPlace, isStackOverflow, nestingError, nestingProblem } from '../yaml/nesting.js';
import { parseYamlSource, positionOf, type Position, type YamlSource } from '../yaml/source.js';

type Path = ReadonlyArray<string | number>;

export interface ReadOptions {
  /**
   * `fast`: the fast reader when it can follow the text (checking, rendering, reading many files);
   * `document`: the full parse up front (editing needs the Document); `full`: never the fast reader
   * (the equivalence tests).
   */
  prefer?: 'fast' | 'document' | 'full';
}

export interface StatementRead {
  /** The file's name as shown in messages. */
  readonly name: string;
  readonly text: string;
  readonly data: unknown;
  /** Where `path` is, or its nearest ancestor that is there. */
  at(path: Path): Position;
  /** The last line with content (where a missing section would be added). */
  lastLine(): number;
  /** The full parse, made on first use. Throws the YAML error the fast reader let through, if any. */
  source(): YamlSource;
  /** Whether a full parse has been made (for tests and the benchmark). */
  readonly parsedFully: boolean;
}

/** Reads a statement's text (LF or CRLF). A YAML syntax error throws an EisError at its line. */
export function readStatement(text: string, name: string, options: ReadOptions = {}): StatementRead {
  const prefer = options.prefer ?? 'fast';
  const fast = prefer === 'fast' ? fastParse(text) : undefined;
  // A statement is a mapping; anything else is an error whose place the full parse knows best.
  if (fast && isMapping(fast.data)) {
    const read = fastRead(text, name, fast.data);
    // Too deep for what reads the data next (nesting.ts); the full parser holds its own data to this.
    const problem = nestingProblem(fast.data);
    if (problem) throw nestingError(problem.kind, name, placeOf(read, problem.path, text));
    return read;
  }
  return fullRead(parseYamlSource(text, name));
}

/** Where a path is, for an error about deep data: the position readers recurse too, and may give up. */
function placeOf(read: StatementRead, path: Path, text: string): Position {
  try {
    return read.at(path);
  } catch (error) {
    if (isStackOverflow(error)) return deepPlace(text);
    throw error;
  }
}

/** A reader over data read earlier: over its full parse when one was made, else over its text. */
export function readerOf(read: { text: string; file: string; data: unknown; source?: YamlSource | undefined }): StatementRead {
  return read.source ? fullRead(read.source) : fastRead(read.text, read.file, read.data);
}

function fastRead(text: string, name: string, data: unknown): StatementRead {
  let blocks: BlockPositions | undefined | null = null;
  let full: YamlSource | undefined;
  let last: number | undefined;
  const source = () => (full ??= parseYamlSource(text, name));
  return {
    name,
    text,
    data,
    at(path) {
      // The line reader for plain block style; js-yaml's events for any other style it reads.
      if (blocks === null) blocks = full ? undefined : (blockPositions(text) ?? eventPositions(text));
      return blocks ? blockPositionOf(blocks, path) : positionOf(source(), path);
    },
    // Asked once for each finding about a missing section.
    lastLine: () => (last ??= lastContentLine(text)),
    source,
    get parsedFully() {
      return full !== undefined;
    },
  };
}

function fullRead(source: YamlSource): StatementRead {
  return {
    name: source.file,
    text: source.text,
    data: source.data,
    at: (path) => positionOf(source, path),
    lastLine: () => lastContentLine(source.text),
    source: () => source,
    parsedFully: true,
  };
}

function isMapping(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function lastContentLine(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  let lines = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
