// eis diff against real git repositories: branches, commits, renames, added and deleted statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eis, tempTree } from '../helpers/cli.js';
import { edit, exampleRepo, git, PORTAL, REMINDERS } from './git.js';

const NEW_STATEMENT = `eis: 1
questionnaire: equity-impact@1
initiative:
  title: Licence suspension notice wording
  kind: memo
  summary: Plain words in the licence suspension notice.
  division: Legal Services
  author: Kim Tran
  status: draft
screening:
  affected: [noncustodial-parents]
  changes: [notices-forms]
  known_disparities: unknown
  staff_discretion: no
populations:
  groups:
    - id: rural-parents
      population: region
      name: Parents in rural counties
      effect: direct
      direction: unknown
      why: Mail takes longer to reach them.
`;

let repo: { dir: string; cleanup: () => void };

beforeAll(() => {
  repo = exampleRepo();
  const { dir } = repo;
  git(dir, 'checkout', '-qb', 'feature');
  edit(
    dir,
    REMINDERS,
    ['Texts come in English and Spanish first', 'Texts come in English, Spanish and Vietnamese first'],
    ['  status: approved', '  status: draft'],
    ['      direction: benefit\n', '      direction: burden\n'],
    ['translations: [spanish, vietnamese,', 'translations: [spanish, arabic,'],
    ['    - id: obligor\n', '    - id: obligor-term\n'],
    [
      `    - id: keep-mail
      what: Keep mailed notices for everyone, and never treat not enrolling as non-cooperation
      populations: [parents-without-reliable-phone]
      owner: Program Operations Division
      due: 2026-06-01
      measure: No change in mailed notice volume; audit of case notes
      status: in-progress
`,
      '',
    ],
    ['      populations: [survivors]', '      populations: []'],
    ['review_date: 2027-06-30', 'review_date: 2027-12-31'],
  );
  git(dir, 'mv', PORTAL, 'memos/online-portal.eis.yaml');
  git(dir, 'mv', 'memos/online-application-portal.md', 'memos/online-portal.md');
  edit(dir, 'memos/online-portal.eis.yaml', ['  author: ', '  author: Sam Ortiz for ']);
  writeFileSync(join(dir, 'memos/license-suspension-change.eis.yaml'), NEW_STATEMENT);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'feature work');
});

afterAll(() => repo.cleanup());

describe('eis diff --git', () => {
  it('describes every changed statement as text, concerns first', async () => {
    const r = eis(['diff', '--git', 'main'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff-feature.txt');
  });

  it('writes a pull-request comment in Markdown', async () => {
    const r = eis(['diff', '--git', 'main', '--format', 'md'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('<!-- eis diff -->');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff-feature.md');
  });

  it('gives the same comparison as data in JSON', async () => {
    const r = eis(['diff', '--git', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.statements.map((s: { file: string; change: string }) => `${s.change} ${s.file}`)).toEqual([
      'added memos/license-suspension-change.eis.yaml',
      'renamed memos/online-portal.eis.yaml',
      'modified memos/text-payment-reminders.eis.yaml',
    ]);
    const reminders = data.statements[2];
    expect(reminders.concerns.map((c: { kind: string }) => c.kind)).toEqual(['flagged-entry', 'addressing-removed', 'addressing-narrowed', 'review-later', 'status-back']);
    // A renamed entry id reads as one entry removed and one added.
    const access = reminders.sections.find((s: { id: string }) => s.id === 'access');
    expect(access.changes.filter((c: { kind: string }) => c.kind === 'entry').map((c: { op: string; id: string }) => `${c.op} ${c.id}`)).toEqual(['removed obligor', 'added obligor-term']);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff-feature.json');
  });

  it('compares two commits with REF..REF2, the same as the working tree at REF2', () => {
    const range = eis(['diff', '--git', 'main..feature'], { cwd: repo.dir });
    const tree = eis(['diff', '--git', 'main'], { cwd: repo.dir });
    expect(range.code).toBe(0);
    expect(range.stdout).toBe(tree.stdout);
  });

  it('shows a deleted statement and follows a rename backwards', async () => {
    const r = eis(['diff', '--git', 'feature..main'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('memos/license-suspension-change.eis.yaml  Licence suspension notice wording  (deleted)');
    expect(r.stdout).toContain('memos/online-application-portal.eis.yaml  Online application portal  (renamed from memos/online-portal.eis.yaml)');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/diff-reverse.txt');
  });

  it('limits the comparison to the given paths', () => {
    const r = eis(['diff', '--git', 'main', REMINDERS, '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual([REMINDERS]);
  });

  it('includes uncommitted and untracked statements, and --exit-code says whether anything changed', () => {
    expect(eis(['diff', '--git', 'HEAD', '--exit-code'], { cwd: repo.dir })).toMatchObject({ code: 0, stdout: 'No changes to statements.\n' });
    mkdirSync(join(repo.dir, 'drafts'));
    writeFileSync(join(repo.dir, 'drafts/new.eis.yaml'), NEW_STATEMENT.replace('Licence suspension notice wording', 'A draft'));
    try {
      const r = eis(['diff', '--git', 'HEAD', '--exit-code'], { cwd: repo.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('drafts/new.eis.yaml  A draft  (added)');
    } finally {
      git(repo.dir, 'clean', '-qfd', 'drafts');
    }
    const text = readFileSync(join(repo.dir, REMINDERS), 'utf8');
    writeFileSync(join(repo.dir, REMINDERS), `# a comment\n${text}`);
    try {
      expect(eis(['diff', '--git', 'HEAD', '--exit-code'], { cwd: repo.dir }).code).toBe(0);
    } finally {
      writeFileSync(join(repo.dir, REMINDERS), text);
    }
  });

  it('runs from a subfolder and shows paths from there', () => {
    const r = eis(['diff', '--git', 'main', '--format', 'json'], { cwd: join(repo.dir, 'memos') });
    expect(JSON.parse(r.stdout).statements.map((s: { file: string }) => s.file)).toEqual(['license-suspension-change.eis.yaml', 'online-portal.eis.yaml', 'text-payment-reminders.eis.yaml']);
  });
});

describe('eis diff: bad input', () => {
  it('a ref that does not exist', () => {
    const r = eis(['diff', '--git', 'no-such-branch'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('eis: "no-such-branch" is not a commit in this repository. Check the name with git log; in CI, fetch the history (fetch-depth: 0 with actions/checkout).\n');
  });

  it('a ref that looks like an option', () => {
    const r = eis(['diff', '--git=--output=/tmp/x'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^eis: "--output=\/tmp\/x" is not a usable git ref\./);
    const range = eis(['diff', '--git', 'main..-x'], { cwd: repo.dir });
    expect(range.code).toBe(2);
    expect(range.stderr).toMatch(/"-x" is not a usable git ref/);
  });

  it('a path outside the repository, or one that looks like an option', () => {
    const outside = eis(['diff', '--git', 'main', '..'], { cwd: repo.dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^eis: \.\.: the path is outside the git repository\./);
    const option = eis(['diff', '--git', 'main', '--', '-p'], { cwd: repo.dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/"-p" looks like an option, not a path/);
  });

  it('a folder that is not a git repository', () => {
    const tree = tempTree({ 'a.eis.yaml': NEW_STATEMENT });
    try {
      const r = eis(['diff', '--git', 'main'], { cwd: tree.dir, env: { GIT_CEILING_DIRECTORIES: tree.dir } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/this folder is not inside a git repository/);
    } finally {
      tree.cleanup();
    }
  });

  it('statements of two questionnaire versions with no migration between them', () => {
    const tree = tempTree({ 'old.eis.yaml': NEW_STATEMENT, 'new.eis.yaml': NEW_STATEMENT.replace('equity-impact@1', 'equity-impact@3') });
    try {
      const r = eis(['diff', 'old.eis.yaml', 'new.eis.yaml'], { cwd: tree.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'eis: new.eis.yaml: cannot compare the two versions answer by answer: the old one answers equity-impact@1 and the new one equity-impact@3, and eis has no migration between them, so their questions cannot be matched. Move the old statement to equity-impact@3 first (review its answers and change its pin), or compare the files as text with git diff.\n',
      );
    } finally {
      tree.cleanup();
    }
  });

  it('files mode needs exactly two files', () => {
    const r = eis(['diff', REMINDERS], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/eis diff compares two statement files; 1 was given/);
  });
});

describe('eis diff OLD NEW', () => {
  it('compares two files', () => {
    const tree = tempTree({ 'old.eis.yaml': NEW_STATEMENT, 'new.eis.yaml': NEW_STATEMENT.replace('direction: unknown', 'direction: neutral').replace('Mail takes longer', 'Mail often takes longer') });
    try {
      const r = eis(['diff', 'old.eis.yaml', 'new.eis.yaml', '--exit-code'], { cwd: tree.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(
        [
          'new.eis.yaml  Licence suspension notice wording  (modified)',
          '  Populations',
          '    Affected populations',
          '      ~ Parents in rural counties',
          '          Effect: Unknown -> Neutral',
          '          Why this effect: Mail {+often +}takes longer to reach them.',
          '',
          '1 statement (1 changed); nothing needs special attention.',
          '',
        ].join('\n'),
      );
    } finally {
      tree.cleanup();
    }
  });
});

describe('eis diff --git: the changes a reviewer must see', () => {
  const HASH = (digit: string) => `sha256:${digit.repeat(64)}`;
  let signed: { dir: string; cleanup: () => void };

  beforeAll(() => {
    signed = exampleRepo();
    // The first sign-off, with a memo hash that is easy to read in the output.
    edit(signed.dir, REMINDERS, [
      '      comments: Approved with the adjustments above.\n      memo_hash: sha256:00d02d4c8e1b2493fcc2b2e440df4bc157a3da7d5d5de936de73aedda1a576d8\n',
      `      comments: Approved with the adjustments above.\n      memo_hash: ${HASH('1')}\n`,
    ]);
    git(signed.dir, 'commit', '-qam', 'signed off');
  });

  afterAll(() => signed.cleanup());

  /** Runs eis diff against the last commit with some edits in the working tree, then undoes them. */
  function diffAfter(edits: () => void, format = 'text') {
    edits();
    try {
      return eis(['diff', '--git', 'HEAD', '--format', format], { cwd: signed.dir });
    } finally {
      git(signed.dir, 'checkout', '-q', '--', '.');
    }
  }

  it("a memo changed and the reviewer's memo hash overwritten by hand", () => {
    const r = diffAfter(() => {
      edit(signed.dir, 'memos/text-payment-reminders.md', ['Texts', 'Texts and emails']);
      edit(signed.dir, REMINDERS, [`memo_hash: ${HASH('1')}`, `memo_hash: ${HASH('2')}`]);
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'memos/text-payment-reminders.eis.yaml  Text-message payment reminders  (modified)',
        '  Needs attention',
        '    ! Reviewers: the sign-off by "Morgan Lee" was edited: Memo content hash at sign-off changed.',
        '  Sign-off',
        '    Reviewers',
        '      ~ Morgan Lee',
        '          Memo content hash at sign-off:',
        `            sha256:[-${'1'.repeat(64)}-]{+${'2'.repeat(64)}+}`,
        '',
        '1 statement (1 changed); 1 change needs attention.',
        '',
      ].join('\n'),
    );
  });

  it('Unknown -> Burden, first in the pull-request comment', () => {
    const r = diffAfter(() => edit(signed.dir, REMINDERS, ['      direction: unknown\n', '      direction: burden\n']), 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '<!-- eis diff -->',
        '## Equity impact statements',
        '',
        '1 statement (1 changed); 1 change needs attention.',
        '',
        '### `memos/text-payment-reminders.eis.yaml`: Text-message payment reminders',
        '',
        '_Changed._ Questionnaire `equity-impact@1`.',
        '',
        '> [!WARNING]',
        '> **Needs attention**',
        '>',
        '> - Affected populations: "Parents with limited English": Effect: Unknown → Burden.',
        '',
        '#### Populations',
        '',
        '**Affected populations: Parents with limited English**: changed.',
        '',
        '| Field | Before | After |',
        '| --- | --- | --- |',
        '| Effect | Unknown | Burden |',
        '',
      ].join('\n'),
    );
  });
});
