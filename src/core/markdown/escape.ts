// Every value that eis puts into Markdown goes through one of these, by where it goes: inline text,
// a code span, a table cell, or a block of an answer's own Markdown. GitHub renders this Markdown in
// pull-request comments, job summaries and repository pages; a value must show as written and
// never add a heading, link, alert, HTML, table row or mention, nor change what follows it.
// test/hostile/markdown-injection.test.ts holds each against cmark-gfm (GitHub's renderer) and marked.
import { printable, visibleControls } from '../printable.js';

/**
 * Text shown as written, inline: in a heading, a paragraph, a list item or a table cell. Line
 * breaks become `<br>`; other control characters visible escapes. Bare URLs and @-mentions are
 * broken, so that a value quoted in a comment links to nothing and notifies no one. With
 * `document`, for a statement rendered as its own Markdown page: line breaks become spaces (the
 * page holds no HTML at all), and bare http(s) addresses and e-mail addresses stay for the
 * renderer to link.
 */
export function mdText(text: string, options: { document?: boolean } = {}): string {
  const escaped = visibleControls(text)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, '\\$&');
  // GitHub links bare URLs, `www.` names and e-mail addresses, and notifies an @-mention.
  const quoted = options.document
    ? escaped
    : escaped
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/(www)\./gi, '$1\\.')
        .replace(/@/g, '@\u200b');
  return (
    quoted
      // At the start of a line these would open a list or a heading underline, and four spaces code.
      .replace(/^([ \t]*)([+=-])/, '$1\\$2')
      .replace(/^([ \t]*\d+)([.)])/, '$1\\$2')
      .replace(/^(?=[ \t]*\t| {4})[ \t]/, (space) => `&#${space.charCodeAt(0)};`)
      .replace(/\n/g, options.document ? ' ' : '<br>')
  );
}

/**
 * A code span: the text exactly, in monospace. Not for table cells, where a pipe needs escaping
 * that code spans do not undo the same way in every renderer: use `mdCell(mdText(...))` there.
 */
export function mdCode(text: string): string {
  const body = printable(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space inside each fence, which the renderer removes, lets the text start or end with ` or a space.
  const pad = /^[` ]|[` ]$/.test(body) || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Inline Markdown (already escaped, or an answer's own Markdown made safe) as one table cell: one
 * line, paragraphs kept apart by `<br><br>`, and every pipe that is not already escaped escaped.
 */
export function mdCell(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((para) => para.replace(/\s*\n\s*/g, ' '))
    .join('<br><br>')
    .replace(/(\\*)\|/g, (all, slashes: string) => (slashes.length % 2 ? all : `${slashes}\\|`));
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;

/**
 * An answer's own Markdown as a block that cannot change the document around it: its headings
 * move three levels down (an answer sits under a question's `###`), a heading underline (`===`,
 * `---` under a line of text) is shown as text, and a code fence left open is closed, so that what
 * follows the answer is never taken into it. The text is expected to hold no raw HTML already.
 *
 * Only a fence at the start of a line, outside any list or quote, stays a fence: one inside a
 * container ends where the container ends, which depends on indentation rules that renderers do
 * not all share, so it is shown as text. That keeps the question "is a fence still open?" exact.
 */
export function mdBlock(markdown: string): string {
  const lines = visibleControls(markdown.replace(/\r\n?/g, '\n')).split('\n');
  let fence: { char: string; length: number } | undefined;
  let previous = '';
  let listSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A line that a CI runner would take for a workflow command, should the page be printed in a log.
    const command = /^(\s*)(::|##\[)/.exec(line);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      // Code shows a backslash as written: there the first character is a visible escape instead.
      else if (command) lines[i] = `${command[1]}\\x${command[2]!.charCodeAt(0).toString(16)}${line.slice(command[1]!.length + 1)}`;
      previous = '';
      continue;
    }
    if (command) {
      lines[i] = `${command[1]}\\${line.slice(command[1]!.length)}`;
      previous = line;
      continue;
    }
    // Quote and list markers at the start of the line, and the indentation: what follows them counts.
    const [prefix = ''] = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)*[ \t]*/.exec(line) ?? [];
    const rest = line.slice(prefix.length);
    if (/^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]/.test(line)) listSeen = true;
    const open = FENCE.exec(rest);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      if (prefix === '') {
        fence = { char: open[1]![0]!, length: open[1]!.length };
        previous = '';
        continue;
      }
      lines[i] = `${prefix}\\${rest}`;
      previous = rest;
      continue;
    }
    // Four spaces with no list about make indented code, where nothing is a heading.
    const code = /^(?: {4}|\t)/.test(line) && !/[>*+\-\d]/.test(prefix) && !listSeen;
    if (!code) {
      const atx = /^(#{1,6})(?=[ \t]|$)/.exec(rest);
      if (atx) lines[i] = `${prefix}${'#'.repeat(Math.min(6, atx[1]!.length + 3))}${rest.slice(atx[1]!.length)}`;
      else if (/^(?:=+|-+)[ \t]*$/.test(rest) && previous.trim() !== '') lines[i] = `${prefix}\\${rest}`;
    }
    previous = rest;
  }
  const out = lines.join('\n').trim();
  return fence ? `${out}\n${fence.char.repeat(fence.length)}` : out;
}
