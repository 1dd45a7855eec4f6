// The eis status dashboard in a real browser (Debian's Chromium via playwright-core): no WCAG 2.1
// A/AA violations found by axe-core, no requests, and charts that say in text what they show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { EXAMPLES, ROOT, eis } from '../helpers/cli.js';

const CHROMIUM = process.env.EIS_CHROMIUM ?? '/usr/bin/chromium';
const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`\n[eis] SKIPPED the status dashboard browser test: ${CHROMIUM} was not found. Install it with "apt-get install chromium" or set EIS_CHROMIUM.\n`);

describe.skipIf(missing)('eis status --format html in Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let out: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'eis-chromium-'));
    out = mkdtempSync(join(tmpdir(), 'eis-status-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('has no WCAG 2.1 A/AA violations and makes no requests', async () => {
    const r = eis(['status', '--format', 'html'], { cwd: EXAMPLES });
    const file = join(out, 'status.html');
    writeFileSync(file, r.stdout);
    const url = pathToFileURL(file).href;
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => void (req.url() !== url && requests.push(req.url())));
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.locator('script').count()).toBe(0);
    // Each chart is an image with a name and a description, followed by a table with its numbers.
    const charts = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
      svgs.map((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' | ')),
    );
    expect(charts).toEqual([
      'By status | Draft: 1; In review: 0; Approved: 1; Superseded: 0; No statement: 1',
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
