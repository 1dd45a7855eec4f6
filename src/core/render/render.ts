// Renders statement view models with a compiled template set. Pure: templates come in as text.
import { compileTemplates, type TemplateSet } from './environment.js';
import { escapeView, type Format } from './escape-view.js';
import { limitsFor, type ViewSize } from './budget.js';
import type { StatementView } from './view.js';

export type { Format } from './escape-view.js';
export type { TemplateSet, TemplateSource } from './environment.js';

/**
 * Compiles once; the returned function renders any number of statements. Each page is bounded in
 * size, loop iterations and nesting (budget.ts), and in time when `now` (a clock in milliseconds)
 * is given.
 */
export function createRenderer(templates: TemplateSet, format: Format, now?: () => number): (view: StatementView) => string {
  const template = compileTemplates(templates, format);
  return (view) => {
    const size: ViewSize = { chars: 0, items: 0 };
    const escaped = escapeView(view, format, size);
    const out = template(escaped, limitsFor(size, now));
    return format === 'md' ? tidyMarkdown(out) : tidyHtml(out);
  };
}

/** Templates are easier to write with blank lines to spare: no trailing spaces, no runs of blank lines. */
function tidyMarkdown(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const PRE = /(<pre[\s>][\s\S]*?<\/pre>)/;
const OTHER_BREAKS = /[\r\u2028\u2029]/;

/** Lines that are all whitespace go, except inside <pre>, where every line counts. */
export function tidyHtml(text: string): string {
  // Line breaks other than \n start a line for the pattern too; such pages take the pattern.
  if (OTHER_BREAKS.test(text))
    return `${text
      .split(PRE)
      .map((part, i) => (i % 2 ? part : part.replace(/^[ \t]*\n/gm, '')))
      .join('')
      .trim()}\n`;
  if (!text.includes('<pre')) return `${dropBlankLines(text).trim()}\n`;
  const parts = text.split(PRE);
  return `${parts
    .map((part, i) => (i % 2 ? part : dropBlankLines(part)))
    .join('')
    .trim()}\n`;
}

/** The same as part.replace(/^[ \t]*\n/gm, ''), a line at a time: a regular expression tried at every position of every page. */
function dropBlankLines(part: string): string {
  let out = '';
  let start = 0;
  while (start < part.length) {
    const nl = part.indexOf('\n', start);
    if (nl === -1) return out + part.slice(start);
    let k = start;
    while (k < nl && (part.charCodeAt(k) === 32 || part.charCodeAt(k) === 9)) k++;
    if (k !== nl) out += part.slice(start, nl + 1);
    start = nl + 1;
  }
  return out;
}
