// Renders statement view models with a compiled template set. Pure: templates come in as text.
import { compileTemplates, type TemplateSet } from './environment.js';
import { escapeView, type Format } from './escape-view.js';
import type { StatementView } from './view.js';

export type { Format } from './escape-view.js';
export type { TemplateSet, TemplateSource } from './environment.js';

/** Compiles once; the returned function renders any number of statements. */
export function createRenderer(templates: TemplateSet, format: Format): (view: StatementView) => string {
  const template = compileTemplates(templates, format);
  return (view) => {
    const out = template(escapeView(view, format));
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
