// Values in eis's Markdown (a pull-request comment from `eis diff`, `eis status --format md`, a
// statement from `eis render`) show as written: a file name, key or answer adds no heading, link,
// image, raw HTML, alert, table row or mention, and an answer's own Markdown cannot take in what
// follows it. Each is checked as GitHub renders it (cmark-gfm, GitHub's fork of cmark, from Debian)
// and as marked does.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { mdBlock, mdCell, mdCode, mdText } from '../../src/core/markdown/escape.js';
import { neutralizeMarkdown } from '../../src/core/render/safe-markdown.js';
import { eis, ROOT, tempTree } from '../helpers/cli.js';
import { RUNS } from '../property/support.js';

const hasCmark = spawnSync('cmark-gfm', ['--version']).status === 0;

/** HTML as GitHub makes it from Markdown (before its sanitizer, so that any raw HTML shows). */
function cmark(markdown: string): string {
  return execFileSync('cmark-gfm', ['--unsafe', '--extension', 'table', '--extension', 'strikethrough', '--extension', 'autolink', '--extension', 'tagfilter'], { input: markdown, encoding: 'utf8' });
}
const marked = new Marked({ gfm: true, async: false });
const renderers: Array<[string, (md: string) => string]> = [
  ['cmark-gfm', cmark],
  ['marked', (md) => marked.parse(md) as string],
];

const count = (html: string, tag: string) => (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length;
const tags = (html: string) => new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase()));

// Pieces that mean something to a Markdown renderer, GitHub's extensions or a terminal.
const PIECES = [
  '`',
  '``',
  '```',
  '~~~',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '|',
  '\\',
  '\\|',
  '\\\\|',
  '<',
  '>',
  '&',
  '&#124;',
  '&lt;',
  '#',
  '# ',
  '###### ',
  '=',
  '===',
  '---',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '_',
  '*',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '!',
  '> ',
  '> [!NOTE]',
  '[!WARNING]',
  '    ',
  '\t',
  ' ',
  'a',
  'word',
  'https://evil.example/x',
  'www.evil.example',
  'me@evil.example',
  '@octocat',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">x</a>',
  '<!--',
  '-->',
  '<details>',
  '[x](https://evil.example)',
  '![i](https://evil.example/i.png)',
  '<https://evil.example>',
  '[ref]: https://evil.example',
  '::error::forged',
  '\x1b[2J',
  '\x1b]8;;https://evil.example\x07',
  '\u2028',
  '\x00',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));

describe.skipIf(!hasCmark)('a value in Markdown shows as written, in cmark-gfm and marked', () => {
  it('inline text, a code span and a table cell add nothing to the document', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const doc = [
          `### ${mdCode(value)}: ${mdText(value)}`,
          '',
          `${mdText(value)}.`,
          '',
          '| Question | Answer |',
          '| --- | --- |',
          `| ${mdCell(mdText(value))} | ${mdCell(`<code>${mdText(value)}</code>`)} |`,
          '',
          `> - ${mdText(value)}.`,
          '',
          'END',
          '',
        ].join('\n');
        for (const [name, render] of renderers) {
          const html = render(doc);
          const why = `${name}\n${JSON.stringify(value)}\n${doc}\n${html}`;
          expect(
            [...tags(html)].filter((t) => !['h3', 'p', 'code', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'ul', 'li'].includes(t)),
            why,
          ).toEqual([]);
          expect(count(html, 'h3'), why).toBe(1);
          expect(count(html, 'p'), why).toBe(2);
          expect(count(html, 'tr'), why).toBe(2);
          expect(count(html, 'td'), why).toBe(2);
          expect(count(html, 'blockquote'), why).toBe(1);
          expect(count(html, 'li'), why).toBe(1);
          expect(html, why).toMatch(/<p>END<\/p>\s*$/);
          expect(html, why).not.toMatch(/\x1b|\u2028/);
          // GitHub notifies no one for an @ inside code.
          expect(html.replace(/<code>[^<]*<\/code>/g, ''), why).not.toMatch(/@[a-z]/i);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it("an answer's own Markdown cannot take in what follows it, nor add a heading above its own", { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(hostile, (answer) => {
        const doc = `### Question\n\n${mdBlock(neutralizeMarkdown(answer))}\n\n\n> **Error:** FINDING\n\n## AFTER\n`;
        for (const [name, render] of renderers) {
          const html = render(doc);
          const why = `${name}\n${JSON.stringify(answer)}\n${doc}\n${html}`;
          for (const h of ['h1', 'h2', 'h3']) expect(count(html, h), `${h} ${why}`).toBe(h === 'h1' ? 0 : 1);
          expect(html, why).toMatch(/<h2>AFTER<\/h2>\s*$/);
          expect(html, why).toMatch(/<blockquote>\s*<p><strong>Error:<\/strong> FINDING<\/p>\s*<\/blockquote>\s*<h2>AFTER/);
          // An answer is Markdown: its own links and images stay (their targets are checked elsewhere), raw HTML does not.
          expect(
            [...tags(html)].filter((t) => ['script', 'iframe', 'details', 'input', 'div', 'span'].includes(t)),
            why,
          ).toEqual([]);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('closes an open fence, demotes setext and nested headings, keeps a closed fence as code', () => {
    expect(mdBlock('```\ncode')).toBe('```\ncode\n```');
    expect(mdBlock('~~~~ js\n~~~\nx')).toBe('~~~~ js\n~~~\nx\n~~~~');
    expect(mdBlock('Title\n===\n\nSub\n---')).toBe('Title\n\\===\n\nSub\n\\---');
    expect(mdBlock('> # quoted\n- ## listed')).toBe('> #### quoted\n- ##### listed');
    expect(mdBlock('```\n# not a heading\n===\n```\n\n---')).toBe('```\n# not a heading\n===\n```\n\n---');
    expect(mdBlock('- a\n\n  ```\n  code')).toBe('- a\n\n  \\```\n  code');
    expect(mdBlock('::error::x\n  ##[error]y\n```\n::add-mask::z')).toBe('\\::error::x\n  \\##[error]y\n```\n\\x3a:add-mask::z\n```');
  });

  it('a text answer with \\| stays in its cell', () => {
    for (const [name, render] of renderers) {
      const html = render(`| a | b |\n| --- | --- |\n| ${mdCell(mdText('x \\| y', { document: true }))} | z |\n`);
      expect(count(html, 'td'), name).toBe(2);
      expect(html, name).toContain('<td>x \\| y</td>');
    }
  });
});

// The same through the built binary, with real files and real git.
const tree = tempTree();
afterAll(() => tree.cleanup());
const STATEMENT = readFileSync(join(ROOT, 'examples', 'memos', 'text-payment-reminders.eis.yaml'), 'utf8');
const CONFIG = readFileSync(join(ROOT, 'examples', 'eis.config.yaml'), 'utf8');
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.gov', ...args], { cwd, encoding: 'utf8' });

// A file name that closes the code span it is put in, then forges HTML, a link and an "all approved" alert.
const FORGED_NAME = 'a` <img src=x onerror=alert(1)> [ok](https:evil.example) `\n> [!NOTE]\n> **All statements approved.**\n| x | y |';

describe.skipIf(!hasCmark)('through the binary', () => {
  it('eis diff --format md: a hostile file name forges nothing in the comment', () => {
    const repo = join(tree.dir, 'diff');
    mkdirSync(join(repo, 'memos'), { recursive: true });
    git(tree.dir, 'init', '-q', repo);
    writeFileSync(join(repo, 'memos', `${FORGED_NAME}.eis.yaml`), STATEMENT);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'x');
    writeFileSync(join(repo, 'memos', `${FORGED_NAME}.eis.yaml`), STATEMENT.replace('title: Text-message payment reminders', 'title: Changed'));
    const run = eis(['diff', '--git', 'HEAD', '--format', 'md'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    for (const [name, render] of renderers) {
      const html = render(run.stdout);
      const why = `${name}\n${run.stdout}\n${html}`;
      expect(html, why).not.toMatch(/<(img|a|blockquote|details)[\s>]/);
      expect(html, why).not.toMatch(/\[!NOTE\]\s*$/m);
      expect(count(html, 'h3'), why).toBe(1);
      expect(html, why).toMatch(
        /<h3><code>memos\/a` &lt;img src=x onerror=alert\(1\)&gt; \[ok\]\(https:evil\.example\) `\\n&gt; \[!NOTE\]\\n&gt; \*\*All statements approved\.\*\*\\n\| x \| y \|\.eis\.yaml<\/code>: Changed<\/h3>/,
      );
    }
  });

  it('eis status --format md: | and newlines in a path add no table row', () => {
    const repo = join(tree.dir, 'status');
    mkdirSync(join(repo, 'memos'), { recursive: true });
    git(tree.dir, 'init', '-q', repo);
    writeFileSync(join(repo, 'eis.config.yaml'), CONFIG);
    writeFileSync(join(repo, 'memos', 'plain.md'), '# Plain\n');
    writeFileSync(join(repo, 'memos', 'p|Approved|x\n| forged.md | Approved | Full | 36 of 36 | 0 | - | | Forged |.md'), '# Forged\n');
    const run = eis(['status', '--format', 'md'], { cwd: repo });
    expect([0, 1]).toContain(run.code);
    for (const [name, render] of renderers) {
      const html = render(run.stdout);
      const why = `${name}\n${run.stdout}\n${html}`;
      // The counts table (7 rows) and the initiatives table (a header and 2 rows).
      expect(count(html, 'tr'), why).toBe(7 + 3);
      expect(html, why).not.toMatch(/<td>\s*forged\.md/);
      expect(count(html, 'td'), why).toBe(6 * 2 + 2 * 8);
      expect(html, why).toContain('<code>memos/p|Approved|x\\n| forged.md | Approved | Full | 36 of 36 | 0 | - | | Forged |.md</code>');
    }
  });

  it('eis render --format md: an unclosed fence and setext headings in an answer leave the findings outside code', () => {
    const repo = join(tree.dir, 'render');
    mkdirSync(join(repo, 'memos'), { recursive: true });
    git(tree.dir, 'init', '-q', repo);
    writeFileSync(join(repo, 'eis.config.yaml'), CONFIG);
    // A Markdown answer that opens a fence and never closes it, after a forged heading; then a
    // required answer left as a placeholder, whose finding must still show after it.
    const answer = '    Results\n    ===\n    All approved\n    ---\n    ```\n    swallowed';
    const statement = STATEMENT.replace(/^ {2}summary: >-\n(?: {4}.*\n)+/m, `  summary: |-\n${answer}\n`).replace(/^ {2}division: .*$/m, '  division: TBD');
    expect(statement).toContain('swallowed');
    writeFileSync(join(repo, 'memos', 's.eis.yaml'), statement);
    const run = eis(['render', '--format', 'md', 'memos/s.eis.yaml'], { cwd: repo });
    expect([0, 1]).toContain(run.code);
    for (const [name, render] of renderers) {
      const html = render(run.stdout);
      const why = `${name}\n${run.stdout}\n${html}`;
      expect(html, why).not.toMatch(/<h[1-3]>(Results|All approved)/);
      expect(html, why).toMatch(/<pre><code>swallowed\n<\/code><\/pre>/);
      // Everything after the answer is still the page: the sections' headings, and the findings.
      expect(html, why).toMatch(/<h2>Completeness<\/h2>/);
      expect(html.split('swallowed')[1], why).toMatch(/<h2>/);
    }
  });
});
