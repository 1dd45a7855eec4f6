// Turning a Markdown or plain-text document into the prose to lint: one unit per paragraph, list
// item, heading or table cell, with code, URLs, HTML and markup blanked out. marked's lexer finds
// the blocks; containers are re-lexed with their markers stripped, keeping a map to the source.
import { Lexer, type Token, type Tokens } from 'marked';
import { maskMarkdownInline, maskPlainInline, type Comment, type Range } from './inline.js';
import { slice, stripLinePrefixes, wholeView, type View } from './view.js';

export type UnitKind = 'paragraph' | 'heading' | 'cell';

export interface ProseUnit {
  kind: UnitKind;
  /** The prose, same length as the source it came from, with non-prose blanked. */
  text: string;
  /** Offset in the document of each character of `text` (and one for its end). */
  map: number[];
  /** Ranges of `text` that are code, URLs or HTML: findings touching them are dropped. */
  excluded: Range[];
  /** Inside a block quote: someone else's words. */
  quoted?: boolean;
}

export interface DocComment {
  /** Offsets in the document. */
  start: number;
  end: number;
  body: string;
}

export interface Prose {
  units: ProseUnit[];
  /** HTML comments outside code, for suppressions. */
  comments: DocComment[];
}

export type DocumentKind = 'markdown' | 'text';

/** Prose units of a document. `text` must already have its line endings as `\n`. */
export function proseOf(text: string, kind: DocumentKind): Prose {
  const prose: Prose = { units: [], comments: [] };
  if (kind === 'text') plainBlocks(wholeView(text), prose);
  else {
    // YAML front matter (title, date, tags) is data, not prose.
    const front = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
    const view = wholeView(text);
    markdownBlocks(front ? slice(view, front[0].length, text.length) : view, prose, 0, false);
  }
  return prose;
}

function plainBlocks(view: View, prose: Prose): void {
  const re = /\n[ \t]*\n/g;
  let start = 0;
  for (;;) {
    const m = re.exec(view.text);
    const end = m ? m.index : view.text.length;
    if (view.text.slice(start, end).trim()) addUnit(prose, slice(view, start, end), 'paragraph', 'text');
    if (!m) break;
    start = m.index + m[0].length;
  }
}

// Deeply nested containers are rare in memos; past this depth, text is linted as it stands.
const MAX_DEPTH = 20;

function markdownBlocks(view: View, prose: Prose, depth: number, quoted: boolean): void {
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(view.text);
  } catch {
    plainBlocks(view, prose);
    return;
  }
  let cursor = 0;
  for (const token of tokens) {
    let start = view.text.startsWith(token.raw, cursor) ? cursor : view.text.indexOf(token.raw, cursor);
    if (start === -1) start = cursor;
    const end = Math.min(view.text.length, start + token.raw.length);
    cursor = end;
    block(token, slice(view, start, end), prose, depth, quoted);
  }
}

function block(token: Token, view: View, prose: Prose, depth: number, quoted: boolean): void {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'code':
    case 'def':
      return;
    case 'html':
      // Raw HTML shows its text (`<!-- note --> More words`, `<div>Words</div>`): read it, with
      // tags and comments blanked out. Preformatted, script and style blocks are not prose.
      if (/^ {0,3}<(pre|script|style|textarea)[\s>]/i.test(view.text)) collectComments(view, prose);
      else addUnit(prose, view, 'cell', 'markdown', quoted);
      return;
    case 'heading': {
      const stripped = stripLinePrefixes(view, (line, i) => (i === 0 ? (/^ {0,3}#{1,6}(?=[ \t]|$)/.exec(line)?.[0].length ?? 0) : 0));
      // Closing hashes of an ATX heading, and the underline of a setext heading, are markup.
      const text = stripped.text.replace(/[ \t]+#+[ \t]*$/m, (m) => ' '.repeat(m.length)).replace(/\n[ \t]*(=+|-+)[ \t]*\n?$/, (m) => m.replace(/[^\n]/g, ' '));
      addUnit(prose, { text, map: stripped.map }, 'heading', 'markdown', quoted);
      return;
    }
    case 'paragraph':
    case 'text':
      addUnit(prose, view, 'paragraph', 'markdown', quoted);
      return;
    case 'blockquote': {
      const inner = stripLinePrefixes(view, (line) => /^ {0,3}> ?/.exec(line)?.[0].length ?? 0);
      // A GitHub alert (`> [!NOTE]`) is the writer's own callout, not a quotation.
      const quotes = quoted || !/^\s*\[![A-Za-z]+\]/.test(inner.text);
      if (depth >= MAX_DEPTH) addUnit(prose, view, 'paragraph', 'markdown', quotes);
      else markdownBlocks(inner, prose, depth + 1, quotes);
      return;
    }
    case 'list':
      listItems(token as Tokens.List, view, prose, depth, quoted);
      return;
    case 'table':
      tableCells(view, prose, quoted);
      return;
    default:
      if (view.text.trim()) addUnit(prose, view, 'paragraph', 'markdown', quoted);
  }
}

function listItems(list: Tokens.List, view: View, prose: Prose, depth: number, quoted: boolean): void {
  let cursor = 0;
  for (const item of list.items) {
    let start = view.text.startsWith(item.raw, cursor) ? cursor : view.text.indexOf(item.raw, cursor);
    if (start === -1) start = cursor;
    const end = Math.min(view.text.length, start + item.raw.length);
    cursor = end;
    const itemView = slice(view, start, end);
    const marker = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\](?=[ \t]))?([ \t]*)/.exec(itemView.text);
    const width = marker ? marker[0].length : 0;
    // Continuation lines are indented to the content's column; more indentation is nested content.
    const indent = marker && marker[1]!.length > 4 ? width - marker[1]!.length + 1 : width;
    const content = stripLinePrefixes(itemView, (line, i) => (i === 0 ? width : Math.min(indent, /^ */.exec(line)![0].length)));
    if (depth >= MAX_DEPTH) addUnit(prose, content, 'paragraph', 'markdown', quoted);
    else markdownBlocks(content, prose, depth + 1, quoted);
  }
}

function tableCells(view: View, prose: Prose, quoted: boolean): void {
  let lineStart = 0;
  let row = 0;
  while (lineStart < view.text.length) {
    const nl = view.text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? view.text.length : nl;
    // The second line is the delimiter row (| --- | :---: |).
    if (row !== 1) {
      const line = view.text.slice(lineStart, lineEnd);
      for (const cell of cellRanges(line)) {
        if (line.slice(cell.start, cell.end).trim()) addUnit(prose, slice(view, lineStart + cell.start, lineStart + cell.end), 'cell', 'markdown', quoted);
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
    row++;
  }
}

/** Cells of a table row: split at `|` that are neither escaped nor inside a code span. */
function cellRanges(line: string): Range[] {
  const cells: Range[] = [];
  let start = 0;
  let inCode = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`') {
      let n = 1;
      while (line[i + n] === '`') n++;
      if (inCode === 0) inCode = n;
      else if (inCode === n) inCode = 0;
      i += n - 1;
      continue;
    }
    if (ch === '|' && inCode === 0) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  cells.push({ start, end: line.length });
  return cells;
}

function collectComments(view: View, prose: Prose): void {
  const re = /<!--([\s\S]*?)(?:-->|$)/g;
  for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
    prose.comments.push({ start: view.map[m.index]!, end: view.map[m.index + m[0].length]!, body: m[1]! });
    if (m[0].length === 0) re.lastIndex++;
  }
}

function addUnit(prose: Prose, view: View, kind: UnitKind, doc: DocumentKind, quoted = false): void {
  const masked = doc === 'markdown' ? maskMarkdownInline(view.text) : maskPlainInline(view.text);
  for (const c of masked.comments) prose.comments.push(toDocComment(c, view));
  if (!masked.text.trim()) return;
  prose.units.push({ kind, text: masked.text, map: view.map, excluded: masked.excluded, ...(quoted ? { quoted } : {}) });
}

function toDocComment(c: Comment, view: View): DocComment {
  return { start: view.map[c.start]!, end: view.map[c.end]!, body: c.body };
}
