// The GitHub Action (action.yml) runs its steps in a real pull request's checkout, with eis
// installed from the package file, as a runner would run them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ACTION, runAction, type RunOptions } from '../helpers/action.js';
import { MANIFEST, npmEnv, pack, type Packed } from '../helpers/package.js';
import { edit, exampleRepo, git, PORTAL, REMINDERS } from '../review/git.js';

let packed: Packed;
let temp: string;
let repo: { dir: string; cleanup: () => void };
let mainSha: string;

beforeAll(() => {
  packed = pack();
  temp = mkdtempSync(join(tmpdir(), 'eis-action-'));
  // A stand-in for the GitHub CLI that records how it was called.
  mkdirSync(join(temp, 'fake-bin'));
  writeFileSync(join(temp, 'fake-bin', 'gh'), '#!/usr/bin/env bash\nprintf "%s\\n" "$*" "token=$GH_TOKEN repo=$GH_REPO" >> "$GH_LOG"\ncat "$5" >> "$GH_LOG"\n');
  chmodSync(join(temp, 'fake-bin', 'gh'), 0o755);
  // The pull request's checkout: main, and a branch that marks a population of an approved
  // statement as burdened, with no mitigation, and moves the status back.
  repo = exampleRepo();
  mainSha = git(repo.dir, 'rev-parse', 'HEAD').trim();
  git(repo.dir, 'update-ref', 'refs/remotes/origin/main', mainSha);
  git(repo.dir, 'checkout', '-qb', 'feature');
  edit(repo.dir, REMINDERS, ['  status: approved', '  status: in-review'], ['      direction: benefit\n', '      direction: burden\n']);
  git(repo.dir, 'commit', '-qam', 'A burden');
}, 120_000);

afterAll(() => {
  packed?.cleanup();
  repo?.cleanup();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** A job on a fresh runner: its own RUNNER_TEMP, and no eis on the PATH but the one the action installs. */
function job(name: string, options: Partial<RunOptions> & { path?: string[] }): ReturnType<typeof runAction> & { ghLog: string } {
  const runnerTemp = join(temp, name);
  mkdirSync(runnerTemp);
  const path = [...(options.path ?? []), join(temp, 'fake-bin'), ...(process.env.PATH ?? '').split(delimiter).filter((p) => !p.includes('node_modules'))].join(delimiter);
  const ghLog = join(runnerTemp, 'gh.log');
  const env = npmEnv({ PATH: path, GH_LOG: ghLog, NO_COLOR: '1', ...options.env });
  delete env.FORCE_COLOR;
  const result = runAction({ workspace: repo.dir, runnerTemp, inputs: options.inputs, github: options.github, env });
  return { ...result, ghLog: existsSync(ghLog) ? readFileSync(ghLog, 'utf8') : '' };
}

describe('action.yml', () => {
  it('passes every input to its scripts through the environment, in bash with errexit, nounset and pipefail', () => {
    expect(ACTION.runs.using).toBe('composite');
    for (const step of ACTION.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).toMatch(/^set -euo pipefail\n/);
      expect(step.run).not.toContain('${{');
    }
    for (const name of ['base', 'paths', 'format', 'sarif', 'comment', 'github-token', 'verify-signoffs', 'version', 'package']) expect(ACTION.inputs[name]?.description).toBeTruthy();
  });

  it('in a pull request: annotates what the branch changed, fails the job, and comments the diff', () => {
    const r = job('pull-request', {
      inputs: { package: packed.tarball, 'github-token': 'a-token' },
      github: { base_ref: 'main', repository: 'agency/policy', event: { pull_request: { number: 7, base: { sha: mainSha } } } },
    });
    expect(r.steps.map((s) => [s.id ?? s.name, s.outcome])).toEqual([
      ['install', 'success'],
      ['check', 'failure'],
      ['diff', 'success'],
      ['Comment on the pull request', 'success'],
    ]);
    expect(r.failed).toBe(true);
    expect(r.step.install!.stdout.trimEnd().split('\n').at(-1)).toBe(`eis ${MANIFEST.version} (${packed.tarball})`);
    expect(r.outputs.base).toBe(mainSha);

    const check = r.step.check!;
    expect(check.code).toBe(1);
    const annotations = check.stdout.split('\n').filter(Boolean);
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice) file=memos\/text-payment-reminders\.eis\.yaml,line=\d+,col=\d+,title=eis check%3A /);
    expect(check.stdout).toMatch(/^::error file=memos\/text-payment-reminders\.eis\.yaml,line=\d+,col=7,title=eis check%3A rule\/burden-addressed::"Parents in rural counties" is marked "Burden"/m);
    // verify-signoffs is on by default: the example's sign-offs were committed by this test's setup, not by the reviewers.
    expect(check.stdout).toMatch(/^::error file=memos\/text-payment-reminders\.eis\.yaml,line=\d+,col=1,title=eis check%3A signoff\/unverified::The sign-off by Morgan Lee was last written by /m);
    // --since the base: the draft statement the branch did not touch is not checked.
    expect(check.stdout).not.toContain(PORTAL);

    expect(r.outputs.changed).toBe('true');
    expect(r.summary).toMatch(/^<!-- eis diff -->\n## Equity impact statements\n/);
    expect(r.summary).toContain('Effect: Benefit → Burden');
    const body = r.step.diff!.outputs.body!;
    expect(r.ghLog).toBe(`pr comment 7 --body-file ${body} --edit-last\ntoken=a-token repo=agency/policy\n${readFileSync(body, 'utf8')}`);
  }, 240_000);

  it('outside a pull request event: compares with origin/ and the base branch, writes SARIF, and with no token only the summary', () => {
    git(repo.dir, 'checkout', '-qb', 'harmless', mainSha);
    // A note of the author's own (an x- key): not an answer, so the approvals still cover the statement.
    edit(repo.dir, REMINDERS, ['eis: 1\n', 'eis: 1\nx-note: Text-message reminders of payments\n']);
    git(repo.dir, 'commit', '-qam', 'A note');
    try {
      const r = job('base-ref', {
        // The example's sign-offs were committed by this test's setup, so they cannot be verified here.
        inputs: { package: packed.tarball, 'verify-signoffs': 'false', format: 'github, text', sarif: 'eis.sarif', paths: 'memos' },
        github: { base_ref: 'main' },
      });
      expect(r.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success', 'success']);
      expect(r.outputs.base).toBe('origin/main');
      expect(r.step.check!.stdout).toContain('memos/text-payment-reminders.eis.yaml  equity-impact@1, approved, level full');
      expect(r.step.check!.stdout).not.toContain(PORTAL);
      const sarif = JSON.parse(readFileSync(join(repo.dir, 'eis.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].tool.driver.name).toBe('eis');
      expect(r.summary).toMatch(/^<!-- eis diff -->\n/);
      expect(r.ghLog).toBe('');
    } finally {
      rmSync(join(repo.dir, 'eis.sarif'), { force: true });
      git(repo.dir, 'checkout', '-q', 'feature');
    }
  }, 240_000);

  it('installs only an exact version, and stops before the check when it cannot', () => {
    const r = job('range', { inputs: { version: '^0.1.0' }, github: { base_ref: 'main' } });
    expect(r.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped', 'skipped', 'skipped']);
    expect(r.step.install!.code).toBe(2);
    expect(r.step.install!.stdout).toContain('::error title=eis action::version must be an exact version such as 0.1.0, not "^0.1.0"');
  });

  it("by default installs its own package.json's name and version, and checks that version is what it got", () => {
    // A stand-in for npm that records its arguments and installs an eis of another version.
    const fake = join(temp, 'fake-npm');
    mkdirSync(fake);
    const script = [
      '#!/usr/bin/env bash',
      'printf "%s\\n" "$*" > "$NPM_LOG"',
      'while [ "$1" != --prefix ]; do shift; done',
      'mkdir -p "$2/bin"',
      'printf \'#!/bin/sh\\necho 9.9.9\\n\' > "$2/bin/eis"',
      'chmod +x "$2/bin/eis"',
      '',
    ];
    writeFileSync(join(fake, 'npm'), script.join('\n'));
    chmodSync(join(fake, 'npm'), 0o755);
    const log = join(temp, 'npm.log');
    const r = job('default-version', { inputs: {}, github: {}, path: [fake], env: { NPM_LOG: log } });
    expect(readFileSync(log, 'utf8')).toBe(
      `install --global --prefix ${join(temp, 'default-version', 'eis-action')} --ignore-scripts --no-audit --no-fund --loglevel error -- ${MANIFEST.name}@${MANIFEST.version}\n`,
    );
    expect(r.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped', 'skipped', 'skipped']);
    expect(r.step.install!.stdout).toBe(`::error title=eis action::installed eis 9.9.9, but ${MANIFEST.version} was asked for.\n`);
  });
});
