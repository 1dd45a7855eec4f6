// Templates in the repository that multiply: loops inside loops, partials that call partials twice,
// a partial that calls itself. Before the render budget (src/core/render/budget.ts) the first grew
// a page until JavaScript refused the string (26 s and 1.2 GB for the text example below, longer
// and a crash with more text), the others ran for hours. Each must stop with one line naming the
// template's file and line, exit 2, within seconds and a few hundred MB.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempTree } from '../helpers/cli.js';
import { canMeasureMemory, looksLikeACrash, runEis, timeSpent } from './run.js';

const tree = tempTree();
afterAll(() => tree.cleanup());

beforeAll(() => {
  mkdirSync(join(tree.dir, 'memos'));
  mkdirSync(join(tree.dir, 'templates', 'partials'), { recursive: true });
  execFileSync('git', ['init', '-q', tree.dir]);
  writeFileSync(join(tree.dir, 'memos', 's.eis.yaml'), readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml')));
  writeFileSync(join(tree.dir, 'eis.config.yaml'), 'questionnaire: equity-impact\ntemplates:\n  md: templates/page.md.hbs\n  html: templates/page.html.hbs\n  partials: templates/partials\n');
});

/** Eight loops over the statement's sections, one inside the other: 12^8 blocks. */
const nested = (body: string) => `# {{title}}\n\n${'{{#each @root.sections}}'.repeat(8)}${body}${'{{/each}}'.repeat(8)}\n`;
/** The column of the innermost loop on the nested line: where Handlebars says it starts. */
const innermost = '{{#each @root.sections}}'.length * 7 + 1;

const bombs: Array<{ name: string; main: string; partials?: Record<string, string>; error: RegExp }> = [
  {
    name: 'loops inside loops that print',
    main: nested('{{title}} and some more text '),
    error: new RegExp(`^eis: templates/page\\.(md|html)\\.hbs:3:${innermost}: the template makes a page of more than [\\d,]+ characters \\(stopped at \\{\\{#each\\}\\}\\)\\.`),
  },
  {
    name: 'loops inside loops that print nothing',
    main: nested('{{#if false}}never{{/if}}'),
    error: new RegExp(`^eis: templates/page\\.(md|html)\\.hbs:3:${innermost}: the template runs loops and partials more than [\\d,]+ times for one page`),
  },
  {
    name: 'a partial in the repository that calls another twice, 40 deep',
    main: '# {{title}}\n\n{{> p40}}\n',
    partials: Object.fromEntries([['p0', 'x'], ...Array.from({ length: 40 }, (_, i) => [`p${i + 1}`, `{{> p${i}}}{{> p${i}}}`])]),
    error: /^eis: templates\/partials\/p\d+\.(md|html)\.hbs:1:1: the template runs loops and partials more than [\d,]+ times for one page \(stopped at \{\{> p\d+\}\}\)\./,
  },
  {
    name: 'inline partials that call each other twice, 40 deep',
    main: `${Array.from({ length: 40 }, (_, i) => `{{#*inline "q${i + 1}"}}{{> q${i}}}{{> q${i}}}{{/inline}}\n`).join('')}{{#*inline "q0"}}x{{/inline}}\n{{> q40}}\n`,
    error: /^eis: templates\/page\.(md|html)\.hbs:\d+:\d+: the template runs loops and partials more than [\d,]+ times for one page \(stopped at \{\{> q\d+\}\}\)\./,
  },
  {
    name: 'a partial that includes itself',
    main: '# {{title}}\n\n{{> again}}\n',
    partials: { again: 'more {{> again}}' },
    error: /^eis: templates\/partials\/again\.(md|html)\.hbs:1:6: loops and partials nest more than 64 deep \(stopped at \{\{> again\}\}\)\./,
  },
];

describe.each(['md', 'html'] as const)('a template that multiplies (%s)', (format) => {
  it.each(bombs)('$name: stops with its file and line, exit 2, in seconds', { timeout: 60_000 }, async ({ main, partials = {}, error }) => {
    writeFileSync(join(tree.dir, 'templates', `page.${format}.hbs`), main);
    for (const [name, text] of Object.entries(partials)) writeFileSync(join(tree.dir, 'templates', 'partials', `${name}.${format}.hbs`), text);
    try {
      const run = await runEis(['render', '--format', format, 'memos/s.eis.yaml'], { cwd: tree.dir, timeoutMs: 30_000 });
      console.log(`${format} ${main.slice(0, 30).replace(/\n/g, ' ')}: ${timeSpent(run)} ms CPU, ${run.mb ?? '?'} MB`);
      expect(run.timedOut).toBe(false);
      expect(looksLikeACrash(run)).toBeUndefined();
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(error);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(timeSpent(run)).toBeLessThan(15_000);
      if (canMeasureMemory) expect(run.mb).toBeLessThan(400);
    } finally {
      for (const name of Object.keys(partials)) writeFileSync(join(tree.dir, 'templates', 'partials', `${name}.${format}.hbs`), '');
    }
  });

  it('renders a template that loops inside loops once per list, as before', async () => {
    writeFileSync(
      join(tree.dir, 'templates', `page.${format}.hbs`),
      '# {{title}}\n{{#each sections}}\n## {{title}}\n{{#each questions}}\n- {{label}}{{#each items}} [{{text}}]{{/each}}\n{{/each}}\n{{/each}}\n',
    );
    const run = await runEis(['render', '--format', format, 'memos/s.eis.yaml'], { cwd: tree.dir, timeoutMs: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Affected populations');
  });
});
