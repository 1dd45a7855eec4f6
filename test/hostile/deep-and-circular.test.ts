// Data that never ends or nests past what eis can walk, through every command that reads
// statements. An alias inside its own anchor (`x-note: &x {b: *x}`) reads as data that contains
// itself: `eis diff` and `eis render` failed on it as "a bug in eis". 3,000 nested mappings, or
// 3,000 nested lists inside an answer, overflowed the stack in every command; 3,000 nested lists
// elsewhere gave "maximum call stack size exceeded" at a place that changed from run to run. Each
// must be one line with the place in the file (a finding in check, lint and status), exit 2.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempTree } from '../helpers/cli.js';
import { looksLikeACrash, runEis, timeSpent } from './run.js';

const GOOD = readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml'), 'utf8');
/** The line after the example statement's last. */
const NEXT = GOOD.trimEnd().split('\n').length + 1;
const N = 3000;

const nestedMappings = `x-deep:\n${Array.from({ length: N }, (_, i) => `${'  '.repeat(i + 1)}a:\n`).join('')}${'  '.repeat(N + 1)}b\n`;
const indentedLists = `x-deep:\n${Array.from({ length: N }, (_, i) => `${'  '.repeat(i + 1)}-\n`).join('')}${'  '.repeat(N + 1)}b\n`;

const inputs = [
  { id: 'an alias inside its own anchor', text: `${GOOD}x-note: &x {b: *x}\n`, error: /this alias stands for a value that contains the alias itself/, line: NEXT },
  { id: '3,000 nested lists on one line', text: `${GOOD}x-deep:\n  ${'- '.repeat(N)}b\n`, error: /the YAML nests more than 100 levels/, line: NEXT + 1 },
  { id: '3,000 nested lists, one a line', text: `${GOOD}${indentedLists}`, error: /the YAML nests more than 100 levels/, line: NEXT + 99 },
  { id: '3,000 nested mappings', text: `${GOOD}${nestedMappings}`, error: /the YAML nests more than 100 levels/, line: NEXT + 100 },
  { id: '3,000 nested lists in an answer', text: GOOD.replace('  title: Online application portal', `  title:\n    ${'- '.repeat(N)}b`), error: /the YAML nests more than 100 levels/, line: 7 },
  { id: '3,000 nested flow lists', text: `${GOOD}x-deep: ${'['.repeat(N)}${']'.repeat(N)}\n`, error: /the YAML nests more than 100 levels/, line: NEXT },
];

const commands: Array<{ name: string; args: string[]; finding?: boolean }> = [
  { name: 'check', args: ['check', 'memos/s.eis.yaml'], finding: true },
  { name: 'check --format json', args: ['check', '--format', 'json', 'memos/s.eis.yaml'], finding: true },
  { name: 'render', args: ['render', 'memos/s.eis.yaml'] },
  { name: 'render --format html', args: ['render', '--format', 'html', 'memos/s.eis.yaml'] },
  { name: 'diff', args: ['diff', 'memos/good.eis.yaml', 'memos/s.eis.yaml'] },
  { name: 'status', args: ['status', 'memos/s.eis.yaml'], finding: true },
  { name: 'lint', args: ['lint', 'memos/s.eis.yaml'], finding: true },
  { name: 'answer --answers', args: ['answer', '--answers', 'answers.yaml', 'memos/s.eis.yaml'] },
  { name: 'signoff', args: ['signoff', '--as', 'morgan.lee@example.gov', '--decision', 'approve', 'memos/s.eis.yaml'] },
];

const tree = tempTree();
afterAll(() => tree.cleanup());
beforeAll(() => {
  mkdirSync(join(tree.dir, 'memos'));
  execFileSync('git', ['init', '-q', tree.dir]);
  writeFileSync(join(tree.dir, 'eis.config.yaml'), readFileSync(join(ROOT, 'examples', 'eis.config.yaml')));
  writeFileSync(join(tree.dir, 'memos', 'good.eis.yaml'), GOOD);
  writeFileSync(join(tree.dir, 'answers.yaml'), 'initiative:\n  division: Customer Services Division\n');
});

describe.each(inputs)('$id', ({ text, error, line }) => {
  beforeAll(() => writeFileSync(join(tree.dir, 'memos', 's.eis.yaml'), text));

  it.each(commands)('eis $name: one line at the place, exit 2', { timeout: 60_000 }, async ({ args, finding }) => {
    const run = await runEis(args, { cwd: tree.dir, timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(looksLikeACrash(run)).toBeUndefined();
    expect(run.code).toBe(2);
    expect(timeSpent(run)).toBeLessThan(10_000);
    if (finding) {
      expect(`${run.stdout}${run.stderr}`).toMatch(new RegExp(error.source, 'i'));
      if (!args.includes('status')) expect(run.stdout).toMatch(args.includes('json') ? new RegExp(`"line": ?${line},`) : new RegExp(`^ +${line}:\\d+ +error +${error.source}`, 'im'));
    } else {
      expect(run.stderr).toMatch(new RegExp(`^eis: \\S*memos/s\\.eis\\.yaml:${line}:\\d+: ${error.source}`));
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    // Nothing was written.
    expect(readFileSync(join(tree.dir, 'memos', 's.eis.yaml'), 'utf8')).toBe(text);
  });
});

describe('data just inside the limit', () => {
  it('reads 90 nested lists in an x- key as data', async () => {
    writeFileSync(join(tree.dir, 'memos', 's.eis.yaml'), `${GOOD}x-deep:\n  ${'- '.repeat(88)}b\n`);
    const run = await runEis(['check', '--format', 'json', 'memos/s.eis.yaml'], { cwd: tree.dir, timeoutMs: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/file\/yaml/);
  });
});
