// The pull-request gate, attacked as a pull request's author would: each case is a branch in a
// real git repository (a copy of examples/ on main), checked with `eis check --since main` as the
// workflow eis init writes runs it. Every case must fail the gate, saying why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eis, olderVersionNote, ROOT } from '../helpers/cli.js';
import { edit, exampleRepo, git, PORTAL, REMINDERS } from './git.js';
import { answersHash } from '../../src/edge/review/memo-hash.js';
import { builtin, readYaml } from '../helpers/model.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = exampleRepo();
  git(repo.dir, 'checkout', '-qb', 'feature');
});
afterEach(() => repo.cleanup());

const MEMO = 'memos/text-payment-reminders.md';
const MORGAN = { name: 'Morgan Lee', email: 'morgan.lee@example.gov' };
const SAM = { name: 'Sam Ortiz', email: 'sam.ortiz@example.gov' };
const PAT = { name: 'Pat Author', email: 'pat@example.gov' };

/** Commits everything as this person (author and committer). */
function commitAs(who: { name: string; email: string }, message: string): void {
  git(repo.dir, 'add', '-A');
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const r = spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-qm', message], { cwd: repo.dir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

const gate = (...extra: string[]) => eis(['check', '--since', 'main', ...extra], { cwd: repo.dir });
const signoff = (file: string, who: { email: string }, decision = 'approve') => eis(['signoff', file, '--as', who.email, '--decision', decision], { cwd: repo.dir });

/** A new memo with a complete statement (a copy of the approved one, its sign-offs taken out, status draft). */
function newInitiative(name: string): string {
  copyFileSync(join(repo.dir, MEMO), join(repo.dir, `memos/${name}.md`));
  const text = readFileSync(join(repo.dir, REMINDERS), 'utf8').replace('  status: approved', '  status: draft');
  const statement = `memos/${name}.eis.yaml`;
  writeFileSync(join(repo.dir, statement), `${text.slice(0, text.indexOf('signoff:'))}signoff:\n  reviewers: []\n`);
  return statement;
}

describe('the gate (eis check --since main) fails each bypass, saying why', () => {
  it('a clean branch passes, quietly', () => {
    appendFileSync(join(repo.dir, 'README.txt'), 'notes\n');
    commitAs(PAT, 'notes');
    expect(gate()).toMatchObject({ code: 0, stdout: '✔ 0 errors, 0 warnings in 0 statements\n', stderr: 'eis: nothing changed since main needs checking.\n' });
  });

  it('1. a changed memo is checked: its approval is stale', () => {
    appendFileSync(join(repo.dir, MEMO), '\nThe pilot becomes mandatory.\n');
    commitAs(PAT, 'edit the memo only');
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(REMINDERS);
    expect(r.stdout).toMatch(/Morgan Lee's approval of 2026-04-02 no longer covers the statement: memo text-payment-reminders\.md changed\. +stale/);
  });

  it('1b. a memo deleted or added beside a statement counts as a change to it', () => {
    git(repo.dir, 'rm', '-q', MEMO);
    commitAs(PAT, 'delete the memo');
    expect(JSON.parse(gate('--format', 'json').stdout).statements.map((s: { file: string }) => s.file)).toEqual([REMINDERS]);
  });

  it('1c. a memo a statement lists (not beside it) is checked when it changes', () => {
    mkdirSync(join(repo.dir, 'shared'));
    writeFileSync(join(repo.dir, 'shared/appendix.md'), '# Appendix\n');
    edit(repo.dir, REMINDERS, ['  author: Dana Ruiz, Policy Analyst\n', '  author: Dana Ruiz, Policy Analyst\n  memos:\n    - id: appendix\n      path: ../shared/appendix.md\n']);
    commitAs(PAT, 'list an appendix');
    git(repo.dir, 'checkout', '-q', 'main');
    git(repo.dir, 'merge', '-q', 'feature');
    git(repo.dir, 'checkout', '-q', 'feature');
    appendFileSync(join(repo.dir, 'shared/appendix.md'), 'A new table.\n');
    commitAs(PAT, 'edit the appendix');
    const r = gate('--format', 'json');
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual([REMINDERS]);
  });

  it('2. nothing merges unapproved: a new memo with a complete draft statement fails', () => {
    const statement = newInitiative('child-care-credit');
    commitAs(PAT, 'new memo');
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${statement}  equity-impact@1, draft, level full, 36/36 required answered`);
    expect(r.stdout).toMatch(/The statement is not approved: it needs an approval from "equity-office" and "language-access"\. +approval\/required/);
  });

  it('2b. a status typed as approved, with a sign-off typed by the author, fails', () => {
    const statement = newInitiative('child-care-credit');
    edit(
      repo.dir,
      statement,
      ['  status: draft', '  status: approved'],
      ['  reviewers: []', '  reviewers:\n    - id: x\n      name: Morgan Lee\n      role: equity-office\n      decision: approve\n      date: 2026-11-01'],
    );
    commitAs(PAT, 'approved, honest');
    const r = gate('--verify-signoffs');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The status says approved, but the statement still needs an approval from "equity-office" and "language-access" that covers it as it is now\./);
    expect(r.stdout).toMatch(/it recorded no hash of the answers/);
    expect(r.stdout).toMatch(/The sign-off by Morgan Lee was last written by pat@example\.gov \(commit [0-9a-f]{10}\), not by the reviewer, morgan\.lee@example\.gov\. +signoff\/unverified/);
  });

  it('3. the branch cannot set its own policy: rules turned off are reported, and the base policy applies', () => {
    appendFileSync(join(repo.dir, MEMO), 'changed\n');
    edit(repo.dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  required: off\n  stale: off\n  approval/required: warning\n']);
    commitAs(PAT, 'relax');
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /eis\.config\.yaml\n +\d+:3 +error +This branch loosens the policy it is checked against, so the gate checks with main's: rules\.required: default -> off; rules\.stale: default -> off; rules\.approval\/required: default -> warning\. +policy\/loosened/,
    );
    // Checked with main's rules: the stale approval is still an error.
    expect(r.stdout).toMatch(/error +Morgan Lee's approval .* +stale/);
    expect(r.stderr).toBe(`eis: the policy (config and questionnaire) is read from main (main:eis.config.yaml).\n${olderVersionNote(2)}`);
  });

  it('3b. a config-only change re-checks every statement', () => {
    edit(repo.dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  placeholder: warning\n']);
    commitAs(PAT, 'relax placeholders');
    const r = gate('--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(report.statements.map((s: { file: string }) => s.file).sort()).toEqual([PORTAL, REMINDERS]);
    // The draft's placeholder is still an error: main's policy decides.
    expect(report.statements[0].findings.find((f: { code: string }) => f.code === 'placeholder').severity).toBe('error');
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('policy/loosened');
  });

  it("3c. a copy of the questionnaire with every required removed is a loosening, and main's questionnaire applies", () => {
    git(repo.dir, 'checkout', '-q', 'main');
    mkdirSync(join(repo.dir, 'policy'));
    copyFileSync(join(ROOT, 'schemas/questionnaires/equity-impact.v1.yaml'), join(repo.dir, 'policy/agency.yaml'));
    edit(repo.dir, 'eis.config.yaml', ['questionnaire: equity-impact', 'questionnaire: policy/agency.yaml']);
    commitAs(MORGAN, 'the agency questionnaire');
    git(repo.dir, 'checkout', '-q', 'feature');
    git(repo.dir, 'merge', '-q', 'main');
    const q = join(repo.dir, 'policy/agency.yaml');
    writeFileSync(q, readFileSync(q, 'utf8').replace(/required: true/g, 'required: false'));
    commitAs(PAT, 'nothing is required');
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/This branch loosens the policy .*question initiative\.title changed \(required: yes -> no\)/);
    expect(r.stdout).toMatch(/"What results do we want for the communities we serve\?" holds the placeholder "TBD"/);
  });

  it("3f. an agency questionnaire's earlier version is read from main too, and changing it is a loosening", () => {
    git(repo.dir, 'checkout', '-q', 'main');
    mkdirSync(join(repo.dir, 'policy'));
    copyFileSync(join(ROOT, 'schemas/questionnaires/equity-impact.yaml'), join(repo.dir, 'policy/agency.yaml'));
    copyFileSync(join(ROOT, 'schemas/questionnaires/equity-impact.v1.yaml'), join(repo.dir, 'policy/equity-impact.v1.yaml'));
    edit(repo.dir, 'eis.config.yaml', ['questionnaire: equity-impact', 'questionnaire: policy/agency.yaml']);
    commitAs(MORGAN, 'the agency questionnaire, with its earlier version');
    git(repo.dir, 'checkout', '-q', 'feature');
    git(repo.dir, 'merge', '-q', 'main');
    // The examples answer version 1: they are checked against it, read from main.
    const clean = eis(['check', '--policy-from', 'main', PORTAL, '--format', 'json'], { cwd: repo.dir });
    expect(clean.code, clean.stderr).toBe(1);
    expect(JSON.parse(clean.stdout).statements[0]).toMatchObject({ questionnaire: 'equity-impact@1' });
    const q = join(repo.dir, 'policy/equity-impact.v1.yaml');
    writeFileSync(q, readFileSync(q, 'utf8').replace(/required: true/g, 'required: false'));
    commitAs(PAT, 'nothing is required in version 1');
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /This branch loosens the policy it is checked against, so the gate checks with main's: an earlier version of the questionnaire \(named by its previous:\) changed\. +policy\/loosened/,
    );
    expect(r.stdout).toMatch(/"What results do we want for the communities we serve\?" holds the placeholder "TBD"/);
    expect(r.stdout).toMatch(/"Plan to engage" is required and not answered/);
  });

  it("3g. a branch that adds its own value to an agency list is a loosening, and main's list applies", () => {
    git(repo.dir, 'checkout', '-q', 'main');
    appendFileSync(join(repo.dir, 'eis.config.yaml'), '\nvocabularies:\n  divisions: [Customer Services Division]\n');
    commitAs(MORGAN, 'the agency divisions');
    git(repo.dir, 'checkout', '-q', 'feature');
    git(repo.dir, 'merge', '-q', 'main');
    edit(repo.dir, 'eis.config.yaml', ['divisions: [Customer Services Division]', 'divisions: [Customer Services Division, Legal Division]']);
    writeFileSync(join(repo.dir, 'memos/pilot.md'), '# Pilot\n\nA pilot.\n');
    const made = eis(['new', 'memos/pilot.md', '--answers', '-'], { cwd: repo.dir, input: 'initiative:\n  division: Legal Division\n' });
    // Saved, with the answers still to give listed (exit 1).
    expect(made.stdout.split('\n')[0], made.stderr).toBe('memos/pilot.eis.yaml');
    commitAs(PAT, 'a division of our own');
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/This branch loosens the policy it is checked against, so the gate checks with main's: vocabularies\.divisions: added Legal Division\. +policy\/loosened/);
    expect(r.stdout).toContain('"Division or office": "Legal Division" is not one of the choices (Customer Services Division).');
  });

  it("3d. a loosening passes once a policy owner named in main's config approves it, in their own commit", () => {
    edit(repo.dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  burden-evidence: off\n']);
    commitAs(PAT, 'no overdue warnings');
    expect(gate(REMINDERS)).toMatchObject({ code: 1, stdout: expect.stringContaining('policy/loosened') });
    // The author cannot approve it; a reviewer who is not a policy owner cannot either.
    expect(eis(['signoff', '--policy', '--decision', 'approve', '--as', SAM.email], { cwd: repo.dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a policy owner') });
    expect(eis(['signoff', '--policy', '--decision', 'approve', '--as', MORGAN.email], { cwd: repo.dir }).code).toBe(0);
    commitAs(MORGAN, 'policy approval');
    const r = gate(REMINDERS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning +This branch loosens the policy, approved by Morgan Lee on 2026-11-23; it takes effect once merged: rules\.burden-evidence: default -> off\. +policy\/changed/);
    // A further change after the approval needs a new one.
    edit(repo.dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  placeholder: off\n']);
    commitAs(PAT, 'and placeholders');
    expect(gate(REMINDERS).stdout).toContain('policy/loosened');
  });

  it("3e. a policy approval is held to its owner's commit by --verify-signoffs", () => {
    edit(repo.dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  burden-evidence: off\n']);
    commitAs(PAT, 'no evidence needed');
    eis(['signoff', '--policy', '--decision', 'approve', '--as', MORGAN.email], { cwd: repo.dir });
    commitAs(PAT, 'approve it myself');
    const forged = gate('--verify-signoffs', REMINDERS);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/eis\.config\.yaml\n(.*\n)*.*The sign-off by Morgan Lee was last written by pat@example\.gov/);
    // Written and committed by the owner, it is proven (the example's own sign-offs, committed
    // by the test's setup, are not, which shows the proof is not a formality).
    // An entry someone else wrote stays unproven: the author takes it out, and the owner signs.
    const config = readFileSync(join(repo.dir, 'eis.config.yaml'), 'utf8');
    writeFileSync(join(repo.dir, 'eis.config.yaml'), config.slice(0, config.indexOf('policyApprovals:')));
    commitAs(PAT, 'take out the approval I typed');
    eis(['signoff', '--policy', '--decision', 'approve', '--as', MORGAN.email], { cwd: repo.dir });
    commitAs(MORGAN, 'approve the policy change');
    const proven = gate('--verify-signoffs', REMINDERS);
    const configBlock = proven.stdout.split('\n\n')[0];
    expect(configBlock).toMatch(/^eis\.config\.yaml\n.*approved by Morgan Lee/);
    expect(configBlock).not.toContain('signoff/unverified');
    expect(proven.stdout).toMatch(/The sign-off by Sam Ortiz was last written by test@example\.org/);
  });

  it('3f. a tightening is reported but does not fail the gate', () => {
    edit(repo.dir, 'eis.config.yaml', ['  review-overdue: warning\n', '  review-overdue: error\n']);
    commitAs(PAT, 'stricter');
    const r = gate(REMINDERS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning +This branch changes the policy; it takes effect once merged: rules\.review-overdue: warning -> error\. +policy\/changed/);
  });

  it('4. a statement must answer the questionnaire the config names, and reports name it', () => {
    git(repo.dir, 'checkout', '-q', 'main');
    mkdirSync(join(repo.dir, 'policy'));
    writeFileSync(join(repo.dir, 'policy/agency.yaml'), readFileSync(join(ROOT, 'schemas/questionnaires/equity-impact.v1.yaml'), 'utf8').replace('id: equity-impact', 'id: agency-impact'));
    edit(repo.dir, 'eis.config.yaml', ['questionnaire: equity-impact', 'questionnaire: policy/agency.yaml']);
    commitAs(MORGAN, 'the agency questionnaire');
    git(repo.dir, 'checkout', '-q', 'feature');
    git(repo.dir, 'merge', '-q', 'main');
    newInitiative('child-care-credit');
    commitAs(PAT, 'a statement pinned to the built-in questionnaire');
    const r = gate();
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/The statement answers questionnaire "equity-impact", but the config requires agency-impact@1\. +questionnaire\/not-allowed/);
  });

  it('5. the story: author writes, reviewers approve, edits go stale and are approved again, a forged entry is rejected, changes requested withdraw', () => {
    const statement = newInitiative('child-care-credit');
    commitAs(PAT, 'draft');
    expect(gate('--verify-signoffs').code).toBe(1);
    // Both reviewers approve, each in their own commit: the status becomes approved.
    expect(signoff(statement, MORGAN).code).toBe(0);
    commitAs(MORGAN, 'approve (equity office)');
    expect(signoff(statement, SAM).stdout).toContain('; status approved');
    commitAs(SAM, 'approve (language access)');
    expect(gate('--verify-signoffs')).toMatchObject({ code: 0 });
    // The author edits an answer: stale, naming the answer.
    edit(repo.dir, statement, ['  decision: >-\n', '  decision: >-\n    A 36-month mandatory program.\n']);
    commitAs(PAT, 'widen it');
    let r = gate('--verify-signoffs');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Morgan Lee's approval of 2026-11-23 no longer covers the statement: the answers changed \("What is being decided\?"; see eis diff --git [0-9a-f]{10} memos\/child-care-credit\.eis\.yaml\)\. +stale/,
    );
    // The author rewrites the hashes by hand to match: --verify-signoffs sees who wrote them.
    const text = readFileSync(join(repo.dir, statement), 'utf8');
    const fresh = answersHash(builtin(), readYaml(join(repo.dir, statement)));
    writeFileSync(join(repo.dir, statement), text.replace(/answers_hash: sha256:[0-9a-f]+/g, `answers_hash: ${fresh}`));
    commitAs(PAT, 'fix the hashes');
    r = gate('--verify-signoffs');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The sign-off by Morgan Lee was last written by pat@example\.gov/);
    expect(r.stdout).toMatch(/The sign-off by Sam Ortiz was last written by pat@example\.gov/);
    // Entries someone else edited stay unproven whatever is done to them: the author takes them
    // out, and the reviewers approve again. Then the memo changes: stale, and render shows it.
    writeFileSync(join(repo.dir, statement), `${text.slice(0, text.indexOf('signoff:'))}signoff:\n  reviewers: []\n`);
    commitAs(PAT, 'take out the edited sign-offs');
    signoff(statement, MORGAN);
    commitAs(MORGAN, 'approve again');
    signoff(statement, SAM);
    commitAs(SAM, 'approve again');
    expect(gate('--verify-signoffs').code).toBe(0);
    appendFileSync(join(repo.dir, 'memos/child-care-credit.md'), '\nOne more paragraph.\n');
    commitAs(PAT, 'memo edit');
    r = gate('--verify-signoffs');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/memo child-care-credit\.md changed/);
    const page = eis(['render', statement], { cwd: repo.dir }).stdout;
    expect(page).toMatch(/\*\*Approval out of date\.\*\* Morgan Lee's approval of 2026-11-23 no longer covers it: memo child-care-credit\.md changed\./);
    expect(eis(['render', '--strict', statement], { cwd: repo.dir }).code).toBe(1);
    // Approved again, then a later changes-requested withdraws it.
    signoff(statement, MORGAN);
    commitAs(MORGAN, 'approve the memo edit');
    signoff(statement, SAM);
    commitAs(SAM, 'approve the memo edit');
    expect(gate('--verify-signoffs').code).toBe(0);
    signoff(statement, SAM, 'changes-requested');
    commitAs(SAM, 'one more thing');
    r = gate('--verify-signoffs');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Sam Ortiz requested changes on 2026-11-23/);
  }, 120_000);

  it('6. a sign-off entry that is not committed, or a shallow clone, proves nothing', () => {
    signoff(REMINDERS, MORGAN);
    const r = gate('--verify-signoffs');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The sign-off by Morgan Lee is not committed, so git cannot show that morgan\.lee@example\.gov wrote it\./);
    commitAs(MORGAN, 'approve again');
    const shallow = join(repo.dir, 'shallow');
    git(repo.dir, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo.dir}`, shallow);
    git(shallow, 'fetch', '-q', '--depth', '1', 'origin', 'main:main');
    const s = eis(['check', '--since', 'main', '--verify-signoffs'], { cwd: shallow });
    expect(s.code).toBe(1);
    expect(s.stdout).toMatch(/This clone is shallow, so git cannot show who wrote each sign-off\. +signoff\/unverified/);
  });

  it('7. --require-signed: sign-offs in unsigned commits do not count', () => {
    const statement = newInitiative('child-care-credit');
    commitAs(PAT, 'draft');
    signoff(statement, MORGAN);
    commitAs(MORGAN, 'approve');
    signoff(statement, SAM);
    commitAs(SAM, 'approve');
    expect(gate('--verify-signoffs').code).toBe(0);
    const r = gate('--verify-signoffs', '--require-signed');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The sign-off by Morgan Lee was committed in [0-9a-f]{10}, which has no signature git can verify\. +signoff\/unsigned/);
    expect(r.stdout).not.toContain('signoff/unverified');
  });
});
