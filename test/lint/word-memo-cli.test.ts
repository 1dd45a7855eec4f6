// A Word memo in a policy repository, end to end with the built binary: eis check requires its
// statement, eis new takes the title from its first heading, a sign-off hashes its bytes and goes
// stale when its text changes, eis lint names paragraphs, and eis diff works as for any memo.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eis } from '../helpers/cli.js';
import { makeDocx, type WordBlock } from '../helpers/word.js';
import { stringify } from 'yaml';
import { completeV2 } from '../helpers/v2-example.js';
import { exampleRepo, git, REMINDERS } from '../review/git.js';

const MEMO = 'memos/benefit-notice.docx';
const STATEMENT = 'memos/benefit-notice.eis.yaml';
const MORGAN = 'morgan.lee@example.gov';
const SAM = 'sam.ortiz@example.gov';

const blocks = (proposal: string): WordBlock[] => [
  { title: 'Benefit notice redesign' },
  { heading: 1, text: 'Background' },
  'Notices go out by mail, and many come back.',
  'Today the obligor gets a letter about arrears.',
  { heading: 1, text: 'Proposal' },
  proposal,
];

let repo: { dir: string; cleanup: () => void };
beforeAll(async () => {
  repo = exampleRepo();
  git(repo.dir, 'checkout', '-qb', 'feature');
  writeFileSync(join(repo.dir, MEMO), await makeDocx(blocks('Send the notice by text message as well.')));
});
afterAll(() => repo?.cleanup());

/** The complete example statement as answers: no title (the memo gives it), no status, no sign-offs. */
function answers(): string {
  const { eis: _, questionnaire: __, migrated: ___, signoff: ____, ...data } = completeV2();
  delete data.initiative.title;
  delete data.initiative.status;
  return stringify(data);
}

describe('a Word memo (.docx) as an initiative', () => {
  it('eis check requires its statement', () => {
    const r = eis(['check', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.filter((f: { file: string }) => f.file === MEMO)).toMatchObject([
      { code: 'coverage/missing', message: `This memo has no equity impact statement (expected ${STATEMENT}).` },
    ]);
  });

  it('eis new takes the title from its first heading', () => {
    const r = eis(['new', MEMO, '--answers', '-'], { cwd: repo.dir, input: answers() });
    expect(r.stdout).toBe(`${STATEMENT}\n`);
    expect(r.code).toBe(0);
    const statement = readFileSync(join(repo.dir, STATEMENT), 'utf8');
    expect(statement).toMatch(/^initiative:\n {2}title: Benefit notice redesign\n/m);
    expect(eis(['check', STATEMENT], { cwd: repo.dir }).stdout).toMatch(/approval\/required/);
  });

  it('a sign-off hashes its bytes; changing its text makes the approval stale', async () => {
    // A first sign-off on a statement without a signoff section hashes the answers without it, and
    // the section it adds then counts as a change (a problem of eis signoff, not of Word memos).
    appendFileSync(join(repo.dir, STATEMENT), 'signoff:\n  reviewers: []\n');
    for (const who of [MORGAN, SAM]) expect(eis(['signoff', STATEMENT, '--as', who, '--decision', 'approve'], { cwd: repo.dir })).toMatchObject({ code: 0 });
    const memoHash = /memo_hash: (sha256:[0-9a-f]{64})/.exec(readFileSync(join(repo.dir, STATEMENT), 'utf8'))?.[1];
    const { createHash } = await import('node:crypto');
    expect(memoHash).toBe(
      `sha256:${createHash('sha256')
        .update(readFileSync(join(repo.dir, MEMO)))
        .digest('hex')}`,
    );
    expect(eis(['check', STATEMENT], { cwd: repo.dir })).toMatchObject({ code: 0 });
    git(repo.dir, 'add', '-A');
    git(repo.dir, 'commit', '-qm', 'the Word memo and its approved statement');

    writeFileSync(join(repo.dir, MEMO), await makeDocx(blocks('Send the notice by text message only.')));
    const r = eis(['check', STATEMENT], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Morgan Lee's approval of 2026-11-23 no longer covers the statement: memo benefit-notice\.docx changed\. +stale/);
    const gate = eis(['check', '--since', 'HEAD'], { cwd: repo.dir });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain(STATEMENT);
  });

  it('eis lint reads its text and names the paragraph and the heading above it', () => {
    const r = eis(['lint', MEMO], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        MEMO,
        '  ¶4:11   warning  Instead of "obligor", write "parent who pays support".  lint/glossary/obligor',
        '                   Legal jargon most parents do not use or know.',
        '                   in paragraph 4 (under "Background")',
        '  ¶4:39   warning  Instead of "arrears", write "past-due support".  lint/glossary/arrears',
        '                   Legal jargon; "past-due support" says what it is.',
        '                   in paragraph 4 (under "Background")',
        '',
        '✔ 0 errors, 2 warnings in 1 file (warnings do not fail; --strict makes them)',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(eis(['lint', MEMO, '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.files).toEqual([{ file: MEMO, kind: 'word' }]);
    expect(json.findings.map((f: { paragraph: number; heading: string }) => [f.paragraph, f.heading])).toEqual([
      [4, 'Background'],
      [4, 'Background'],
    ]);
    // With no files named, the config's memos are read, the Word memo among them.
    expect(eis(['lint', '--format', 'json'], { cwd: repo.dir }).stdout).toContain(`"file": "${MEMO}",\n      "kind": "word"`);
    // eis check --lint adds them as warnings.
    expect(eis(['check', '--lint', STATEMENT], { cwd: repo.dir }).stdout).toMatch(/¶4:11 +warning +Instead of "obligor"/);
  });

  it('a damaged Word memo is an unreadable file (exit 2), not a crash', () => {
    writeFileSync(join(repo.dir, 'memos/damaged.docx'), 'not a zip');
    const r = eis(['lint', 'memos/damaged.docx'], { cwd: repo.dir });
    expect(r).toMatchObject({ code: 2, stderr: '' });
    expect(r.stdout).toContain('  1:1     error    The Word file is damaged or not a Word file: it is not a zip archive.  file/unreadable\n');
  });

  it('eis diff of its statement works as for any memo', () => {
    const path = join(repo.dir, STATEMENT);
    writeFileSync(path, readFileSync(path, 'utf8').replace('  title: Benefit notice redesign', '  title: Benefit notices by text'));
    const r = eis(['diff', '--git', 'HEAD'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${STATEMENT}  Benefit notices by text  (modified)\n  The initiative\n    Title: Benefit [-notice redesign-]{+notices by text+}\n\n1 statement (1 changed); nothing needs special attention.\n`,
    );
    const named = eis(['diff', REMINDERS, STATEMENT], { cwd: repo.dir });
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('Benefit notices by text');
  });
});
