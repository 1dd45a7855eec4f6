// Statements inside submodules, attacked as a pull request's author would: bump a submodule to a
// commit that holds a broken statement, and see whether `eis check --since main` and
// `eis diff --git main` still see it. eis follows a changed submodule into its own history, as
// `git diff --submodule=diff` does, and refuses to guess when the submodule is not checked out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eis, tempTree } from '../helpers/cli.js';
import { edit, exampleRepo, git, REMINDERS } from './git.js';

let repo: { dir: string; cleanup: () => void };
let library: { dir: string; cleanup: () => void };
const SUB = 'vendor/library';
const BROKEN = 'eis: 1\nquestionnaire: equity-impact@1\nproposal:\n  title: Broken on purpose\n';

/** git with local file transport allowed: submodules here are plain folders. */
const subgit = (dir: string, ...args: string[]) => git(dir, '-c', 'protocol.file.allow=always', ...args);

beforeEach(() => {
  library = tempTree({ 'README.md': '# A shared library of statements\n' });
  git(library.dir, 'init', '-q');
  git(library.dir, 'add', '-A');
  git(library.dir, 'commit', '-qm', 'start');
  repo = exampleRepo();
  subgit(repo.dir, 'submodule', 'add', '-q', library.dir, SUB);
  git(repo.dir, 'commit', '-qm', 'add the library');
  git(repo.dir, 'checkout', '-qb', 'feature');
});
afterEach(() => {
  repo.cleanup();
  library.cleanup();
});

/** Commits a broken statement inside the checked-out submodule and bumps the parent to it. */
function bumpWithBrokenStatement(): string {
  const sub = join(repo.dir, SUB);
  writeFileSync(join(sub, 'broken.eis.yaml'), BROKEN);
  git(sub, 'add', '-A');
  git(sub, 'commit', '-qm', 'a statement');
  git(repo.dir, 'add', SUB);
  git(repo.dir, 'commit', '-qm', 'bump the library');
  return `${SUB}/broken.eis.yaml`;
}

describe('check --since follows submodules', () => {
  it('a bumped submodule with a broken statement fails the gate, as a full check does', () => {
    const statement = bumpWithBrokenStatement();
    const full = eis(['check', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(full.stdout).statements.map((s: { file: string }) => s.file)).toContain(statement);
    const r = eis(['check', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual([statement]);
  });

  it('ignore = all in .gitmodules does not hide the bump', () => {
    const statement = bumpWithBrokenStatement();
    writeFileSync(join(repo.dir, '.gitmodules'), `${readFileSync(join(repo.dir, '.gitmodules'), 'utf8')}\tignore = all\n`);
    git(repo.dir, 'commit', '-qam', 'quiet the library');
    const r = eis(['check', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual([statement]);
  });

  it('an uncommitted edit inside a submodule counts as a change', () => {
    const sub = join(repo.dir, SUB);
    writeFileSync(join(sub, 'draft.eis.yaml'), BROKEN);
    const r = eis(['check', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual([`${SUB}/draft.eis.yaml`]);
  });

  it('a submodule added on the branch is checked whole', () => {
    const other = tempTree({ 'broken.eis.yaml': BROKEN });
    try {
      git(other.dir, 'init', '-q');
      git(other.dir, 'add', '-A');
      git(other.dir, 'commit', '-qm', 'start');
      subgit(repo.dir, 'submodule', 'add', '-q', other.dir, 'vendor/other');
      git(repo.dir, 'commit', '-qm', 'add another library');
      const r = eis(['check', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual(['vendor/other/broken.eis.yaml']);
    } finally {
      other.cleanup();
    }
  });

  it('a changed submodule that is not checked out is refused with exit 2, not passed', () => {
    bumpWithBrokenStatement();
    git(repo.dir, 'submodule', 'deinit', '-q', '--force', SUB);
    const r = eis(['check', '--since', 'main'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the submodule "${SUB}" changed since main, but it is not checked out here`);
    expect(r.stderr).toContain('git submodule update --init --recursive');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unchanged submodule costs nothing and is not required', () => {
    git(repo.dir, 'submodule', 'deinit', '-q', '--force', SUB);
    edit(repo.dir, REMINDERS, ['  status: approved', '  status: draft']);
    const r = eis(['check', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual([REMINDERS]);
  });
});

describe('diff --git follows submodules', () => {
  it('a statement changed inside a bumped submodule is compared answer by answer', () => {
    const sub = join(repo.dir, SUB);
    writeFileSync(join(sub, 'shared.eis.yaml'), readFileSync(join(repo.dir, REMINDERS), 'utf8'));
    git(sub, 'add', '-A');
    git(sub, 'commit', '-qm', 'a statement');
    git(repo.dir, 'add', SUB);
    git(repo.dir, 'commit', '-qm', 'bump');
    git(repo.dir, 'checkout', '-q', 'main');
    git(repo.dir, 'merge', '-q', 'feature');
    git(repo.dir, 'checkout', '-q', 'feature');
    edit(repo.dir, `${SUB}/shared.eis.yaml`, ['  title: ', '  title: Renamed ']);
    git(sub, 'commit', '-qam', 'retitle');
    git(repo.dir, 'add', SUB);
    git(repo.dir, 'commit', '-qm', 'bump again');
    for (const spec of ['main', 'main..feature']) {
      const r = eis(['diff', '--git', spec, '--format', 'json'], { cwd: repo.dir });
      expect(r.code, r.stderr).toBe(0);
      const files = JSON.parse(r.stdout);
      expect(JSON.stringify(files)).toContain(`${SUB}/shared.eis.yaml`);
      expect(JSON.stringify(files)).toContain('Renamed ');
    }
  });
});
