// Hostile answers: nothing active may reach the HTML, and raw HTML in Markdown output is escaped.
import { describe, expect, it } from 'vitest';
import { builtin } from '../helpers/model.js';
import { example, render } from './helpers.js';
import { isSafeUrl } from '../../src/core/render/url.js';
import { markdownToHtml } from '../../src/core/render/safe-html.js';
import { neutralizeMarkdown } from '../../src/core/render/safe-markdown.js';
import { Marked, type Token } from 'marked';
import { CORPUS } from './xss-corpus.js';

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'a',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'span',
  'dl',
  'div',
  'dt',
  'dd',
  'time',
  'nav',
  'ol',
  'ul',
  'li',
  'main',
  'section',
  'strong',
  'em',
  'b',
  'i',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'br',
  'hr',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'footer',
  'sup',
  'sub',
]);

/** Every tag and attribute in the page, to check against what the templates themselves use. */
function assertInert(html: string): void {
  // The page's own <style> is the only CSS; nothing from answers may add to it.
  const styles = html.match(/<style[\s>]/gi) ?? [];
  expect(styles).toHaveLength(1);
  const body = html.slice(html.indexOf('</style>'));
  for (const match of body.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const [, tag, attrs] = match;
    expect(ALLOWED_TAGS, `tag <${tag}>`).toContain(tag.toLowerCase());
    for (const attr of attrs.matchAll(/([^\s=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = attr[1].toLowerCase();
      const value = (attr[2] ?? '').replace(/^["']|["']$/g, '');
      expect(name, `attribute ${name} on <${tag}>`).not.toMatch(/^on/);
      expect(
        ['href', 'id', 'class', 'rel', 'scope', 'colspan', 'lang', 'charset', 'name', 'content', 'datetime', 'aria-hidden', 'aria-labelledby', 'aria-label', 'role', 'tabindex', 'style', 'start'],
        `attribute ${name} on <${tag}>`,
      ).toContain(name);
      if (name === 'href') expect(isSafeUrl(value), `href ${value}`).toBe(true);
      if (name === 'style') expect(value, 'style attribute').toMatch(/^width: \d+%$/);
      if (name === 'rel') expect(value).toBe('noopener noreferrer');
      // Only the template's scrolling tables are focusable regions.
      if (name === 'role') expect(value).toBe('region');
      if (name === 'tabindex') expect(value).toBe('0');
    }
    if (tag.toLowerCase() === 'a' && /href="http/.test(attrs)) expect(attrs).toContain('rel="noopener noreferrer"');
  }
}

function hostileStatement(answer: string): unknown {
  const data = structuredClone(example('text-payment-reminders')) as Record<string, Record<string, unknown>>;
  data.initiative.summary = answer;
  data.initiative.title = answer;
  data.proposal.problem = answer;
  data.screening.disparities_note = `Intro\n\n${answer}\n\nOutro`;
  const groups = data.populations.groups as Array<Record<string, unknown>>;
  groups[0].why = answer;
  groups[0].name = answer;
  data.analysis.benefits = `- item\n- ${answer}`;
  return data;
}

describe('hostile answers in HTML', () => {
  const model = builtin();
  it.each(CORPUS.map((c) => [c]))('%s renders inert', (answer) => {
    assertInert(render(model, hostileStatement(answer), 'html'));
  });

  it('keeps safe links, with rel="noopener noreferrer"', () => {
    const html = markdownToHtml('See [the study](https://example.gov/study) and <https://example.org>.');
    expect(html).toBe('<p>See <a href="https://example.gov/study" rel="noopener noreferrer">the study</a> and <a href="https://example.org" rel="noopener noreferrer">https://example.org</a>.</p>');
  });

  it('turns an unsafe link into its text', () => {
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p><span>click</span></p>');
  });

  it('keeps Markdown formatting and shows raw HTML as nothing active', () => {
    expect(markdownToHtml('**bold** and _em_\n\n# Heading')).toBe('<p><strong>bold</strong> and <em>em</em></p>\n<h4>Heading</h4>');
    expect(markdownToHtml('<script>alert(1)</script>after')).toBe('after');
  });
});

describe('hostile answers in Markdown', () => {
  const model = builtin();
  it.each(CORPUS.map((c) => [c]))('%s is escaped', (answer) => {
    const md = render(model, hostileStatement(answer), 'md');
    // Read the output as a Markdown previewer would: no raw HTML, no unsafe link or image.
    const lexer = new Marked({ gfm: true });
    const active: string[] = [];
    lexer.walkTokens(lexer.lexer(md), (token: Token) => {
      if (token.type === 'html') active.push(token.raw);
      if ((token.type === 'link' || token.type === 'image') && !isSafeUrl(token.href)) active.push(token.raw);
    });
    expect(active).toEqual([]);
    expect(md).not.toMatch(/<(script|img|svg|iframe|object|embed|form|input|details|style|link|meta|base|body|div|p|a|math|noscript|template|scr)[\s>/]/i);
  });

  it('keeps the Markdown of an answer', () => {
    expect(neutralizeMarkdown('**Bold**, a [link](https://example.gov), and\n\n- a list')).toBe('**Bold**, a [link](https://example.gov), and\n\n- a list');
  });

  it('escapes raw HTML so that it shows as text', () => {
    expect(neutralizeMarkdown('a <b onclick="x">b</b> <!-- c -->')).toBe('a &lt;b onclick="x">b&lt;/b> &lt;!-- c -->');
  });

  it('drops unsafe link targets and moves headings below the question', () => {
    expect(neutralizeMarkdown('[x](javascript:alert(1)) and [y](https://ok.example)')).toBe('x and [y](https://ok.example)');
    expect(neutralizeMarkdown('# Big\n\ntext')).toBe('#### Big\n\ntext');
  });
});

describe('isSafeUrl', () => {
  it.each([
    ['https://example.gov', true],
    ['mailto:equity@example.gov', true],
    ['#q-section', true],
    ['relative/page.html', true],
    ['javascript:alert(1)', false],
    [' JaVaScRiPt:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['&#106;avascript:alert(1)', false],
    ['&amp;#106;avascript:alert(1)', false],
    ['javascript&colon;alert(1)', false],
    ['%6Aavascript:alert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['data:text/html,<script>', false],
    ['//evil.example', false],
    ['\\\\evil.example', false],
  ])('%s -> %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});
