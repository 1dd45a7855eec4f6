// Coverage that cannot be dodged, through the built binary and real git: memo-like files no glob
// takes, globs that take nothing, statements whose memo is gone or renamed, and eis mv.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, copyExamples, eis, tempTree, type RunResult, olderVersionNote } from '../helpers/cli.js';
import { edit, emptyRepo, exampleRepo, git } from '../review/git.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
const track = <T extends { cleanup: () => void }>(t: T) => {
  cleanups.push(t.cleanup);
  return t;
};

const REMINDERS_MEMO = 'memos/text-payment-reminders.md';
const REMINDERS = 'memos/text-payment-reminders.eis.yaml';

interface Found {
  code: string;
  file: string;
  line: number;
  message: string;
  hint?: string;
}

/** The coverage findings of a JSON report, as code file:line message. */
function coverage(result: RunResult): string[] {
  const report = JSON.parse(result.stdout) as { findings: Found[] };
  return report.findings.filter((f) => f.code !== 'coverage/missing' || !f.file.includes('license-suspension')).map((f) => `${f.code} ${f.file}:${f.line} ${f.message}${f.hint ? ` | ${f.hint}` : ''}`);
}

/** The examples with `memos/*.md` as their only memo glob (the narrow glob of old configs). */
function narrowExamples(): string {
  const { dir } = track(copyExamples());
  edit(dir, 'eis.config.yaml', ['"memos/**/*.{md,markdown,docx}"', '"memos/*.md"']);
  return dir;
}

describe('memo-like files that no glob takes', () => {
  it('a memo in a subfolder: reported with the glob that nearly took it; the default glob takes it', () => {
    const dir = narrowExamples();
    mkdirSync(join(dir, 'memos/2027'));
    writeFileSync(join(dir, 'memos/2027/child-care.md'), '# Child care\n');
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(coverage(r)).toEqual([
      'coverage/uncovered memos/2027/child-care.md:1 This looks like a memo, but no initiative glob takes it, so eis would not ask for its statement: "memos/*.md" does not reach into subfolders. | Add it to initiatives.memos in the config (e.g. "memos/**/*.{md,markdown,docx}"), or to initiatives.exclude if it is not a memo.',
    ]);

    // The examples' own config has the recursive default: the memo needs a statement.
    const { dir: full } = track(copyExamples());
    mkdirSync(join(full, 'memos/2027'));
    writeFileSync(join(full, 'memos/2027/child-care.md'), '# Child care\n');
    const r2 = eis(['check', '--format', 'json'], { cwd: full });
    expect(coverage(r2)).toEqual([
      'coverage/missing memos/2027/child-care.md:1 This memo has no equity impact statement (expected memos/2027/child-care.eis.yaml). | Create it with: eis new memos/2027/child-care.md',
    ]);
  });

  it('another extension (.markdown, .docx) is reported; another case of the extension (.MD) is a memo', () => {
    const dir = narrowExamples();
    writeFileSync(join(dir, 'memos/child-care.markdown'), '# Child care\n');
    writeFileSync(join(dir, 'memos/fees.docx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    writeFileSync(join(dir, 'memos/fair-hearings.MD'), '# Fair hearings\n');
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(coverage(r)).toEqual([
      'coverage/missing memos/fair-hearings.MD:1 This memo has no equity impact statement (expected memos/fair-hearings.eis.yaml). | Create it with: eis new memos/fair-hearings.MD',
      'coverage/uncovered memos/child-care.markdown:1 This looks like a memo, but no initiative glob takes it, so eis would not ask for its statement: "memos/*.md" does not take .markdown files. | Add it to initiatives.memos in the config (e.g. "memos/**/*.{md,markdown,docx}"), or to initiatives.exclude if it is not a memo.',
      'coverage/uncovered memos/fees.docx:1 This looks like a memo, but no initiative glob takes it, so eis would not ask for its statement: "memos/*.md" does not take .docx files. | Add it to initiatives.memos in the config (e.g. "memos/**/*.{md,markdown,docx}"), or to initiatives.exclude if it is not a memo.',
    ]);
  });

  it('initiatives.exclude leaves a file out (a README, whatever its case), and a rule can turn the finding off', () => {
    const dir = narrowExamples();
    edit(dir, 'eis.config.yaml', ['    - "**/README.md"', '    - "**/README.md"\n    - "memos/archive/**"']);
    mkdirSync(join(dir, 'memos/archive'));
    writeFileSync(join(dir, 'memos/archive/old.md'), '# Old\n');
    writeFileSync(join(dir, 'memos/2027.markdown'), '# Plan\n');
    mkdirSync(join(dir, 'memos/sub'));
    writeFileSync(join(dir, 'memos/sub/readme.md'), '# About this folder\n');
    expect(coverage(eis(['check', '--format', 'json'], { cwd: dir }))).toEqual([expect.stringMatching(/^coverage\/uncovered memos\/2027\.markdown:1 /)]);
    edit(dir, 'eis.config.yaml', ['rules:\n', 'rules:\n  coverage/uncovered: off\n']);
    expect(coverage(eis(['check', '--format', 'json'], { cwd: dir }))).toEqual([]);
  });

  it("files beside initiative folders are reported; files inside one are its statement's", () => {
    const { dir } = track(
      tempTree({
        'eis.config.yaml': 'initiatives:\n  folders: ["initiatives/*/"]\n',
        'initiatives/portal/equity-impact.eis.yaml': readFileSync(join(EXAMPLES, REMINDERS)),
        'initiatives/portal/plan.md': '# Plan\n',
        'initiatives/notes.md': '# Notes\n',
      }),
    );
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(coverage(r)).toEqual([
      'coverage/uncovered initiatives/notes.md:1 This looks like a memo, but no initiative glob takes it, so eis would not ask for its statement: it lies beside the initiative folders of "initiatives/*/", not inside one. | Add it to initiatives.memos in the config (e.g. "initiatives/**/*.{md,markdown,docx}"), or to initiatives.exclude if it is not a memo.',
    ]);
  });

  it('without a config nothing is required, as before: a memo beside statements is not reported', () => {
    const { dir } = track(tempTree({ 'a/one.eis.yaml': readFileSync(join(EXAMPLES, REMINDERS)), 'a/memo.markdown': '# M\n', 'a/other.md': '# O\n' }));
    expect(eis(['check', 'a'], { cwd: dir })).toMatchObject({ code: 0, stderr: olderVersionNote(1) });
  });
});

describe('globs that take nothing', () => {
  it('a typo in a folder name is an error at its line in the config, with the folder meant', () => {
    const { dir } = track(copyExamples());
    edit(dir, 'eis.config.yaml', ['    - "memos/**/*.{md,markdown,docx}"\n', '    - "memos/**/*.{md,markdown,docx}"\n    - "memo/**/*.md"\n']);
    const r = eis(['check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'eis.config.yaml\n  8:7     error    The glob "memo/**/*.md" of initiatives.memos matches no file: the folder memo/ does not exist; did you mean "memos/**/*.md"?  coverage/glob-empty\n                   Fix the glob, or remove it; initiatives it misses need no statement.\n',
    );
    expect(readFileSync(join(dir, 'eis.config.yaml'), 'utf8').split('\n')[7]).toBe('    - "memo/**/*.md"');
  });

  it('a glob whose folder exists but holds nothing it takes, and an empty folder glob', () => {
    const { dir } = track(copyExamples());
    edit(dir, 'eis.config.yaml', ['    - "memos/**/*.{md,markdown,docx}"\n', '    - "memos/**/*.{md,markdown,docx}"\n    - "memos/*.txt"\n'], ['  folders: []', '  folders: ["initiatives/*/"]']);
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(coverage(r)).toEqual([
      'coverage/glob-empty eis.config.yaml:8 The glob "memos/*.txt" of initiatives.memos matches no file (excluded paths left out). | Fix the glob, or remove it; initiatives it misses need no statement.',
      'coverage/glob-empty eis.config.yaml:9 The glob "initiatives/*/" of initiatives.folders matches no folder: the folder initiatives/ does not exist. | Fix the glob, or remove it; initiatives it misses need no statement.',
    ]);
    // Checking one statement says nothing about globs elsewhere.
    expect(coverage(eis(['check', REMINDERS, '--format', 'json'], { cwd: dir }))).toEqual([]);
  });
});

describe('statements whose memo is gone', () => {
  it('a deleted memo leaves an error on its statement, in git and outside it', () => {
    const { dir } = track(exampleRepo());
    rmSync(join(dir, REMINDERS_MEMO));
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(coverage(r)).toEqual([
      `coverage/orphan ${REMINDERS}:1 This statement's memo, ${REMINDERS_MEMO}, was deleted. | If the memo moved, move the statement with it: eis mv ${REMINDERS_MEMO} NEW-MEMO. If it was withdrawn, delete the statement.`,
    ]);

    const { dir: plain } = track(copyExamples());
    rmSync(join(plain, REMINDERS_MEMO));
    expect(coverage(eis(['check', '--format', 'json'], { cwd: plain }))).toEqual([
      `coverage/orphan ${REMINDERS}:1 This statement's memo is gone: there is no file named text-payment-reminders beside it, nor one its memo list names. | If the memo moved, move the statement with it: eis mv OLD-MEMO NEW-MEMO. If it was withdrawn, delete the statement.`,
    ]);
  });

  it('a statement whose memo list names a memo that exists is not an orphan', () => {
    const { dir } = track(copyExamples());
    renameSync(join(dir, REMINDERS_MEMO), join(dir, 'memos/reminders-pilot.txt'));
    edit(dir, REMINDERS, ['  author: Dana Ruiz, Policy Analyst\n', '  author: Dana Ruiz, Policy Analyst\n  memos:\n    - id: pilot\n      path: reminders-pilot.txt\n']);
    expect(coverage(eis(['check', '--format', 'json'], { cwd: dir }))).toEqual([]);
  });

  it('after git mv, the statement says where the memo went and how to follow it, and the memo points back', () => {
    const { dir } = track(exampleRepo());
    git(dir, 'mv', REMINDERS_MEMO, 'memos/text-reminders.md');
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const move = `eis mv ${REMINDERS_MEMO} memos/text-reminders.md`;
    expect(coverage(r)).toEqual([
      `coverage/missing memos/text-reminders.md:1 This memo has no equity impact statement under its name: its statement is ${REMINDERS}, which still has the name of ${REMINDERS_MEMO}. | Move it with: ${move}`,
      `coverage/orphan ${REMINDERS}:1 This statement's memo, ${REMINDERS_MEMO}, was renamed to memos/text-reminders.md; the statement still has the old name. | Move it with: ${move}`,
    ]);
  });

  it('after a plain mv (the new name not yet known to git), the same content shows where it went', () => {
    const { dir } = track(exampleRepo());
    renameSync(join(dir, REMINDERS_MEMO), join(dir, 'memos/2027-text-reminders.md'));
    expect(coverage(eis(['check', '--format', 'json'], { cwd: dir }))).toEqual([
      expect.stringMatching(/^coverage\/missing memos\/2027-text-reminders\.md:1 .*its statement is memos\/text-payment-reminders\.eis\.yaml/),
      expect.stringContaining(`was renamed to memos/2027-text-reminders.md; the statement still has the old name. | Move it with: eis mv ${REMINDERS_MEMO} memos/2027-text-reminders.md`),
    ]);
  });

  it('--since reports a rename, a new memo in a subfolder and one with another extension, all committed on the branch', () => {
    const { dir } = track(exampleRepo());
    edit(dir, 'eis.config.yaml', ['"memos/**/*.{md,markdown,docx}"', '"memos/*.md"']);
    git(dir, 'commit', '-qam', 'narrow glob');
    git(dir, 'checkout', '-qb', 'feature');
    git(dir, 'mv', REMINDERS_MEMO, 'memos/text-reminders.md');
    mkdirSync(join(dir, 'memos/2027'));
    writeFileSync(join(dir, 'memos/2027/child-care.md'), '# Child care\n');
    writeFileSync(join(dir, 'memos/fees.markdown'), '# Fees\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'rename and new memos');
    const r = eis(['check', '--since', 'main', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(coverage(r).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'coverage/missing memos/text-reminders.md:1',
      'coverage/uncovered memos/2027/child-care.md:1',
      'coverage/uncovered memos/fees.markdown:1',
      `coverage/orphan ${REMINDERS}:1`,
    ]);
    expect(coverage(r)[3]).toContain('was renamed to memos/text-reminders.md');
    // Without --since, HEAD is the base: the committed rename is not seen, but the orphan is.
    expect(coverage(eis(['check', '--format', 'json'], { cwd: dir })).find((f) => f.startsWith('coverage/orphan'))).toContain('is gone');
    // Nothing of this changed since HEAD: --since HEAD reports none of it.
    expect(coverage(eis(['check', '--since', 'HEAD', '--format', 'json'], { cwd: dir }))).toEqual([]);
  });
});

describe('eis mv', () => {
  const LISTED = '  author: Dana Ruiz, Policy Analyst\n  memos:\n    - id: memo\n      path: text-payment-reminders.md  # the memo itself\n    - id: appendix\n      path: ../shared/appendix.md\n';

  it('moves a tracked memo and its statement with git mv; the memo list follows; the approval stays valid', () => {
    const { dir } = track(exampleRepo());
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/appendix.md'), '# Appendix\n');
    edit(dir, REMINDERS, ['  author: Dana Ruiz, Policy Analyst\n', LISTED]);
    // The statement now covers two memos: the reviewers approve it again.
    for (const email of ['morgan.lee@example.gov', 'sam.ortiz@example.gov']) expect(eis(['signoff', REMINDERS, '--as', email, '--decision', 'approve'], { cwd: dir }).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'memo list');
    const before = eis(['check', REMINDERS], { cwd: dir });
    expect(before.code).toBe(0);
    const r = eis(['mv', REMINDERS_MEMO, 'memos/2027/reminders.md'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout: `moved ${REMINDERS_MEMO} -> memos/2027/reminders.md\nmoved ${REMINDERS} -> memos/2027/reminders.eis.yaml\nupdated 2 paths in the memo list of memos/2027/reminders.eis.yaml\n`,
      stderr: '',
    });
    expect(git(dir, 'status', '--short').split('\n').filter(Boolean).sort()).toEqual([`R  ${REMINDERS_MEMO} -> memos/2027/reminders.md`, `RM ${REMINDERS} -> memos/2027/reminders.eis.yaml`]);
    const text = readFileSync(join(dir, 'memos/2027/reminders.eis.yaml'), 'utf8');
    expect(text).toContain('      path: reminders.md # the memo itself\n');
    expect(text).toContain('      path: ../../shared/appendix.md\n');
    // Only the memo list changed: the sign-off entries are as they were.
    const old = git(dir, 'show', `HEAD:${REMINDERS}`);
    expect(text.replace('reminders.md #', 'text-payment-reminders.md  #').replace('../../shared', '../shared')).toBe(old);
    const after = eis(['check', 'memos/2027/reminders.eis.yaml'], { cwd: dir });
    expect(after).toMatchObject({ code: 0, stdout: expect.stringContaining('approved, level full, 36/36 required answered') });
    expect(eis(['check', '--format', 'json'], { cwd: dir }).stdout).not.toContain('coverage/orphan');
  });

  it('after git mv of the memo, moves only the statement; the check is clean again', () => {
    const { dir } = track(exampleRepo());
    git(dir, 'mv', REMINDERS_MEMO, 'memos/text-reminders.md');
    const r = eis(['mv', REMINDERS_MEMO, 'memos/text-reminders.md'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: `moved ${REMINDERS} -> memos/text-reminders.eis.yaml\n`, stderr: 'eis: memos/text-reminders.md was moved already; its statement follows it.\n' });
    expect(readFileSync(join(dir, 'memos/text-reminders.eis.yaml'), 'utf8')).toBe(git(dir, 'show', `HEAD:${REMINDERS}`));
    const check = eis(['check', '--format', 'json'], { cwd: dir });
    expect(coverage(check)).toEqual([]);
    expect(JSON.parse(check.stdout).statements.find((s: { file: string }) => s.file === 'memos/text-reminders.eis.yaml').findings).toEqual([]);
  });

  it('into a folder, like mv: the memo keeps its name', () => {
    const { dir } = track(copyExamples());
    mkdirSync(join(dir, 'memos/2026'));
    const r = eis(['mv', REMINDERS_MEMO, 'memos/2026'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: `moved ${REMINDERS_MEMO} -> memos/2026/text-payment-reminders.md\nmoved ${REMINDERS} -> memos/2026/text-payment-reminders.eis.yaml\n` });
  });

  it('outside git, renames the files', () => {
    const { dir } = track(copyExamples());
    const r = eis(['mv', 'memos/online-application-portal.md', 'memos/portal.md'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: 'moved memos/online-application-portal.md -> memos/portal.md\nmoved memos/online-application-portal.eis.yaml -> memos/portal.eis.yaml\n' });
    expect([existsSync(join(dir, 'memos/portal.eis.yaml')), existsSync(join(dir, 'memos/online-application-portal.eis.yaml'))]).toEqual([true, false]);
  });

  it('refuses, with one line and exit 2, and moves nothing', () => {
    const { dir } = track(exampleRepo());
    const cases: Array<[string[], string]> = [
      [
        [REMINDERS_MEMO, 'memos/online-application-portal.md'],
        'eis: memos/online-application-portal.md: the target exists; eis mv never replaces a file. Choose another name, or move the file that is there first.\n',
      ],
      [
        ['memos/nope.md', 'memos/new.md'],
        'eis: memos/nope.md: the memo does not exist (and nothing is at the new path either). Check the spelling; eis mv also takes a memo already moved, when the new path exists.\n',
      ],
      [[REMINDERS_MEMO, '../elsewhere.md'], `eis: ../elsewhere.md: the path is outside the repository; eis mv moves files within it. Give paths inside ${dir}.\n`],
      [[REMINDERS, 'memos/x.eis.yaml'], `eis: ${REMINDERS}: this is a statement; eis mv takes the memo, and its statement moves with it. Name the memo files, e.g. eis mv memos/a.md memos/b.md.\n`],
      [
        ['memos/license-suspension-change.md', 'memos/lsc.md'],
        'eis: memos/license-suspension-change.md: the memo has no statement at memos/license-suspension-change.eis.yaml, so there is nothing for eis mv to move with it. Move a memo without a statement with git mv (or mv).\n',
      ],
    ];
    for (const [args, stderr] of cases) expect(eis(['mv', ...args], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr });
    // The new memo's statement exists already.
    writeFileSync(join(dir, 'memos/reminders.eis.yaml'), 'eis: 1\n');
    expect(eis(['mv', REMINDERS_MEMO, 'memos/reminders.md'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("memos/reminders.eis.yaml: the new memo's statement exists already"),
    });
    rmSync(join(dir, 'memos/reminders.eis.yaml'));
    expect(git(dir, 'status', '--short')).toBe('');
  });

  it('--help shows examples', () => {
    const help = eis(['mv', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ git mv memos/a.md memos/b.md && eis mv memos/a.md memos/b.md');
  });
});

describe('Word memos', () => {
  it('a .docx memo needs a statement with the default globs, and eis lint reads it: a damaged one is said to be at the file', () => {
    const { dir } = track(copyExamples());
    writeFileSync(join(dir, 'memos/fees.docx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(coverage(eis(['check', '--format', 'json'], { cwd: dir }))).toEqual([expect.stringMatching(/^coverage\/missing memos\/fees\.docx:1 /)]);
    const lint = eis(['lint', '--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(JSON.parse(lint.stdout).findings).toContainEqual(
      expect.objectContaining({ code: 'file/unreadable', file: 'memos/fees.docx', message: 'The Word file is damaged or not a Word file: it is not a zip archive.' }),
    );
  });
});

describe('eis init writes recursive globs for every memo-like extension', () => {
  it('and the config it writes reports a .markdown memo in a subfolder', () => {
    const { dir } = track(emptyRepo({ 'memos/a.md': '# A\n', 'memos/2026/b.markdown': '# B\n', 'memos/README.md': '# About\n' }));
    expect(eis(['init'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'eis.config.yaml'), 'utf8')).toContain('  memos:\n    - "memos/**/*.{md,markdown,docx}"\n');
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).findings.map((f: Found) => `${f.code} ${f.file}`)).toEqual(['coverage/missing memos/2026/b.markdown', 'coverage/missing memos/a.md']);
  });
});
