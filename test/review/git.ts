// Real git repositories in temporary folders, for the review commands' end-to-end tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExamples, tempTree } from '../helpers/cli.js';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A copy of examples/ committed on main. */
export function exampleRepo(): { dir: string; cleanup: () => void } {
  const tree = copyExamples();
  git(tree.dir, 'init', '-q');
  git(tree.dir, 'add', '-A');
  git(tree.dir, 'commit', '-qm', 'examples');
  return tree;
}

export function emptyRepo(files: Record<string, string> = {}): { dir: string; cleanup: () => void } {
  const tree = tempTree(files);
  git(tree.dir, 'init', '-q');
  if (Object.keys(files).length) {
    git(tree.dir, 'add', '-A');
    git(tree.dir, 'commit', '-qm', 'start');
  }
  return tree;
}

/** Edits a file with plain string replacements; each must match. */
export function edit(dir: string, file: string, ...pairs: Array<[string, string]>): void {
  let text = readFileSync(join(dir, file), 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, file), text);
}

export const REMINDERS = 'memos/text-payment-reminders.eis.yaml';
export const PORTAL = 'memos/online-application-portal.eis.yaml';
