// The eis status dashboard in a real browser (Debian's Chromium via playwright-core): no WCAG 2.1
// A/AA violations found by axe-core, no requests, and charts that say in text what they show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumMissing, launchBrowser, warnIfMissing, type Browser } from '../helpers/browser.js';
import { EXAMPLES, ROOT, eis } from '../helpers/cli.js';

warnIfMissing('the status dashboard browser test');

describe.skipIf(chromiumMissing)('eis status --format html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no WCAG 2.1 A/AA violations and makes no requests', async () => {
    const r = eis(['status', '--format', 'html'], { cwd: EXAMPLES });
    const { page, requests } = await browser.open(r.stdout, 'status');
    expect(await page.locator('script').count()).toBe(0);
    // Each chart is an image with a name and a description, followed by a table with its numbers.
    const charts = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
      svgs.map((svg) =>
        (svg.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' | '),
      ),
    );
    expect(charts).toEqual([
      'By status | Draft: 1; In review: 0; Changes requested: 0; Approved: 1; Superseded: 0; No statement: 1',
      'By screening level | No assessment needed: 0; Brief assessment: 0; Full assessment: 2',
    ]);
    await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html).slice(0, 3) }));
    });
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);
  });
});
