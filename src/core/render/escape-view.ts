// Before a template sees the view model, every string in it is escaped for the output format, and
// every Markdown answer is turned into safe HTML (or safe Markdown). Templates are compiled with
// escaping off, so no template, however written ({{x}} or {{{x}}}), can put raw answer text into
// the output.
import { escapeHtml, markdownToHtml } from './safe-html.js';
import { markdownText, neutralizeMarkdown } from './safe-markdown.js';
import type { ViewSize } from './budget.js';

export type Format = 'md' | 'html';

/** Keys whose strings are Markdown: answers, and the questionnaire's descriptions and help. */
const MARKDOWN_KEYS = new Set(['markdown', 'description', 'help']);

/** `size`, when given, is filled with what the escaped view holds: the render limits grow with it. */
export function escapeView<T>(view: T, format: Format, size?: ViewSize): T {
  const text = format === 'html' ? escapeHtml : markdownText;
  const markdown = format === 'html' ? markdownToHtml : neutralizeMarkdown;
  const measure = size ?? { chars: 0, items: 0 };
  const walk = (value: unknown, key: string | undefined): unknown => {
    if (typeof value === 'string') {
      const escaped = key !== undefined && MARKDOWN_KEYS.has(key) ? markdown(value) : text(value);
      measure.chars += escaped.length;
      return escaped;
    }
    if (Array.isArray(value)) {
      measure.items += value.length;
      return value.map((v) => walk(v, undefined));
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value)) out[k] = walk((value as Record<string, unknown>)[k], k);
      return out;
    }
    return value;
  };
  return walk(view, undefined) as T;
}
