// `eis check --since BASE` is a filter on work, never on truth: over random branches (memo edits,
// renames, deletions and additions, statement edits, config edits) it reports exactly what a full
// check (with the same policy) reports for what the branch affects. What the branch affects is
// worked out here on its own, from `git diff --name-status` and the naming rule, not by eis's code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { check } from '../../src/cli/check/run.js';
import { plainColors } from '../../src/core/reporters/types.js';
import type { Context } from '../../src/edge/context.js';
import { exampleRepo, git, REMINDERS } from '../review/git.js';
import { RUNS } from './support.js';

type Op =
  | { kind: 'edit-memo'; which: number }
  | { kind: 'rename-memo'; which: number }
  | { kind: 'delete-memo'; which: number }
  | { kind: 'add-memo' }
  | { kind: 'edit-statement'; which: number }
  | { kind: 'edit-config' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit-memo' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('rename-memo' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete-memo' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('add-memo' as const) }),
  fc.record({ kind: fc.constant('edit-statement' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('edit-config' as const) }),
);

async function run(
  cwd: string,
  options: { since?: string; policyFrom?: string },
): Promise<{ code: number; report: { statements: Array<{ file: string; findings: unknown[] }>; findings: Array<{ file: string; code: string }> } }> {
  let out = '';
  const ctx: Context = {
    cwd,
    env: {},
    stdout: (t) => void (out += t),
    stderr: () => {},
    color: plainColors,
    stderrColor: plainColors,
    interactive: false,
    debug: false,
    today: '2026-11-23',
    version: 'test',
  };
  const code = await check(ctx, [], { format: 'json', cache: false, ...options });
  return { code, report: JSON.parse(out) };
}

const memos = (dir: string) =>
  git(dir, 'ls-files', 'memos')
    .split('\n')
    .filter((f) => f.endsWith('.md'));
const statements = (dir: string) =>
  git(dir, 'ls-files', '--others', '--cached', 'memos')
    .split('\n')
    .filter((f) => f.endsWith('.eis.yaml'));

function apply(dir: string, o: Op, step: number): void {
  const list = memos(dir);
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
  switch (o.kind) {
    case 'edit-memo':
      if (list.length) appendFileSync(join(dir, pick(list, o.which)), `\nEdit ${step}.\n`);
      break;
    case 'rename-memo':
      if (list.length) {
        const from = pick(list, o.which);
        git(dir, 'mv', from, join(dirname(from), `moved-${step}-${basename(from)}`));
      }
      break;
    case 'delete-memo':
      if (list.length) git(dir, 'rm', '-q', pick(list, o.which));
      break;
    case 'add-memo':
      writeFileSync(join(dir, `memos/new-${step}.md`), `# New memo ${step}\n`);
      break;
    case 'edit-statement': {
      const s = statements(dir);
      const file = join(dir, pick(s, o.which));
      if (s.length && existsSync(file)) writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}title: (.*)$/m, `  title: $1 (${step})`));
      break;
    }
    case 'edit-config': {
      const config = join(dir, 'eis.config.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace('rules:\n', `rules:\n  x-${step}: off\n`));
      break;
    }
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', `step ${step}`, '--allow-empty');
}

/** The statements a branch affects, from git's list of changed paths and the `{name}.eis.yaml` naming. */
function affected(dir: string): { all: boolean; files: Set<string> } {
  const changed = git(dir, 'diff', '--name-only', '--no-renames', 'main', 'HEAD').split('\n').filter(Boolean);
  if (changed.includes('eis.config.yaml')) return { all: true, files: new Set() };
  const files = new Set<string>();
  for (const f of changed) {
    if (f.endsWith('.eis.yaml')) files.add(f);
    else if (f.endsWith('.md')) files.add(f.replace(/\.md$/, '.eis.yaml'));
  }
  return { all: false, files };
}

describe('--since is a filter on work, never on truth', () => {
  it('reports for each affected statement what a full check reports, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
        const repo = exampleRepo();
        try {
          // A second approved initiative, so that memo operations have more than one to pick.
          copyFileSync(join(repo.dir, 'memos/text-payment-reminders.md'), join(repo.dir, 'memos/second.md'));
          copyFileSync(join(repo.dir, REMINDERS), join(repo.dir, 'memos/second.eis.yaml'));
          git(repo.dir, 'add', '-A');
          git(repo.dir, 'commit', '-qm', 'second');
          git(repo.dir, 'checkout', '-qb', 'feature');
          for (const [i, o] of ops.entries()) apply(repo.dir, o, i);

          const since = await run(repo.dir, { since: 'main' });
          const full = await run(repo.dir, { policyFrom: 'main' });
          const { all, files } = affected(repo.dir);
          const byFile = (r: typeof full) => new Map(r.report.statements.map((s) => [s.file, s]));
          const f = byFile(full);
          const s = byFile(since);
          const expected = [...f.keys()].filter((file) => all || files.has(file)).sort();
          expect([...s.keys()].sort()).toEqual(expected);
          for (const file of expected) expect(s.get(file)).toEqual(f.get(file));
          // Coverage (an initiative without a statement) is reported for every memo the branch touched.
          const missing = (r: typeof full) =>
            r.report.findings
              .filter((x) => x.code === 'coverage/missing')
              .map((x) => x.file)
              .sort();
          expect(missing(since)).toEqual(missing(full).filter((m) => all || files.has(m.replace(/\.md$/, '.eis.yaml'))));
          // The gate fails whenever the full check fails on something the branch affects.
          if (expected.some((file) => (f.get(file)!.findings as Array<{ severity: string }>).some((x) => x.severity === 'error'))) expect(since.code).not.toBe(0);
        } finally {
          repo.cleanup();
        }
      }),
      { numRuns: Math.max(8, Math.floor(RUNS / 6)) },
    );
  }, 300_000);
});
