// Render never throws and never lets an answer put active content on the page; diff(a, a) is
// empty and diff(a, b) names every answer that changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { parse } from 'yaml';
import { marked } from 'marked';
import { checkStatementData } from '../../src/core/check/statement.js';
import { loadTemplates } from '../../src/cli/render/run.js';
import { defaultConfig } from '../../src/core/config/config.js';
import { compareStatements } from '../../src/core/diff/compare.js';
import { hasChanges } from '../../src/core/diff/types.js';
import { createRenderer } from '../../src/core/render/render.js';
import { buildStatementView } from '../../src/core/render/view.js';
import { isPlainObject } from '../../src/core/questionnaire/answers.js';
import { ROOT } from '../helpers/cli.js';
import { builtin } from '../helpers/model.js';
import { mutatedStatement, RUNS, TIMEOUT, validStatement } from './support.js';

const model = builtin();
const today = '2026-11-23';
const config = defaultConfig(ROOT);
const md = createRenderer(loadTemplates('md', config, ROOT, {}), 'md');
const html = createRenderer(loadTemplates('html', config, ROOT, {}), 'html');

function dataOf(text: string): Record<string, unknown> | undefined {
  try {
    const data = parse(text, { logLevel: 'silent', maxAliasCount: 100 });
    return isPlainObject(data) && data.questionnaire === model.ref ? data : undefined;
  } catch {
    return undefined;
  }
}

function renderBoth(data: Record<string, unknown>) {
  const check = checkStatementData(model, data, { today });
  const view = buildStatementView(model, data, check, { today, lang: 'en', renderedOn: null });
  return { md: md(view), html: html(view) };
}

/** Payloads that try to become markup, script or a link that runs code. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<form action="https://example.com"><input name=x></form>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<meta http-equiv="refresh" content="0;url=https://example.com">',
  '<base href="https://example.com/">',
  '<link rel=stylesheet href="https://example.com/x.css">',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<details open ontoggle=alert(1)>',
  '<p style="background:url(https://example.com/track)">x</p>',
  '![x](https://example.com/track.png)',
  '<!--<script>alert(1)//-->',
  '<scr<script>ipt>alert(1)</script>',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | x |',
  '{{constructor.constructor("return process")()}}',
  '\u0000<script>alert(1)</script>',
];

const payload = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 10 })).map(([p, s]) => `${s}${p}${s}`),
);

/** Every answer place the questionnaire has: plain questions, and fields of the first list entry. */
const places: Array<{ path: (string | number)[]; type: string }> = model.sections.flatMap((s) =>
  s.questions.flatMap((q) => (q.type === 'list' ? (q.fields ?? []).map((f) => ({ path: [s.id, q.id, 0, f.id], type: f.type })) : [{ path: [s.id, q.id], type: q.type }])),
);

function setIn(data: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = data;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[i + 1] === 'number' ? [{ id: 'entry' }] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}

const ACTIVE_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'img',
  'video',
  'audio',
  'source',
  'frame',
  'frameset',
  'applet',
  'details',
]);

/** Active elements, event handlers, unsafe URLs and extra style blocks in rendered HTML. */
function activeContent(page: string, styleBlocks: number, options: { passiveImages?: boolean } = {}): string[] {
  const dom = parseDocument(page);
  const problems: string[] = [];
  const elements = DomUtils.findAll(() => true, dom.children) as Element[];
  let styles = 0;
  for (const el of elements) {
    if (el.name === 'style') styles++;
    const passive = (el.name === 'meta' && !el.attribs['http-equiv']) || (options.passiveImages && el.name === 'img' && /^https?:/i.test(el.attribs.src ?? ''));
    if (ACTIVE_TAGS.has(el.name) && !passive) problems.push(`<${el.name}>`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`${el.name}[${name}]`);
      // The template's own progress bar is the one style attribute, a computed width.
      if (name === 'style' && !/^width: \d+(\.\d+)?%$/.test(value)) problems.push(`${el.name}[style=${value}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && !/^(#|https?:|mailto:)/i.test(value.trim())) problems.push(`${el.name}[${name}=${value}]`);
    }
  }
  if (styles !== styleBlocks) problems.push(`${styles} <style> blocks, the template has ${styleBlocks}`);
  return problems;
}

const BASE_STYLES = DomUtils.findAll((e) => e.name === 'style', parseDocument(renderBoth(dataOf(validStatementSample())!).html).children).length;
/** The template's style blocks, put before converted Markdown so the count matches. */
const STYLE_BLOCKS = '<style></style>'.repeat(BASE_STYLES);
function validStatementSample(): string {
  return fc.sample(validStatement, { numRuns: 1, seed: 1 })[0];
}

describe('render', () => {
  it('never throws on any statement that parses, however mutated', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => {
        const data = dataOf(text);
        if (!data) return;
        const out = renderBoth(data);
        expect(out.md.length).toBeGreaterThan(0);
        expect(activeContent(out.html, BASE_STYLES)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('puts no active element, handler or unsafe link from an answer on the page', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(validStatement, fc.array(fc.tuple(fc.constantFrom(...places), payload), { minLength: 1, maxLength: 6 }), (text, edits) => {
        const data = dataOf(text)!;
        for (const [place, value] of edits) setIn(data, place.path, place.type === 'list' || place.type === 'multi-choice' ? [value] : value);
        const out = renderBoth(data);
        expect(activeContent(out.html, BASE_STYLES), JSON.stringify(edits)).toEqual([]);
        // The Markdown, shown by a viewer that does not sanitize (marked, as is), has none either.
        // (A Markdown image of an https URL is passive there; the HTML page never has images.)
        expect(activeContent(`${STYLE_BLOCKS}${marked.parse(out.md, { async: false })}`, BASE_STYLES, { passiveImages: true }), JSON.stringify(edits)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('diff', () => {
  it('diff(a, a) is empty', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(validStatement, mutatedStatement), (text) => {
        const data = dataOf(text);
        if (!data) return;
        // Parsed twice, as eis diff reads two files (a clone would turn a !!binary Buffer into a Uint8Array).
        const d = compareStatements(model, { file: 's.eis.yaml', before: data, after: dataOf(text) }, { today });
        expect(hasChanges(d)).toBe(false);
        expect(d.sections).toEqual([]);
        expect(d.concerns).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('diff(a, b) names every changed answer', { timeout: TIMEOUT }, () => {
    const simple = places.filter((p) => p.path.length === 2 && ['text', 'markdown', 'date', 'number', 'choice', 'yes-no'].includes(p.type));
    fc.assert(
      fc.property(
        validStatement,
        fc.uniqueArray(fc.constantFrom(...simple), { minLength: 1, maxLength: 5, selector: (p) => p.path.join('.') }),
        fc.string({ minLength: 1, maxLength: 20 }),
        (text, changed, word) => {
          const before = dataOf(text)!;
          const after = structuredClone(before);
          for (const place of changed) setIn(after, place.path, `changed ${word}`);
          const d = compareStatements(model, { file: 's.eis.yaml', before, after }, { today });
          const keys = new Set(d.sections.flatMap((s) => s.changes.map((c) => c.key)));
          for (const place of changed) expect(keys, place.path.join('.')).toContain(place.path.join('.'));
          // And nothing else.
          expect([...keys].sort()).toEqual(changed.map((p) => p.path.join('.')).sort());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('diff(a, b) names every changed list entry field', { timeout: TIMEOUT }, () => {
    const fields = places.filter((p) => p.path.length === 4 && ['text', 'markdown'].includes(p.type) && p.path[3] !== 'id');
    fc.assert(
      fc.property(validStatement, fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 20 }), (text, place, word) => {
        const before = dataOf(text)!;
        const list = (before[place.path[0]] as Record<string, unknown> | undefined)?.[place.path[1]];
        if (!Array.isArray(list) || !list.length) return;
        const after = structuredClone(before);
        setIn(after, place.path, `changed ${word}`);
        const d = compareStatements(model, { file: 's.eis.yaml', before, after }, { today });
        const entries = d.sections.flatMap((s) => s.changes).filter((c) => c.kind === 'entry');
        expect(entries.map((e) => e.key)).toContain(`${place.path[0]}.${place.path[1]}`);
        expect(entries.flatMap((e) => (e.kind === 'entry' ? e.fields.map((f) => f.id) : []))).toContain(place.path[3]);
      }),
      { numRuns: RUNS },
    );
  });
});
