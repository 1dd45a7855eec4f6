// A page in another language than its answers, in Chromium: axe-core finds no WCAG 2.1 A/AA
// violation (valid-lang among them), the page is French and the English answers say so.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumMissing, launchBrowser, warnIfMissing, type Browser } from '../helpers/browser.js';
import { ROOT, eis, tempTree } from '../helpers/cli.js';
import { fixture } from '../helpers/model.js';

warnIfMissing('the browser test of a translated page');

describe.skipIf(chromiumMissing)('a French page with English answers in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no WCAG 2.1 A/AA violations, lang="fr" on the page and lang="en" on the answers', async () => {
    const tree = tempTree();
    try {
      cpSync(fixture('translations'), tree.dir, { recursive: true });
      const rendered = eis(['render', 'memos/rent-caps.eis.yaml', '--format', 'html', '--lang', 'fr'], { cwd: tree.dir });
      expect(rendered.code).toBe(0);
      const { page, requests } = await browser.open(rendered.stdout, 'translated-fr');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      const english = await page.locator('[lang="en"]').allInnerTexts();
      expect(english).toEqual(expect.arrayContaining(['Rent caps for older tenants', 'Older tenants', 'Small landlords', 'Rents rise by 2% at most each year.']));
      // The questionnaire's words are French: no heading or choice is marked English.
      expect(await page.locator('h2[lang], h3[lang], dt[lang], td[lang]').count()).toBe(0);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    } finally {
      tree.cleanup();
    }
  });

  it('the approved example in Spanish: no violations, lang="es" on the page and lang="en" on its English answers', async () => {
    const tree = tempTree();
    try {
      cpSync(join(ROOT, 'examples'), tree.dir, { recursive: true });
      // A statement answered in English on equity-impact@2 (the example, moved by eis migrate).
      expect(eis(['migrate', 'memos/text-payment-reminders.eis.yaml'], { cwd: tree.dir }).code).toBe(0);
      const rendered = eis(['render', 'memos/text-payment-reminders.eis.yaml', '--format', 'html', '--lang', 'es'], { cwd: tree.dir });
      expect(rendered.code, rendered.stderr).toBe(0);
      const { page, requests } = await browser.open(rendered.stdout, 'translated-es');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await page.locator('h2').allInnerTexts()).toEqual(expect.arrayContaining(['Poblaciones']));
      expect(await page.locator('[lang="en"]').allInnerTexts()).toEqual(expect.arrayContaining(['Text-message payment reminders']));
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    } finally {
      tree.cleanup();
    }
  });
});
