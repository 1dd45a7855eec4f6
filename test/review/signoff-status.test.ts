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

describe('eis signoff', () => {
  it('appends a reviewer entry with the date and the memo hash, keeping the rest of the file', () => {
    const before = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    const r = eis(['signoff', REMINDERS, '--name', 'Ana Diaz', '--role', 'Language Access Lead', '--decision', 'approve', '--comment', 'Spanish texts checked.'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const hash = sha256(join(repo.dir, MEMO));
    expect(r.stdout).toBe(`${REMINDERS}: Approve by Ana Diaz (Language Access Lead) on 2026-11-23, memo sha256:${hash.slice(0, 12)}…\n`);
    expect(r.stderr).toBe(`eis: the sign-off covers ${MEMO}; a later change to it makes the statement stale.\n`);
    const after = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    expect(after.endsWith(
      [
        '    - id: ana-diaz',
        '      name: Ana Diaz',
        '      role: Language Access Lead',
        '      decision: approve',
        '      date: 2026-11-23',
        '      comments: Spanish texts checked.',
        `      memo_hash: sha256:${hash}`,
        '',
      ].join('\n'),
    )).toBe(true);
    // Comments survive the rewrite.
    expect(after.split('\n').slice(0, 2)).toEqual(before.split('\n').slice(0, 2));
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
  });

  it('makes the statement stale in eis check when the memo changes afterwards', () => {
    eis(['signoff', REMINDERS, '--name', 'Ana Diaz', '--role', 'Language Access Lead', '--decision', 'approve'], { cwd: repo.dir });
    appendFileSync(join(repo.dir, MEMO), '\nA late change to the memo.\n');
    const r = eis(['check', REMINDERS], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const line = readFileSync(join(repo.dir, REMINDERS), 'utf8').split('\n').indexOf('    - id: ana-diaz') + 1;
    expect(r.stdout).toContain(`  ${line}:7 `);
    expect(r.stdout).toMatch(/error +The memo changed since Ana Diaz approved it on 2026-11-23, so the approval no longer covers it\. +stale/);
    const json = JSON.parse(eis(['check', REMINDERS, '--format', 'json'], { cwd: repo.dir }).stdout);
    const stale = json.statements[0].findings.filter((f: { code: string }) => f.code === 'stale');
    expect(stale).toMatchObject([{ severity: 'error', line, column: 7, path: ['signoff', 'reviewers', 1] }]);
    // A new approval with the memo as it is now clears it; so does a status that is no longer approved.
    eis(['signoff', REMINDERS, '--name', 'Morgan Lee', '--role', 'Chief Equity Officer', '--decision', 'approve'], { cwd: repo.dir });
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
    appendFileSync(join(repo.dir, MEMO), 'Another change.\n');
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(1);
    edit(repo.dir, REMINDERS, ['  status: approved', '  status: in-review']);
    expect(eis(['check', REMINDERS], { cwd: repo.dir }).code).toBe(0);
  });

  it('a stale severity can be changed in the config', () => {
    eis(['signoff', REMINDERS, '--name', 'Ana Diaz', '--role', 'Lead', '--decision', 'approve'], { cwd: repo.dir });
    appendFileSync(join(repo.dir, MEMO), 'changed\n');
    appendFileSync(join(repo.dir, 'eis.config.yaml'), '  stale: warning\n');
    const r = eis(['check', REMINDERS], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning +The memo changed since/);
  });

  it('records changes requested, and refuses what it cannot record', () => {
    const r = eis(['signoff', PORTAL, '--name', 'Sam Ortiz', '--role', 'Reviewer', '--decision', 'changes-requested'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(repo.dir, PORTAL), 'utf8')).toMatch(/reviewers:\n {4}- id: sam-ortiz\n {6}name: Sam Ortiz\n {6}role: Reviewer\n {6}decision: changes-requested\n/);
    const bad = eis(['signoff', PORTAL, '--name', 'X', '--role', 'Y', '--decision', 'maybe'], { cwd: repo.dir });
    expect(bad).toMatchObject({ code: 2, stderr: 'eis: "maybe" is not a decision equity-impact@1 knows. Use --decision approve or changes-requested.\n' });
    const missing = eis(['signoff', PORTAL, '--role', 'Y', '--decision', 'approve'], { cwd: repo.dir });
    expect(missing).toMatchObject({ code: 2, stderr: 'eis: --name is required. Give the reviewer\'s name, e.g. --name "Morgan Lee".\n' });
  });
});

describe('eis status', () => {
  it('lists every initiative as an aligned table', async () => {
    const r = eis(['status'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/status.txt');
  });

  it('shows stale and overdue statements', () => {
    eis(['signoff', REMINDERS, '--name', 'Ana Diaz', '--role', 'Lead', '--decision', 'approve'], { cwd: repo.dir });
    appendFileSync(join(repo.dir, MEMO), 'changed\n');
    const r = eis(['status', '--format', 'json'], { cwd: repo.dir, env: { EIS_TODAY: '2027-07-01' } });
    const rows = JSON.parse(r.stdout).rows;
    expect(rows.find((x: { path: string }) => x.path === MEMO)).toMatchObject({ stale: true, overdue: true, nextReview: '2027-06-30', openActions: 1, approved: true });
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
