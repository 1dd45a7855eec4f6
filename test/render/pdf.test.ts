// eis render --format pdf, read back with poppler-utils: tagged, titled, in the page's language,
// bookmarked, fonts embedded, every answer in its text, a page that is not blank, nothing active
// from hostile answers or a hostile template, and one line (exit 2) when there is no browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BIN, EXAMPLES, copyExamples, eis, tempTree } from '../helpers/cli.js';
import { readYaml } from '../helpers/model.js';
import { CHROMIUM, chromiumMissing } from '../helpers/browser.js';
import { CORPUS } from './xss-corpus.js';

const popplerMissing = spawnSync('pdfinfo', ['-v']).error !== undefined;
if (chromiumMissing || popplerMissing)
  console.warn(`\n[eis] SKIPPED the PDF test: it needs ${CHROMIUM} and poppler-utils. Install them with "apt-get install chromium poppler-utils" (.ci/run does).\n`);

const STATEMENT = 'memos/text-payment-reminders.eis.yaml';
const PRINT = { timeout: 90_000 };

function tool(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The catalog's /Lang: Chromium writes PDF 1.4, whose catalog is a plain, uncompressed object. */
function catalogLang(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  const catalog = /\d+ 0 obj\s*<<\/Type \/Catalog([\s\S]*?)endobj/.exec(text);
  return catalog ? /\/Lang \(([^)]*)\)/.exec(catalog[1]!)?.[1] : undefined;
}

/** The bookmarks, as poppler reads them. */
function bookmarks(file: string): string[] {
  const xml = tool('pdftohtml', ['-xml', '-stdout', '-i', '-q', file]);
  return [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"'),
  );
}

/** Share of dark pixels on a page, from a grey PGM (P5): a header of four tokens, then one byte per pixel. */
function inkOnPage(file: string, page: number): number {
  const r = spawnSync('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), file]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr.toString()}`);
  const pgm = r.stdout;
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const [, w, h] = header.map(Number) as [number, number, number];
  const pixels = pgm.subarray(header[0].length, header[0].length + w * h);
  expect(pixels.length).toBe(w * h);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

/** Every answer given as text (not a choice's value or an id: those show as labels, or not at all). */
function textAnswers(data: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (!/^[a-z0-9][a-z0-9_-]*$/.test(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(data);
  return out;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** An answer's text, line by line, without the Markdown marks that do not print. */
function printedLines(answer: string): string[] {
  return answer
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .split(/\n+/)
    .map((l) => l.replace(/^\s*([-+]|\d+\.)\s+/, '').trim())
    .filter(Boolean);
}

describe.skipIf(chromiumMissing || popplerMissing)('eis render --format pdf', { timeout: 120_000 }, () => {
  let examples: { dir: string; cleanup: () => void };
  let file: string;
  let bytes: Buffer;
  const env = { EIS_BROWSER: CHROMIUM };

  beforeAll(() => {
    examples = copyExamples();
    const run = eis(['render', STATEMENT, '--format', 'pdf', '--out', 'out/reminders.pdf'], { cwd: examples.dir, env, ...PRINT });
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'out/reminders.pdf\n' });
    file = join(examples.dir, 'out', 'reminders.pdf');
    bytes = readFileSync(file);
  }, 120_000);
  afterAll(() => examples?.cleanup());

  it('is tagged, titled, in the language of the page, with embedded fonts', () => {
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Text-message payment reminders · Equity Impact Statement and Assessment$/m);
    expect(info).toMatch(/^JavaScript:\s+no$/m);
    expect(catalogLang(bytes)).toBe('en');
    // The structure tree holds headings, not only untagged content.
    expect(tool('pdfinfo', ['-struct', file])).toMatch(/^\s+H1\b/m);

    const fonts = tool('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // name, type (one or two words), encoding, then emb sub uni and the object number.
    for (const line of fonts) expect(line, line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it('has bookmarks from the headings, and numbered pages', () => {
    const marks = bookmarks(file);
    expect(marks).toContain('Text-message payment reminders');
    expect(marks).toContain('Plain-language summary');
    expect(marks).toContain('At a glance');
    expect(marks).toContain('Populations');
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(tool('pdfinfo', [file]))![1]);
    expect(pages).toBeGreaterThan(1);
    const text = tool('pdftotext', ['-layout', file, '-']);
    for (const n of [1, pages]) expect(text).toContain(`Page ${n} of ${pages}`);
  });

  it('holds every answer given as text', () => {
    const text = squash(tool('pdftotext', ['-raw', file, '-']));
    const answers = textAnswers(readYaml(join(examples.dir, STATEMENT)));
    expect(answers.length).toBeGreaterThan(50);
    const missing = answers.flatMap(printedLines).filter((line) => !text.includes(squash(line)));
    expect(missing).toEqual([]);
  });

  it('prints pages that are not blank', () => {
    const ink = inkOnPage(file, 1);
    // The title page: a heading, the details and the summary. A blank page has none.
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
  });

  it('with --lang, the PDF is in that language', () => {
    const run = eis(['render', STATEMENT, '--format', 'pdf', '--lang', 'es', '--out', 'out/es.pdf'], { cwd: examples.dir, env, ...PRINT });
    expect(run.code).toBe(0);
    expect(catalogLang(readFileSync(join(examples.dir, 'out', 'es.pdf')))).toBe('es');
  });

  it('goes to standard output when it is not a terminal', () => {
    const r = spawnSync(process.execPath, [BIN, 'render', STATEMENT, '--format', 'pdf'], {
      cwd: examples.dir,
      env: { ...process.env, ...env, EIS_TODAY: '2026-11-23' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 90_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.stdout.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  });

  it('renders many statements into a folder, one x.eis.pdf each', () => {
    const run = eis(['render', 'memos/text-payment-reminders.eis.yaml', 'memos/online-application-portal.eis.yaml', '--format', 'pdf', '--out', 'print'], { cwd: examples.dir, env, timeout: 120_000 });
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'print/text-payment-reminders.eis.pdf\nprint/online-application-portal.eis.pdf\n' });
    expect(readdirSync(join(examples.dir, 'print')).sort()).toEqual(['online-application-portal.eis.pdf', 'text-payment-reminders.eis.pdf']);
    for (const name of readdirSync(join(examples.dir, 'print')))
      expect(
        readFileSync(join(examples.dir, 'print', name))
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
  });

  it('has nothing active from hostile answers: no JavaScript, no launch or other actions', () => {
    const data = structuredClone(readYaml(join(examples.dir, STATEMENT))) as Record<string, Record<string, unknown>>;
    data.initiative!.summary = CORPUS.join('\n\n');
    data.proposal!.problem = CORPUS.map((c) => `- ${c.replace(/\n/g, ' ')}`).join('\n');
    writeFileSync(join(examples.dir, 'memos', 'hostile.eis.yaml'), stringify(data));
    const run = eis(['render', 'memos/hostile.eis.yaml', '--format', 'pdf', '--out', 'out/hostile.pdf'], { cwd: examples.dir, env, ...PRINT });
    expect(run.code).toBe(0);
    const out = join(examples.dir, 'out', 'hostile.pdf');
    const pdf = readFileSync(out).toString('latin1');
    // PDF 1.4 has no object streams: every dictionary is in the bytes as written, so a scan sees all actions.
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).not.toContain('/ObjStm');
    for (const key of ['/JavaScript', '/JS', '/Launch', '/OpenAction', '/AA', '/SubmitForm', '/ImportData', '/EmbeddedFile', '/RichMedia', '/AcroForm'])
      expect(pdf, key).not.toMatch(new RegExp(`${key.replace('/', '\\/')}(?![A-Za-z])`));
    for (const uri of pdf.matchAll(/\/URI \(([^)]*)\)/g)) expect(uri[1]).toMatch(/^(https?|mailto):/i);
    expect(tool('pdfinfo', [out])).toMatch(/^JavaScript:\s+no$/m);
    // -js prints every script in the file: there is none.
    expect(tool('pdfinfo', ['-js', out])).toBe('');
  });

  it('runs no script and loads nothing, even from a template that tries', async () => {
    const requests: string[] = [];
    const server: Server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    try {
      const template = join(examples.dir, 'hostile.html.hbs');
      writeFileSync(
        template,
        `<!DOCTYPE html><html lang="en"><head><title>{{title}}</title>
<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
<script src="http://127.0.0.1:${port}/script.js"></script>
<script>document.title = 'SCRIPT RAN'; document.write('<p>SCRIPT RAN</p>');</script>
</head><body><h1>{{title}}</h1><img src="http://127.0.0.1:${port}/beacon.png" alt="beacon">
<iframe src="http://127.0.0.1:${port}/frame"></iframe>
<p style="background: url(http://127.0.0.1:${port}/bg.png)">Printed without the network.</p></body></html>
`,
      );
      // Asynchronously, so that the server can answer while eis runs.
      const code = await new Promise<number | null>((done) => {
        const child = spawnAsync([BIN, 'render', STATEMENT, '--format', 'pdf', '--template', template, '--out', 'out/template.pdf'], examples.dir, env);
        child.on('close', done);
      });
      expect(code).toBe(0);
      const out = join(examples.dir, 'out', 'template.pdf');
      expect(tool('pdftotext', [out, '-'])).toContain('Printed without the network.');
      expect(tool('pdftotext', [out, '-'])).not.toContain('SCRIPT RAN');
      expect(tool('pdfinfo', [out])).toMatch(/^Title:\s+Text-message payment reminders$/m);
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });
});

function spawnAsync(args: string[], cwd: string, env: Record<string, string>) {
  return spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, EIS_TODAY: '2026-11-23' }, stdio: 'ignore' });
}

describe('eis render --format pdf without a browser', () => {
  const statement = () => readFileSync(join(EXAMPLES, STATEMENT), 'utf8');

  it('exits 2 with one line that says how to get one', () => {
    const tree = tempTree({ 'memos/s.eis.yaml': statement(), 'empty-path/.keep': '' });
    try {
      const run = eis(['render', 'memos/s.eis.yaml', '--format', 'pdf', '--out', 'x.pdf'], {
        cwd: tree.dir,
        env: { PATH: join(tree.dir, 'empty-path'), EIS_BROWSER: undefined },
      });
      expect(run.stderr).toBe('eis: no Chromium-family browser found to print the PDF; install one (apt-get install chromium, or Chrome/Edge) or name it with --browser PATH.\n');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(existsSync(join(tree.dir, 'x.pdf'))).toBe(false);
    } finally {
      tree.cleanup();
    }
  });

  // util-linux's script runs eis with a terminal for its standard output.
  it.skipIf(spawnSync('script', ['--version']).error !== undefined)('refuses to write a PDF to a terminal, before printing anything', () => {
    const tree = tempTree({ 'memos/s.eis.yaml': statement() });
    try {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} render memos/s.eis.yaml --format pdf --browser ./no-such-browser; echo "exit $?"`;
      const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: tree.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
      expect(r.stdout.replace(/\r/g, '')).toBe(
        'eis: a PDF is not text: it cannot be shown in the terminal. Write it to a file with --out statement.eis.pdf, or redirect standard output to a file.\nexit 2\n',
      );
    } finally {
      tree.cleanup();
    }
  });

  it('refuses a --browser that is not a program, and a config browser inside the repository', () => {
    const tree = tempTree({ 'memos/s.eis.yaml': statement(), 'bin/chromium': '#!/bin/sh\nexit 0\n' });
    try {
      const flag = eis(['render', 'memos/s.eis.yaml', '--format', 'pdf', '--browser', './no-such-browser', '--out', 'x.pdf'], { cwd: tree.dir });
      expect(flag.code).toBe(2);
      expect(flag.stderr).toMatch(/^eis: --browser names \.\/no-such-browser, which is not a program that can be run\. /);

      writeFileSync(join(tree.dir, 'eis.config.yaml'), 'browser: bin/chromium\n');
      const relative = eis(['render', 'memos/s.eis.yaml', '--format', 'pdf', '--out', 'x.pdf'], { cwd: tree.dir });
      expect(relative.code).toBe(2);
      expect(relative.stderr).toMatch(/^eis: eis\.config\.yaml:1:1: "browser" in the config names bin\/chromium, a path relative to the repository\./);

      spawnSync('chmod', ['+x', join(tree.dir, 'bin', 'chromium')]);
      writeFileSync(join(tree.dir, 'eis.config.yaml'), `browser: ${join(tree.dir, 'bin', 'chromium')}\n`);
      spawnSync('git', ['init', '-q'], { cwd: tree.dir });
      const inside = eis(['render', 'memos/s.eis.yaml', '--format', 'pdf', '--out', 'x.pdf'], { cwd: tree.dir });
      expect(inside.code).toBe(2);
      expect(inside.stderr).toMatch(/^eis: eis\.config\.yaml:1:1: "browser" in the config names .*, which is inside the repository/);
      expect(existsSync(join(tree.dir, 'x.pdf'))).toBe(false);
    } finally {
      tree.cleanup();
    }
  });
});
