// No link committed in a repository carries a write out of it: every command that writes, given a
// path through a committed link to a folder outside, refuses with one line (exit 2) and writes
// nothing, there or in the repository. A pull request cannot make CI write elsewhere.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, eis, tempTree } from '../helpers/cli.js';
import { changes, fingerprint } from './run.js';

const tree = tempTree();
afterAll(() => tree.cleanup());

const STATEMENT = readFileSync(join(EXAMPLES, 'memos', 'online-application-portal.eis.yaml'), 'utf8');
const MEMO = readFileSync(join(EXAMPLES, 'memos', 'online-application-portal.md'), 'utf8');
const ANSWERS = 'proposal:\n  desired_results: Fewer missed payments, in every group.\n';

let count = 0;
/** A git repository whose commit holds `link`, a link to a folder outside it that holds a statement and a memo. */
function repoWithLink(link: string): { repo: string; outside: string } {
  const base = join(tree.dir, `case-${++count}`);
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(repo, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 's.eis.yaml'), STATEMENT);
  writeFileSync(join(outside, 'online-application-portal.md'), MEMO);
  cpSync(join(EXAMPLES, 'eis.config.yaml'), join(repo, 'eis.config.yaml'));
  writeFileSync(join(repo, 's.eis.yaml'), STATEMENT);
  writeFileSync(join(repo, 'answers.yaml'), ANSWERS);
  symlinkSync('../outside', join(repo, link));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['add', '-A'], { cwd: repo });
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'a link'], { cwd: repo });
  return { repo, outside };
}

const cases: Array<{ command: string; link: string; args: string[] }> = [
  { command: 'init', link: '.github', args: ['init'] },
  { command: 'init --eject', link: 'eis', args: ['init', '--eject'] },
  { command: 'render --out', link: 'site', args: ['render', 's.eis.yaml', '--out', 'site/s.md'] },
  { command: 'render --out (a folder)', link: 'site', args: ['render', 's.eis.yaml', '--out', 'site/pages/'] },
  { command: 'check --output', link: 'reports', args: ['check', '--format', 'json', '--output', 'reports/check.json', 's.eis.yaml'] },
  { command: 'answer', link: 'memos', args: ['answer', 'memos/s.eis.yaml', '--answers', 'answers.yaml'] },
  { command: 'signoff', link: 'memos', args: ['signoff', '--as', 'morgan.lee@example.gov', '--decision', 'changes-requested', 'memos/s.eis.yaml'] },
  { command: 'new', link: 'memos', args: ['new', 'memos/online-application-portal.md', '--answers', 'answers.yaml'] },
];

describe('a committed link to a folder outside the repository', () => {
  for (const c of cases) {
    it(`eis ${c.command} refuses to write through it, and writes nothing`, () => {
      const { repo, outside } = repoWithLink(c.link);
      if (c.command === 'init' || c.command === 'init --eject') execFileSync('git', ['rm', '-q', 'eis.config.yaml'], { cwd: repo });
      const before = { outside: fingerprint(outside), repo: fingerprint(repo) };
      const run = eis(c.args, { cwd: repo });
      expect(changes(before.outside, fingerprint(outside)), `${c.command}: ${run.stdout}${run.stderr}`).toEqual([]);
      expect(changes(before.repo, fingerprint(repo)), `${c.command}: ${run.stdout}${run.stderr}`).toEqual([]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^eis: ${c.link}/\\S*: the path leaves the repository: ${c.link} is a link to ${outside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, outside \\S+; eis wrote nothing there\\.`),
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('lets a link to a folder inside the repository, and an outside folder named directly, be written', () => {
    const { repo, outside } = repoWithLink('unused');
    mkdirSync(join(repo, 'public'));
    symlinkSync('public', join(repo, 'site'));
    expect(eis(['render', 's.eis.yaml', '--out', 'site/s.md'], { cwd: repo }).code).toBe(0);
    expect(existsSync(join(repo, 'public', 's.md'))).toBe(true);
    expect(eis(['render', 's.eis.yaml', '--out', join(outside, 'named.md')], { cwd: repo }).code).toBe(0);
    expect(existsSync(join(outside, 'named.md'))).toBe(true);
  });
});
