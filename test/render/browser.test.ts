// The rendered HTML in a real browser (Debian's Chromium, driven by playwright-core): zero WCAG 2.1
// A/AA violations found by axe-core, no network requests, hostile answers inert, and it prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumMissing, launchBrowser, warnIfMissing, type Browser } from '../helpers/browser.js';
import { EXAMPLES, ROOT, eis } from '../helpers/cli.js';
import { builtin } from '../helpers/model.js';
import { example, render } from './helpers.js';
import { CORPUS } from './xss-corpus.js';

warnIfMissing('the browser test (axe-core accessibility, network, print to PDF)');

const RACE_FORWARD = join(ROOT, 'test', 'fixtures', 'race-forward');
const pages = [
  { name: 'complete example', cwd: EXAMPLES, file: 'memos/text-payment-reminders.eis.yaml' },
  { name: 'example with gaps', cwd: EXAMPLES, file: 'memos/online-application-portal.eis.yaml' },
  { name: 'second questionnaire', cwd: RACE_FORWARD, file: 'gaps.eis.yaml' },
];

describe.skipIf(chromiumMissing)('rendered HTML in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = (html: string, name: string) => browser.open(html, name);

  it.each(pages)('$name has no WCAG 2.1 A/AA violations, makes no requests and prints', async ({ name, cwd, file }) => {
    const rendered = eis(['render', file, '--format', 'html'], { cwd });
    expect(rendered.code).toBe(0);
    const { page, requests } = await open(rendered.stdout, name.replace(/\W+/g, '-'));
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: join(tmpdir(), `eis-render-${name.replace(/\W+/g, '-')}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('header h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('nav').count()).toBe(1);

    // axe is injected after the page has loaded: the page itself has no script.
    expect(await page.locator('script').count()).toBe(0);
    await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ html: string }> }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.html).slice(0, 3) }));
    });
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('runs nothing from hostile answers', async () => {
    const data = structuredClone(example('text-payment-reminders')) as Record<string, Record<string, unknown>>;
    data.initiative.summary = CORPUS.join('\n\n');
    data.proposal.problem = CORPUS.map((c) => `- ${c.replace(/\n/g, ' ')}`).join('\n');
    const { page, requests, dialogs } = await open(render(builtin(), data, 'html'), 'hostile');
    await page.locator('body').hover();
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('script, iframe, object, embed, svg, img, form, input, style:not(head style)').count()).toBe(0);
    await page.close();
  });
});
