// eis signoff, stale statements in eis check, and eis status (every format, and --since), on a
// copy of the example repository in git.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eis } from '../helpers/cli.js';
import { edit, exampleRepo, git, PORTAL, REMINDERS } from './git.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = exampleRepo();
});
afterEach(() => repo.cleanup());

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const MEMO = 'memos/text-payment-reminders.md';

/** No global or system git config: git knows nobody (the repository's own config sets no user). */
const NO_GIT_IDENTITY = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', EMAIL: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_EMAIL: undefined };
const MORGAN = ['--as', 'morgan.lee@example.gov'];
const SAM = ['--as', 'sam.ortiz@example.gov'];
const status = (file: string) => /\n {2}status: (\S+)/.exec(readFileSync(join(repo.dir, file), 'utf8'))?.[1];

describe('eis signoff', () => {
  it('appends the reviewer named in the config, with the hashes of the memo and the answers, keeping the rest of the file', () => {
    edit(repo.dir, REMINDERS, ['  status: approved', '  status: in-review']);
    const before = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    const r = eis(['signoff', REMINDERS, ...SAM, '--decision', 'approve', '--comment', 'Spanish texts checked.'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const hash = sha256(join(repo.dir, MEMO));
    expect(r.stdout).toBe(`${REMINDERS}: Approve by Sam Ortiz (language-access) on 2026-11-23; status approved\n`);
    expect(r.stderr).toBe(`eis: the approval covers ${MEMO} and the answers; a later change to any of them makes it stale.\n`);
    const after = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    const tail = after.split('\n').slice(-10);
    expect(tail.slice(0, 8)).toEqual([
      '    - id: sam-ortiz-2',
      '      name: Sam Ortiz',
      '      email: sam.ortiz@example.gov',
      '      role: language-access',
      '      decision: approve',
      '      date: 2026-11-23',
      '      comments: Spanish texts checked.',
      `      memo_hash: sha256:${hash}`,
    ]);
    expect(tail[8]).toMatch(/^ {6}answers_hash: sha256:[0-9a-f]{64}$/);
    // Comments survive the rewrite.
    expect(after.split('\n').slice(0, 2)).toEqual(before.split('\n').slice(0, 2));
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
  });

  it('sets the status from the sign-offs: approved only once every role the level needs has approved (finding 1)', () => {
    edit(repo.dir, REMINDERS, ['  status: approved', '  status: draft']);
    // Take out the recorded approvals: the statement starts unapproved.
    const text = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    writeFileSync(join(repo.dir, REMINDERS), `${text.slice(0, text.indexOf('signoff:'))}signoff:\n  reviewers: []\n`);
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).stdout).toContain('The statement is not approved: it needs an approval from "equity-office" and "language-access".');
    const first = eis(['signoff', REMINDERS, ...MORGAN, '--decision', 'approve'], { cwd: repo.dir });
    expect(first.stderr).toContain('eis: not approved yet: it still needs an approval from language-access.');
    expect(status(REMINDERS)).toBe('in-review');
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(1);
    eis(['signoff', REMINDERS, ...SAM, '--decision', 'approve'], { cwd: repo.dir });
    expect(status(REMINDERS)).toBe('approved');
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
    const json = JSON.parse(eis(['status', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.summary.approved).toBe(1);
  });

  it('a statement with no sign-off section yet: the first approval stays valid when the second is added', () => {
    edit(repo.dir, REMINDERS, ['  status: approved', '  status: draft']);
    // As eis new --answers writes a statement: no sign-off section at all.
    const text = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    writeFileSync(join(repo.dir, REMINDERS), text.slice(0, text.indexOf('signoff:')));
    eis(['signoff', REMINDERS, ...MORGAN, '--decision', 'approve'], { cwd: repo.dir });
    const second = eis(['signoff', REMINDERS, ...SAM, '--decision', 'approve'], { cwd: repo.dir });
    expect(second.code, second.stderr).toBe(0);
    expect(status(REMINDERS)).toBe('approved');
    const check = eis(['check', REMINDERS], { cwd: repo.dir });
    expect(check.stdout).not.toContain('stale');
    expect(check.code).toBe(0);
  });

  it('refuses to approve a statement with errors, printing them, and records nothing (finding 2)', () => {
    const before = readFileSync(join(repo.dir, PORTAL), 'utf8');
    const r = eis(['signoff', PORTAL, ...MORGAN, '--decision', 'approve'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('holds the placeholder "TBD"');
    expect(r.stdout).not.toContain('approval/required');
    expect(r.stderr).toMatch(/^eis: memos\/online-application-portal\.eis\.yaml has \d+ errors; an approval covers a complete statement only\. Nothing was recorded\.\n$/);
    expect(readFileSync(join(repo.dir, PORTAL), 'utf8')).toBe(before);
  });

  it('a later changes-requested withdraws the approval and sets the status (finding 3)', () => {
    const r = eis(['signoff', REMINDERS, ...SAM, '--decision', 'changes-requested', '--comment', 'Add the Vietnamese plan.'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('stale');
    expect(status(REMINDERS)).toBe('changes-requested');
    const check = eis(['check', REMINDERS], { cwd: repo.dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/Sam Ortiz requested changes on 2026-11-23; the statement is not approved until they approve it\. +approval\/changes-requested/);
    expect(JSON.parse(eis(['status', '--format', 'json'], { cwd: repo.dir }).stdout).summary).toMatchObject({ approved: 0, changesRequested: 1 });
    eis(['signoff', REMINDERS, ...SAM, '--decision', 'approve'], { cwd: repo.dir });
    expect(status(REMINDERS)).toBe('approved');
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
  });

  it('makes the approvals stale when the memo changes afterwards, naming the memo', () => {
    appendFileSync(join(repo.dir, MEMO), '\nA late change to the memo.\n');
    const r = eis(['check', REMINDERS], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const line = readFileSync(join(repo.dir, REMINDERS), 'utf8').split('\n').indexOf('    - id: morgan-lee') + 1;
    expect(r.stdout).toContain(`  ${line}:7 `);
    expect(r.stdout).toMatch(/error +Morgan Lee's approval of 2026-04-02 no longer covers the statement: memo text-payment-reminders\.md changed\. +stale/);
    const json = JSON.parse(eis(['check', REMINDERS, '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.statements[0].findings.filter((f: { code: string }) => f.code === 'stale')).toMatchObject([
      { severity: 'error', line, column: 7, path: ['signoff', 'reviewers', 0] },
      { severity: 'error', path: ['signoff', 'reviewers', 1] },
    ]);
    // New approvals of the memo as it is now clear it.
    eis(['signoff', REMINDERS, ...MORGAN, '--decision', 'approve'], { cwd: repo.dir });
    eis(['signoff', REMINDERS, ...SAM, '--decision', 'approve'], { cwd: repo.dir });
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
  });

  it('a stale severity can be changed in the config', () => {
    appendFileSync(join(repo.dir, MEMO), 'changed\n');
    edit(repo.dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  stale: warning\n  approval/required: warning\n']);
    const r = eis(['check', REMINDERS], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning +Morgan Lee's approval of 2026-04-02 no longer covers/);
  });

  it('refuses anyone the config does not name, and what it cannot record', () => {
    const stranger = eis(['signoff', PORTAL, '--as', 'pat@example.gov', '--decision', 'changes-requested'], { cwd: repo.dir });
    expect(stranger).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('eis: eis.config.yaml: pat@example.gov is not a reviewer named in the config, so eis will not record a sign-off by them.'),
    });
    const nobody = eis(['signoff', PORTAL, '--decision', 'approve'], { cwd: repo.dir, env: NO_GIT_IDENTITY });
    expect(nobody).toMatchObject({ code: 2, stderr: expect.stringContaining('eis cannot tell who you are: git has no user.email here.') });
    const wrongRole = eis(['signoff', PORTAL, ...SAM, '--role', 'equity-office', '--decision', 'changes-requested'], { cwd: repo.dir });
    expect(wrongRole).toMatchObject({ code: 2, stderr: expect.stringContaining('Sam Ortiz does not hold the role "equity-office" in the config.') });
    const r = eis(['signoff', PORTAL, ...SAM, '--decision', 'changes-requested'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(repo.dir, PORTAL), 'utf8')).toMatch(
      /reviewers:\n {4}- id: sam-ortiz\n {6}name: Sam Ortiz\n {6}email: sam\.ortiz@example\.gov\n {6}role: language-access\n {6}decision: changes-requested\n/,
    );
    const bad = eis(['signoff', PORTAL, ...SAM, '--decision', 'maybe'], { cwd: repo.dir });
    expect(bad).toMatchObject({ code: 2, stderr: 'eis: "maybe" is not a decision equity-impact@1 knows. Use --decision approve or changes-requested.\n' });
  });

  it('with no reviewers in the config, anyone may sign with --name and --role', () => {
    edit(repo.dir, 'eis.config.yaml', ['reviewers:', 'x-reviewers:'], ['approvals:', 'x-approvals:'], ['policyOwners:', 'x-policyOwners:']);
    // x- keys are not config settings: take the blocks out instead.
    const config = readFileSync(join(repo.dir, 'eis.config.yaml'), 'utf8');
    writeFileSync(join(repo.dir, 'eis.config.yaml'), config.slice(0, config.indexOf('# Who may approve')));
    const missing = eis(['signoff', PORTAL, '--role', 'Y', '--decision', 'changes-requested'], { cwd: repo.dir, env: NO_GIT_IDENTITY });
    expect(missing).toMatchObject({ code: 2, stderr: 'eis: --name is required. Give the reviewer\'s name, e.g. --name "Morgan Lee".\n' });
    const r = eis(['signoff', PORTAL, '--name', 'Ana Diaz', '--role', 'Lead', '--decision', 'changes-requested'], { cwd: repo.dir });
    expect(r.code).toBe(0);
  });
});

describe('eis status', () => {
  it('lists every initiative as an aligned table', async () => {
    const r = eis(['status'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/status.txt');
  });

  it('shows stale and overdue statements', () => {
    appendFileSync(join(repo.dir, MEMO), 'changed\n');
    const r = eis(['status', '--format', 'json'], { cwd: repo.dir, env: { EIS_TODAY: '2027-07-01' } });
    const rows = JSON.parse(r.stdout).rows;
    // The status still says approved; the approvals no longer cover the memo, so it is not.
    expect(rows.find((x: { path: string }) => x.path === MEMO)).toMatchObject({ stale: true, overdue: true, nextReview: '2027-06-30', openActions: 1, approved: false, status: 'approved' });
    expect(JSON.parse(r.stdout).summary).toMatchObject({ stale: 1, overdue: 2, missing: 1 });
    expect(eis(['status'], { cwd: repo.dir, env: { EIS_TODAY: '2027-07-01' } }).stdout).toContain('stale, review overdue');
  });

  it('json, md and html', async () => {
    const json = eis(['status', '--format', 'json'], { cwd: repo.dir });
    await expect(json.stdout).toMatchFileSnapshot('__snapshots__/status.json');
    const md = eis(['status', '--format', 'md'], { cwd: repo.dir });
    await expect(md.stdout).toMatchFileSnapshot('__snapshots__/status.md');
    const html = eis(['status', '--format', 'html'], { cwd: repo.dir });
    expect(html.code).toBe(1);
    expect(html.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    await expect(html.stdout).toMatchFileSnapshot('__snapshots__/status.html');
  });

  it('escapes what statements say in the html dashboard', () => {
    edit(repo.dir, PORTAL, ['title: Online application portal', 'title: "<img src=x onerror=alert(1)>"']);
    const html = eis(['status', '--format', 'html'], { cwd: repo.dir }).stdout;
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('--since: only initiatives whose memo or statement changed', () => {
    git(repo.dir, 'checkout', '-qb', 'feature');
    appendFileSync(join(repo.dir, 'memos/license-suspension-change.md'), '\nMore detail.\n');
    git(repo.dir, 'commit', '-qam', 'memo change');
    edit(repo.dir, PORTAL, ['  author: ', '  author: Sam Ortiz for ']);
    const r = eis(['status', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(r.stdout).rows.map((x: { path: string; present: boolean }) => `${x.path} ${x.present}`)).toEqual([
      'memos/license-suspension-change.md false',
      'memos/online-application-portal.md true',
    ]);
    const check = eis(['check', '--since', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(check.stdout).statements.map((s: { file: string }) => s.file)).toEqual([PORTAL]);
    git(repo.dir, 'stash', '-q');
    git(repo.dir, 'checkout', '-q', 'main');
    const none = eis(['status', '--since', 'HEAD'], { cwd: repo.dir });
    expect(none).toMatchObject({ code: 0, stderr: 'eis: nothing changed since HEAD.\n' });
  });

  it('--since with bad refs and outside git', () => {
    expect(eis(['status', '--since', 'nope'], { cwd: repo.dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('"nope" is not a commit in this repository.') });
    expect(eis(['check', '--since=-p'], { cwd: repo.dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('"-p" is not a usable git ref') });
    writeFileSync(join(repo.dir, 'x'), '');
    const outside = eis(['status', '--since', 'HEAD'], { cwd: join(repo.dir, 'memos'), env: { GIT_DIR: join(repo.dir, 'no-git') } });
    expect(outside.code).toBe(2);
  });
});
