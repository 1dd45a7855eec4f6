// Markdown answers to HTML that is safe to put on a page: marked passes raw HTML through, so its
// output always goes through sanitize-html with a short allow-list. No scripts, styles, event
// handlers, images (they would be network requests) or unsafe URLs survive.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { remembered } from './remembered.js';
import { isSafeUrl } from './url.js';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Headings inside an answer sit below the question's own heading (h3). */
const demote = (level: number) => (): sanitizeHtml.Tag => ({ tagName: `h${Math.min(6, level + 3)}`, attribs: {} });

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'span',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Content of these is dropped with the tag, never shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'head', 'frameset', 'xmp', 'noembed', 'noframes', 'plaintext'],
  transformTags: {
    h1: demote(1),
    h2: demote(2),
    h3: demote(3),
    h4: demote(4),
    h5: demote(5),
    h6: demote(6),
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href;
      if (href === undefined || !isSafeUrl(href)) return { tagName: 'span', attribs: {} };
      return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer' } };
    },
    img: (_tagName, attribs) => ({ tagName: 'span', attribs: {}, text: attribs.alt ? `[image: ${attribs.alt}]` : '' }),
    th: (tagName) => ({ tagName, attribs: { scope: 'col' } }),
  },
};

/** Sanitizes HTML with the renderer's allow-list. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, options);
}

/**
 * Prose that marked turns into one paragraph of the same characters, and sanitize-html leaves as
 * it is: one line that starts with a letter or a number (but not a list marker such as "1."),
 * without the characters that start Markdown or HTML syntax (`* _ ~ [ < & \ # |`...) and
 * without what GFM turns into a link (www., ://, an @).
 * test/render/plain-markdown.test.ts compares both ways on generated and fuzzed text.
 */
const PLAIN_PROSE = /^(?:\p{L}|[0-9](?![0-9]*[.)]))[\p{L}\p{N} ,.;:?!()'"%/+=$-]*$/u;
const LINK_LIKE = /www\.|:\/\//i;

export function isPlainProse(markdown: string): boolean {
  return PLAIN_PROSE.test(markdown) && !LINK_LIKE.test(markdown);
}

/** Markdown (possibly hostile) to safe HTML. */
export const markdownToHtml = remembered((markdown: string): string => (isPlainProse(markdown) ? `<p>${markdown}</p>` : sanitizeMarkdown(markdown)));

/** The full conversion: marked, then sanitize-html. */
export function sanitizeMarkdown(markdown: string): string {
  return sanitize(marked.parse(markdown, { async: false })).trim();
}

const HTML_SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text to HTML-escaped text. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
}
