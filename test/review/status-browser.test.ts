// The eis status dashboard in a real browser (Debian's Chromium via playwright-core): no WCAG 2.1
// A/AA violations found by axe-core, no requests, and charts that say in text what they show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumMissing, launchBrowser, warnIfMissing, type Browser } from '../helpers/browser.js';
import { EXAMPLES, eis } from '../helpers/cli.js';

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
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);
  });
});
