// The eis report dashboard in a real browser (Debian's Chromium via playwright-core): no WCAG 2.1
// A/AA violations found by axe-core, no requests, no scripts, and charts named and described in text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, chromiumMissing, launchBrowser, warnIfMissing, type Browser } from '../helpers/browser.js';
import { eis, tempTree } from '../helpers/cli.js';
import { generateStatements } from './generate.js';

warnIfMissing('the report dashboard browser test');

describe.skipIf(chromiumMissing)('eis report --format html in Chromium', () => {
  let browser: Browser;
  const tree = tempTree({ 'eis.config.yaml': 'questionnaire: equity-impact\n' });
  beforeAll(async () => {
    for (const s of generateStatements(30, 5)) writeFileSync(join(tree.dir, s.name), s.text);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    tree.cleanup();
  });

  for (const publicReport of [false, true])
    it(`has no WCAG 2.1 A/AA violations${publicReport ? ', public' : ''}`, async () => {
      const r = eis(['report', '--format', 'html', ...(publicReport ? ['--public'] : [])], { cwd: tree.dir, env: { EIS_TODAY: '2026-03-15' } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const { page, requests } = await browser.open(r.stdout, 'report');
      expect(await page.locator('script').count()).toBe(0);
      const charts = await page
        .locator('svg[role="img"]')
        .evaluateAll((svgs) => svgs.map((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '')));
      expect(charts.map((c) => c[0])).toEqual(['Burdens by kind of population', 'Engagement sessions by standing body']);
      for (const [, desc] of charts) expect(desc).toMatch(/^[^:;]+: (\d+|fewer than 11)(; [^:;]+: (\d+|fewer than 11))*$/);
      if (publicReport) expect(await page.locator('body').textContent()).toContain('fewer than 11');
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
    });
});
