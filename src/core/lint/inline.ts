// Inline Markdown inside one block of prose. Everything that is not prose (code spans, URLs, link
// destinations, HTML tags and comments) and the markup characters themselves become spaces, so
// the text keeps its length and every offset still points at the same character.

export interface Range {
  start: number;
  end: number;
}

export interface Comment extends Range {
  /** What is between `<!--` and `-->`. */
  body: string;
}

export interface Masked {
  /** The text with non-prose replaced by spaces; newlines are kept. */
  text: string;
  /** Code, URLs, link destinations and HTML: a finding touching one of these is not reported. */
  excluded: Range[];
  comments: Comment[];
}

const URL_START = /^(?:https?:\/\/|ftp:\/\/|mailto:|www\.)/i;
const AUTOLINK = /^<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*>/;
const EMAIL_AUTOLINK = /^<[^\s@<>]+@[^\s@<>]+>/;
const HTML_TAG = /^<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^<>]*)?\/?>/;
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Masks a block of Markdown prose. */
export function maskMarkdownInline(source: string): Masked {
  const out = source.split('');
  const excluded: Range[] = [];
  const comments: Comment[] = [];
  const blank = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const exclude = (start: number, end: number) => {
    blank(start, end);
    excluded.push({ start, end });
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const rest = () => source.slice(i);
    if (ch === '\\' && PUNCTUATION.test(source[i + 1] ?? '')) {
      blank(i, i + 1);
      i += 2;
      continue;
    }
    if (ch === '`') {
      let n = 1;
      while (source[i + n] === '`') n++;
      const close = findBacktickRun(source, i + n, n);
      if (close === -1) {
        i += n;
        continue;
      }
      exclude(i, close + n);
      i = close + n;
      continue;
    }
    if (ch === '<') {
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        const stop = end === -1 ? source.length : end + 3;
        comments.push({ start: i, end: stop, body: source.slice(i + 4, end === -1 ? source.length : end) });
        exclude(i, stop);
        i = stop;
        continue;
      }
      const m = AUTOLINK.exec(rest()) ?? EMAIL_AUTOLINK.exec(rest()) ?? HTML_TAG.exec(rest());
      if (m) {
        exclude(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (ch === ']' && source[i + 1] === '(') {
      const close = closingParen(source, i + 1);
      if (close !== -1) {
        blank(i, i + 1);
        exclude(i + 1, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (ch === ']' && source[i + 1] === '[') {
      const close = source.indexOf(']', i + 2);
      if (close !== -1 && !source.slice(i + 2, close).includes('\n\n')) {
        blank(i, i + 1);
        exclude(i + 1, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (!isWordChar(source[i - 1])) {
      const url = urlAt(source, i);
      if (url) {
        exclude(i, url);
        i = url;
        continue;
      }
    }
    if (ch === '&') {
      const m = ENTITY.exec(rest());
      if (m) {
        blank(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '~' || ch === '[' || ch === ']' || (ch === '!' && source[i + 1] === '[')) blank(i, i + 1);
    else if (ch === '_' && (!isWordChar(source[i - 1]) || !isWordChar(source[i + 1]))) blank(i, i + 1);
    i++;
  }
  return { text: out.join(''), excluded, comments };
}

/** Masks plain text: only URLs, e-mail addresses and HTML comments (for suppressions) are not prose. */
export function maskPlainInline(source: string): Masked {
  const out = source.split('');
  const excluded: Range[] = [];
  const comments: Comment[] = [];
  const exclude = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (out[k] !== '\n') out[k] = ' ';
    excluded.push({ start, end });
  };
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      const stop = end === -1 ? source.length : end + 3;
      comments.push({ start: i, end: stop, body: source.slice(i + 4, end === -1 ? source.length : end) });
      exclude(i, stop);
      i = stop;
      continue;
    }
    if (!isWordChar(source[i - 1])) {
      const url = urlAt(source, i);
      if (url) {
        exclude(i, url);
        i = url;
        continue;
      }
    }
    i++;
  }
  return { text: out.join(''), excluded, comments };
}

/** The end of a bare URL or e-mail address starting at `i`, or 0. Trailing punctuation is not part of it (as in GFM). */
function urlAt(source: string, i: number): number {
  const rest = source.slice(i, i + 4096);
  let length = 0;
  if (URL_START.test(rest)) length = /^[^\s<>]*/.exec(rest)![0].length;
  else {
    const m = EMAIL.exec(rest);
    if (m) length = m[0].length;
  }
  if (!length) return 0;
  let end = i + length;
  while (end > i && /[.,;:!?'"*_~]/.test(source.charAt(end - 1))) end--;
  // A closing parenthesis belongs to the URL only when it has an opening one.
  while (end > i && source[end - 1] === ')' && count(source.slice(i, end), '(') < count(source.slice(i, end), ')')) end--;
  return end;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function findBacktickRun(source: string, from: number, n: number): number {
  let i = source.indexOf('`', from);
  while (i !== -1) {
    let run = 1;
    while (source[i + run] === '`') run++;
    if (run === n) return i;
    i = source.indexOf('`', i + run);
  }
  return -1;
}

/** The `)` closing a link destination that opens at `open`, allowing nested parentheses and `<...>`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inAngle = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '\n' && source[i + 1] === '\n') return -1;
    if (inAngle) {
      if (ch === '>') inAngle = false;
      continue;
    }
    if (ch === '<' && i === open + 1) inAngle = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
