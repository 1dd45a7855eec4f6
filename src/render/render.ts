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
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Lines that are all whitespace go, except inside <pre>, where every line counts. */
function tidyHtml(text: string): string {
  const parts = text.split(/(<pre[\s>][\s\S]*?<\/pre>)/);
  return `${parts.map((part, i) => (i % 2 ? part : part.replace(/^[ \t]*\n/gm, ''))).join('').trim()}\n`;
}
