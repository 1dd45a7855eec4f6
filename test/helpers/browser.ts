// Debian's Chromium, driven by playwright-core, for tests of pages eis writes. Tests skip with a
// printed reason when it is not installed (.ci/run installs it).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './cli.js';

export const CHROMIUM = process.env.EIS_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);

export function warnIfMissing(what: string): void {
  if (chromiumMissing) console.warn(`\n[eis] SKIPPED ${what}: ${CHROMIUM} was not found. Install it with "apt-get install chromium" (.ci/run does) or set EIS_CHROMIUM.\n`);
}

export interface Browser {
  context: BrowserContext;
  /** Writes the page to a file, opens it, and records every request beyond the page itself. */
  open(html: string, name: string): Promise<{ page: Page; requests: string[]; dialogs: string[]; file: string }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'eis-chromium-'));
  const out = mkdtempSync(join(tmpdir(), 'eis-pages-'));
  // The flags keep Chromium from reaching for the network at start (it has none here).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async open(html, name) {
      const file = join(out, `${name}.html`);
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => void (r.url() !== url && requests.push(r.url())));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(url, { waitUntil: 'load' });
      return { page, requests, dialogs, file };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** axe-core's WCAG 2.1 A and AA violations on the open page: rule ids and the first few elements. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html).slice(0, 3) }));
  });
}
