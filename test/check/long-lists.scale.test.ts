// A statement with 30,000 populations and 30,000 mitigation actions that name them, through the
// built binary. Each action's references were once resolved by reading the whole population list
// again, and each population's `referencedBy` rule by reading every action: 10,000 of each took
// 23 s to check and 30,000 did not finish in minutes (render and status too). Now each list is
// read once per statement. eis diff is held to the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, eis, tempTree, withoutOlderNote } from '../helpers/cli.js';

const N = 30_000;
const tree = tempTree();
afterAll(() => tree.cleanup());

beforeAll(() => {
  const example = readFileSync(join(EXAMPLES, 'memos/online-application-portal.eis.yaml'), 'utf8');
  const groups: string[] = [];
  const actions: string[] = [];
  for (let i = 0; i < N; i++) {
    groups.push(`    - id: g${i}\n      population: custom\n      name: Group ${i}\n      effect: direct\n      direction: burden\n      why: Reason ${i}.\n`);
    // Every 1,000th action names a population that does not exist instead of its own: a reference
    // finding each, and a population no action addresses.
    const refs = i % 1000 === 999 ? `missing-${i}` : `g${i}, g${(i * 7) % 998}`;
    actions.push(`    - id: a${i}\n      what: Action ${i}\n      populations: [${refs}]\n      owner: Customer Services Division\n      due: 2026-09-30\n      status: planned\n`);
  }
  const text = example
    .replace(/populations:\n {2}groups:\n(?: {4}.*\n)*/, `populations:\n  groups:\n${groups.join('')}`)
    .replace(/mitigation:\n {2}actions:\n(?: {4}.*\n)*/, `mitigation:\n  actions:\n${actions.join('')}`);
  expect(text).toContain(`id: g${N - 1}\n`);
  expect(text).toContain(`id: a${N - 1}\n`);
  mkdirSync(join(tree.dir, 'memos'));
  copyFileSync(join(EXAMPLES, 'eis.config.yaml'), join(tree.dir, 'eis.config.yaml'));
  writeFileSync(join(tree.dir, 'memos/big.eis.yaml'), text);
  writeFileSync(join(tree.dir, 'memos/big.md'), '# A memo\n');
  // The same with every population's direction changed, for eis diff.
  writeFileSync(join(tree.dir, 'memos/big-after.eis.yaml'), text.replaceAll('direction: burden', 'direction: benefit'));
});

// The quadratic code took over 400 s to check or list the status (killed there) and 180 s to
// render; the fixed code takes about 7 s, 4 s and 19 s on an idle machine, 20 s at most on a busy
// one. The limits leave room for a busy machine, and none for the old code.
const run = (args: string[]) => eis(args, { cwd: tree.dir, timeout: 120_000 });

describe('30,000 populations and 30,000 actions', () => {
  it('eis check finishes in seconds, with every reference finding and a short hint', { timeout: 150_000 }, () => {
    const started = Date.now();
    const result = run(['check', '--no-cache', '--format', 'json', 'memos/big.eis.yaml']);
    console.log(`check: ${Date.now() - started} ms`);
    expect(withoutOlderNote(result.stderr)).toBe('');
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { statements: Array<{ findings: Array<{ code: string; message: string; hint?: string; line: number }> }> }).statements[0]!.findings;
    const unknown = findings.filter((f) => f.code === 'reference/unknown');
    expect(unknown).toHaveLength(N / 1000);
    expect(unknown[0]!.hint).toBe(`Known ids: ${Array.from({ length: 20 }, (_, i) => `g${i}`).join(', ')} and ${N - 20} more.`);
    const unaddressed = findings.filter((f) => f.code === 'rule/burden-addressed');
    expect(unaddressed.map((f) => f.message)).toEqual(Array.from({ length: N / 1000 }, (_, k) => expect.stringContaining(`"Group ${k * 1000 + 999}"`)));
    expect(findings.filter((f) => f.code === 'rule/burden-evidence')).toHaveLength(N);
  });

  it('eis render (Markdown) finishes in seconds', { timeout: 150_000 }, () => {
    const started = Date.now();
    const result = run(['render', 'memos/big.eis.yaml']);
    console.log(`render: ${Date.now() - started} ms`);
    expect(withoutOlderNote(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Group ${N - 1}`);
    expect(result.stdout).toContain(`Action ${N - 1}`);
  });

  it('eis diff finishes in seconds, naming each action’s populations', { timeout: 150_000 }, () => {
    // Showing each reference by its entry's name read the whole list each time: 37 s for 10,000.
    const started = Date.now();
    const result = run(['diff', '--format', 'json', 'memos/big.eis.yaml', 'memos/big-after.eis.yaml']);
    console.log(`diff: ${Date.now() - started} ms`);
    expect(withoutOlderNote(result.stderr)).toBe('');
    expect(result.stdout).toContain(`Group ${N - 1}`);
  });

  it('eis status finishes in seconds', { timeout: 150_000 }, () => {
    const started = Date.now();
    const result = run(['status', '--format', 'json']);
    console.log(`status: ${Date.now() - started} ms`);
    expect(withoutOlderNote(result.stderr)).toBe('');
    expect(result.stdout).toContain('memos/big.eis.yaml');
  });
});
