// Many statements in one run: every page as when the statement is rendered alone, the list of
// written files in the order the statements were named, and at the first error, only the files
// before it written. (Guards the batch path against reordering or running ahead, should it ever
// be shared out between threads or write asynchronously.)
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eis, tempTree } from '../helpers/cli.js';
import { generatedStatement } from '../property/support.js';

const COUNT = 320;
const tree = tempTree();
afterAll(() => tree.cleanup());
const names = Array.from({ length: COUNT }, (_, i) => `memos/m${String(COUNT - i).padStart(3, '0')}.eis.yaml`);
mkdirSync(join(tree.dir, 'memos'));
for (const [i, name] of names.entries()) writeFileSync(join(tree.dir, name), generatedStatement(i + 1));
const html = (name: string) => name.replace(/\.yaml$/, '.html');

describe('eis render with many statements', { timeout: 120_000 }, () => {
  it('writes each page as a run for that statement alone does, and lists them in the order given', () => {
    // Named in an order that is neither sorted nor the order of the files on disk.
    const order = [...names.filter((_, i) => i % 2), ...names.filter((_, i) => !(i % 2))];
    const run = eis(['render', '--format', 'html', '--out', 'site', ...order], { cwd: tree.dir, timeout: 60_000 });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(order.map((n) => `site/${html(n.replace('memos/', ''))}\n`).join(''));
    for (const name of [order[0], order[1], order[COUNT / 2], order[COUNT - 1]]) {
      const alone = eis(['render', '--format', 'html', name], { cwd: tree.dir });
      expect(alone.code).toBe(0);
      expect(readFileSync(join(tree.dir, 'site', html(name.replace('memos/', ''))), 'utf8'), name).toBe(alone.stdout);
    }
  });

  // Breaks statements 250 and 290 for good: the test after this one leaves them out.
  it('stops at the first broken statement: the ones before it are written and listed, none after', () => {
    const broken = names[250];
    const later = names[290];
    writeFileSync(join(tree.dir, broken), 'eis: 1\nquestionnaire: [oops\n');
    writeFileSync(join(tree.dir, later), 'eis: 1\nquestionnaire: nope@1\n');
    const run = eis(['render', '--format', 'html', '--out', 'broken', ...names], { cwd: tree.dir, timeout: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^eis: ${join(tree.dir, broken).replace(/[.\\]/g, '\\$&')}:3:1: the YAML cannot be read`));
    expect(run.stdout).toBe(
      names
        .slice(0, 250)
        .map((n) => `broken/${html(n.replace('memos/', ''))}\n`)
        .join(''),
    );
    expect(readdirSync(join(tree.dir, 'broken')).sort()).toEqual(
      names
        .slice(0, 250)
        .map((n) => html(n.replace('memos/', '')))
        .sort(),
    );
    expect(existsSync(join(tree.dir, 'broken', html(names[251].replace('memos/', ''))))).toBe(false);
  });

  it('with --strict, lists the written statements and reports the refused ones, each in the order given', () => {
    const refused = [names[20], names[200]];
    for (const name of refused) writeFileSync(join(tree.dir, name), generatedStatement(1).replace(/^ {2}title: .*$/m, '  title: [1, 2]'));
    // The generated statements carry no sign-offs: with approval waived, --strict refuses only the two broken ones.
    writeFileSync(join(tree.dir, 'eis.config.yaml'), 'approvals:\n  default: []\n');
    const given = [...refused, ...names.filter((n, i) => i !== 250 && i !== 290 && !refused.includes(n))];
    const run = eis(['render', '--format', 'md', '--strict', '--out', 'strict', ...given], { cwd: tree.dir, timeout: 60_000 });
    expect(run.code).toBe(1);
    const written = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^strict\//, 'memos/').replace(/\.md$/, '.yaml'));
    const notRendered = [...run.stderr.matchAll(/^eis: (.+) was not rendered: it has \d+ problems? \(--strict\)\.$/gm)].map((m) => m[1]);
    expect(notRendered.slice(0, 2)).toEqual(refused);
    // Every statement once, on one list or the other, and each list in the order given.
    expect([...written, ...notRendered].sort()).toEqual([...given].sort());
    expect(written).toEqual(given.filter((n) => written.includes(n)));
    expect(notRendered).toEqual(given.filter((n) => notRendered.includes(n)));
    expect(readdirSync(join(tree.dir, 'strict')).sort()).toEqual(written.map((n) => n.replace('memos/', '').replace(/\.yaml$/, '.md')).sort());
  });
});
