// `eis render --format pdf`: the HTML page, printed by a Chromium-family browser on the machine.
//
// The browser is run as a program (--print-to-pdf), not driven through playwright-core: that is
// 14 MB more for everyone who installs eis, to print one page. Chromium's own switches give what
// an accessible PDF needs: tags (--export-tagged-pdf), bookmarks from the headings
// (--generate-pdf-document-outline), the title and language from the page, fonts embedded; the
// page numbers come from the print CSS (@page margin boxes), not from the browser's header.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EisError } from '../../core/errors.js';
import { printable } from '../../core/printable.js';
import { findBrowser, type BrowserSearch } from './browser.js';

/**
 * Nothing in the page may run or load anything: no script (a template the config names is not
 * ours to trust), no request beyond the page itself. The page's own CSS and data: images stay.
 * Headless printing needs JavaScript on in the browser itself, so the policy turns it off in the page.
 */
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'";

/** Long enough for a statement of many pages on a slow machine; a browser that hangs is stopped. */
const PRINT_TIMEOUT_MS = 120_000;

export interface PdfPrinter {
  /** The browser's executable, for messages. */
  browser: string;
  print(html: string): Promise<Uint8Array>;
  /** Writes a PDF to standard output, which is not a terminal (checked when the printer is made). */
  toStdout(bytes: Uint8Array): void;
}

/**
 * A printer with the browser found, or an EisError before any work is done: no browser, or a PDF
 * that would go to a terminal.
 */
export function pdfPrinter(search: BrowserSearch & { toStdout: boolean }): PdfPrinter {
  if (search.toStdout && process.stdout.isTTY)
    throw new EisError('a PDF is not text: it cannot be shown in the terminal.', { hint: 'Write it to a file with --out statement.eis.pdf, or redirect standard output to a file.' });
  const browser = findBrowser(search);
  return {
    browser,
    print: (html) => printPdf(html, browser),
    toStdout: (bytes) => void process.stdout.write(bytes),
  };
}

/** The page printed to PDF by `browser`, in a temporary folder of its own that is removed afterwards. */
export async function printPdf(html: string, browser: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'eis-pdf-'));
  try {
    const page = join(dir, 'statement.html');
    const pdf = join(dir, 'statement.pdf');
    writeFileSync(page, withPolicy(html));
    const result = await run(browser, browserArgs(dir, pdf, pathToFileURL(page).href));
    const bytes = existsSync(pdf) ? readFileSync(pdf) : undefined;
    if (bytes?.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const why = result.timedOut ? `it was still running after ${PRINT_TIMEOUT_MS / 1000} seconds` : result.error ? result.error : lastLine(result.stderr) || `it exited with ${result.code}`;
      throw new EisError(`the browser ${browser} did not print the PDF (${printable(why)}).`, {
        hint: 'Name a recent Chromium, Chrome, Edge or Brave (131 or later) with --browser PATH.',
      });
    }
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page with the policy first in it: it must come before anything it governs. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">`;
  // After the doctype, so that the page stays in standards mode; the parser puts the meta in the head.
  const doctype = /^\uFEFF?\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

export function browserArgs(dir: string, pdf: string, url: string): string[] {
  return [
    '--headless=new',
    // A profile of its own: with the person's profile, a running browser would take the job and print nothing.
    `--user-data-dir=${join(dir, 'profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-extensions',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--mute-audio',
    // No network at all: every host name fails to resolve (the page policy already stops requests).
    '--host-resolver-rules=MAP * ~NOTFOUND',
    // Chromium refuses to start as root with its sandbox (containers, CI images).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`,
    url,
  ];
}

interface RunResult {
  code: number | null;
  stderr: string;
  timedOut: boolean;
  error?: string;
}

function run(program: string, args: string[]): Promise<RunResult> {
  return new Promise((done) => {
    let stderr = '';
    let timedOut = false;
    // An argument array, never a shell: the path and the file name are passed as they are.
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, PRINT_TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // The end is what explains a failure; Chromium logs a lot before it.
      stderr = (stderr + chunk).slice(-8192);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: null, stderr, timedOut, error: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr, timedOut });
    });
  });
}

/** The last line of the browser's log that says something: not the noise about D-Bus or the GPU. */
function lastLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/dbus|bus\.cc|object_proxy|gpu|bytes written/i.test(l));
  return (lines.at(-1) ?? '').slice(0, 300);
}
