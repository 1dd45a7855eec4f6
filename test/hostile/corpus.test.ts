// The hostile-input corpus through every command of the built binary. Each input gets a clear
// error or a correct result: exit 0, 1 or 2, no stack trace, within bounded time and memory, and
// no file changed unless the command was asked to write (answer, signoff: then only the statement,
// and it still reads as YAML). Small inputs are in test/fixtures/hostile/; big ones, file-system
// oddities and hostile names are made here, at test time.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { decodeText } from '../../src/core/yaml/decode.js';
import { ROOT, tempTree } from '../helpers/cli.js';
import { canMeasureMemory, changes, fingerprint, looksLikeACrash, runEis, timeSpent, type HostileRun } from './run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
const GOOD = readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml'), 'utf8');
const CLEAN = readFileSync(join(ROOT, 'examples', 'memos', 'text-payment-reminders.eis.yaml'), 'utf8')
  // Not approved, so that no sign-off or memo hash is involved: this statement is complete (exit 0).
  .replace('  status: approved', '  status: in-review');
const isRoot = process.getuid?.() === 0;

const tree = tempTree();
const repo = join(tree.dir, 'repo');
const outside = join(tree.dir, 'outside');
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  tree.cleanup();
});

interface Case {
  id: string;
  /** The statement path given to every command, relative to the case folder. */
  target: string;
  make(dir: string): void;
  /** The exit code `eis check` must give, when the right result is known. */
  check?: 0 | 1 | 2;
  /** Text of an equivalent plain statement: check must report the same for both. */
  sameAs?: string;
  /** A message the error must contain. */
  error?: RegExp;
  big?: boolean;
  /** Run the commands as this user (to make chmod mean something while tests run as root). */
  uid?: number;
}

const put = (name: string, content: string | Uint8Array) => (dir: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), content);
};
const fixture = (name: string) => put('s.eis.yaml', readFileSync(join(FIXTURES, name)));

const HEAD = 'eis: 1\nquestionnaire: equity-impact@1\n';

const cases: Case[] = [
  // Content.
  { id: 'alias bomb', target: 's.eis.yaml', make: fixture('alias-bomb.eis.yaml'), check: 2, error: /alias/i },
  { id: 'aliases in answers', target: 's.eis.yaml', make: fixture('alias-answers.eis.yaml'), check: 1 },
  { id: '__proto__ and constructor keys', target: 's.eis.yaml', make: fixture('proto-keys.eis.yaml'), check: 1 },
  { id: "other languages' YAML tags", target: 's.eis.yaml', make: fixture('foreign-tags.eis.yaml') },
  { id: 'local tags and a %TAG directive', target: 's.eis.yaml', make: fixture('local-tags.eis.yaml') },
  { id: 'duplicate keys', target: 's.eis.yaml', make: fixture('duplicate-keys.eis.yaml'), check: 2, error: /twice/ },
  { id: 'a list, not a mapping', target: 's.eis.yaml', make: fixture('not-a-mapping.eis.yaml'), check: 2 },
  { id: 'a plain scalar', target: 's.eis.yaml', make: fixture('scalar.eis.yaml'), check: 2 },
  { id: 'two documents', target: 's.eis.yaml', make: fixture('multi-document.eis.yaml'), check: 2 },
  { id: 'only a comment', target: 's.eis.yaml', make: fixture('comments-only.eis.yaml'), check: 2, error: /empty/ },
  { id: 'an empty file', target: 's.eis.yaml', make: fixture('empty.eis.yaml'), check: 2, error: /empty/ },
  { id: 'a pin that is a path', target: 's.eis.yaml', make: fixture('wrong-pin.eis.yaml'), check: 2, error: /id@version/ },
  { id: 'HTML and template syntax in answers', target: 's.eis.yaml', make: fixture('html-answers.eis.yaml'), check: 1 },
  { id: 'CRLF line endings', target: 's.eis.yaml', make: fixture('crlf.eis.yaml'), sameAs: readFileSync(join(FIXTURES, 'crlf.eis.yaml'), 'latin1').replace(/\r\n/g, '\n') },
  { id: 'a byte-order mark', target: 's.eis.yaml', make: fixture('bom.eis.yaml'), sameAs: readFileSync(join(FIXTURES, 'bom.eis.yaml'), 'utf8').replace(/^\ufeff/, '') },
  { id: 'lone carriage returns', target: 's.eis.yaml', make: fixture('lone-cr.eis.yaml'), sameAs: readFileSync(join(FIXTURES, 'lone-cr.eis.yaml'), 'latin1').replace(/\r/g, '\n') },
  { id: 'invalid UTF-8', target: 's.eis.yaml', make: fixture('invalid-utf8.eis.yaml'), check: 2, error: /UTF-8/ },
  { id: 'a NUL byte', target: 's.eis.yaml', make: fixture('nul-byte.eis.yaml'), check: 2, error: /NUL/ },
  { id: 'UTF-16 LE with a BOM', target: 's.eis.yaml', make: fixture('utf16le-bom.eis.yaml'), check: 2, error: /UTF-16/ },
  { id: 'UTF-16 BE with a BOM', target: 's.eis.yaml', make: fixture('utf16be-bom.eis.yaml'), check: 2, error: /UTF-16/ },
  { id: 'UTF-16 without a BOM', target: 's.eis.yaml', make: fixture('utf16le-no-bom.eis.yaml'), check: 2 },
  // Size.
  { id: 'a 50 MB statement', target: 's.eis.yaml', big: true, check: 2, error: /larger than/, make: put('s.eis.yaml', `${HEAD}x-pad: |\n${`  ${'padding '.repeat(15)}\n`.repeat(430_000)}`) },
  { id: 'a 1 million-entry list', target: 's.eis.yaml', big: true, check: 1, make: put('s.eis.yaml', `${HEAD}x-list: [${Array(1_000_000).fill('1').join(',')}]\n`) },
  { id: '100,000 levels of flow nesting', target: 's.eis.yaml', big: true, check: 2, make: put('s.eis.yaml', `${HEAD}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`) },
  { id: '100,000 levels of block nesting', target: 's.eis.yaml', big: true, check: 2, make: put('s.eis.yaml', `${HEAD}x:\n  ${'- '.repeat(100_000)}deep\n`) },
  { id: '100,000 nested mappings', target: 's.eis.yaml', big: true, check: 2, make: put('s.eis.yaml', `${HEAD}x: ${'{a: '.repeat(100_000)}b${'}'.repeat(100_000)}\n`) },
  { id: 'a 9 MB answer on one line', target: 's.eis.yaml', big: true, check: 1, make: put('s.eis.yaml', `${HEAD}initiative:\n  title: ${'long '.repeat(1_800_000)}\n`) },
  // Names.
  { id: 'a name with spaces', target: 'with space.eis.yaml', check: 0, make: put('with space.eis.yaml', CLEAN) },
  { id: 'a name with quotes', target: `quote"s 'and' \`ticks\`.eis.yaml`, check: 0, make: put(`quote"s 'and' \`ticks\`.eis.yaml`, CLEAN) },
  { id: 'a name with a newline', target: 'new\nline.eis.yaml', check: 0, make: put('new\nline.eis.yaml', CLEAN) },
  { id: 'a name with a leading dash', target: '-dash.eis.yaml', check: 0, make: put('-dash.eis.yaml', CLEAN) },
  { id: 'a name that looks like a flag', target: '--help.eis.yaml', check: 0, make: put('--help.eis.yaml', CLEAN) },
  { id: 'a name with shell syntax', target: '$(touch CANARY-shell);`touch CANARY-tick`.eis.yaml', check: 0, make: put('$(touch CANARY-shell);`touch CANARY-tick`.eis.yaml', CLEAN) },
  { id: 'a name in a folder with spaces and accents', target: 'dossier été/ñame.eis.yaml', check: 0, make: put('dossier été/ñame.eis.yaml', CLEAN) },
  // The file system.
  { id: 'a symbolic link to itself', target: 's.eis.yaml', check: 2, error: /symbolic link that loops/, make: (d) => symlinkSync('s.eis.yaml', join(d, 's.eis.yaml')) },
  {
    id: 'two links that loop',
    target: 's.eis.yaml',
    check: 2,
    error: /symbolic link that loops/,
    make: (d) => {
      symlinkSync('t.eis.yaml', join(d, 's.eis.yaml'));
      symlinkSync('s.eis.yaml', join(d, 't.eis.yaml'));
    },
  },
  { id: 'a dangling link', target: 's.eis.yaml', check: 2, make: (d) => symlinkSync('nowhere.eis.yaml', join(d, 's.eis.yaml')) },
  { id: 'a link to a statement outside the repository', target: 's.eis.yaml', make: (d) => symlinkSync(join(outside, 'secret.eis.yaml'), join(d, 's.eis.yaml')) },
  { id: 'a link to /dev/zero', target: 's.eis.yaml', check: 2, error: /not a regular file/, make: (d) => symlinkSync('/dev/zero', join(d, 's.eis.yaml')) },
  { id: 'a named pipe', target: 's.eis.yaml', check: 2, error: /not a regular file/, make: (d) => execFileSync('mkfifo', [join(d, 's.eis.yaml')]) },
  { id: 'a statement that is a directory', target: 's.eis.yaml', check: 2, error: /directory/, make: (d) => mkdirSync(join(d, 's.eis.yaml')) },
  {
    id: 'a folder holding a link loop',
    target: '.',
    make: (d) => {
      mkdirSync(join(d, 'sub'));
      symlinkSync('..', join(d, 'sub', 'up'));
    },
  },
  ...(isRoot
    ? [
        {
          id: 'an unreadable file (commands run as nobody)',
          target: 's.eis.yaml',
          uid: 65534,
          check: 2 as const,
          error: /permission denied/,
          make: (d: string) => {
            writeFileSync(join(d, 's.eis.yaml'), GOOD);
            chmodSync(join(d, 's.eis.yaml'), 0o000);
          },
        },
      ]
    : []),
];

/** Every command, with the statement where it takes one. Writers may change the statement. */
const COMMANDS: Array<{ args: (t: string) => string[]; writes?: boolean; json?: boolean }> = [
  { args: (t) => ['check', '--', t] },
  { args: (t) => ['check', '--format', 'json', '--', t], json: true },
  { args: (t) => ['render', '--', t] },
  { args: (t) => ['render', '--format', 'html', '--', t] },
  { args: (t) => ['diff', '--', 'good.eis.yaml', t] },
  { args: (t) => ['diff', '--format', 'json', '--', t, 'good.eis.yaml'], json: true },
  { args: (t) => ['lint', '--', t] },
  { args: (t) => ['status', '--', t] },
  { args: (t) => ['status', '--format', 'json', '--', t], json: true },
  { args: (t) => ['answer', '--answers', 'answers.yaml', '--', t], writes: true },
  { args: (t) => ['signoff', '--name', 'Ana Souza', '--role', 'Equity officer', '--decision', 'approve', '--', t], writes: true },
];

// Time limits are on CPU time (see timeSpent); every run is also stopped at twice the limit of wall time.
const LIMIT_MS = 10_000;
// The big inputs (a million entries, 100,000 levels) are bounded too, more loosely: on a loaded
// two-core machine a million-node YAML document alone takes 10-20 s to parse with positions.
const BIG_LIMIT_MS = 60_000;
const LIMIT_MB = 400;
const BIG_LIMIT_MB = 2_000;
const measured: Array<{ id: string; args: string; ms: number; mb?: number; code: number | null }> = [];

function caseDir(id: string): string {
  return join(repo, 'cases', id.replace(/[^a-z0-9]+/gi, '-'));
}

beforeAll(() => {
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.eis.yaml'), GOOD);
  mkdirSync(join(repo, 'cases'), { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  for (const c of cases) {
    const dir = caseDir(c.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'good.eis.yaml'), GOOD);
    writeFileSync(join(dir, 'memo.md'), '# A memo\n\nParents can pay by text message.\n');
    writeFileSync(join(dir, 'answers.yaml'), 'proposal:\n  desired_results: Fewer missed payments, in every group.\n');
    if (c.sameAs !== undefined) writeFileSync(join(dir, 'reference.eis.yaml'), c.sameAs);
    c.make(dir);
  }
  if (isRoot) {
    // The unreadable case runs as nobody, who must be able to reach its folder.
    for (const d of [tree.dir, repo, join(repo, 'cases')]) chmodSync(d, 0o755);
    for (const c of cases.filter((c) => c.uid !== undefined)) chmodSync(caseDir(c.id), 0o755);
  }
}, 120_000);

function expectWellBehaved(c: Case, run: HostileRun, label: string): void {
  const where = `${c.id}: eis ${run.args.join(' ')}\n--- stdout\n${run.stdout.slice(0, 2000)}\n--- stderr\n${run.stderr.slice(0, 2000)}`;
  expect(run.timedOut, `timed out after ${run.ms} ms. ${where}`).toBe(false);
  expect(looksLikeACrash(run), where).toBeUndefined();
  expect([0, 1, 2], `exit code ${run.code} (signal ${run.signal}). ${where}`).toContain(run.code);
  expect(timeSpent(run), `${label} took ${timeSpent(run)} ms of CPU (${run.ms} ms wall)`).toBeLessThan(c.big ? BIG_LIMIT_MS : LIMIT_MS);
  if (run.mb !== undefined) expect(run.mb, `${label} used ${run.mb} MB`).toBeLessThan(c.big ? BIG_LIMIT_MB : LIMIT_MB);
  if (run.code === 2) {
    // A clear error: eis's one-line message on stderr, or a report that names the file.
    const oneLine = run.stderr.split('\n').some((l) => /^eis: \S/.test(l));
    expect(oneLine || run.stdout.includes(c.target.split('/').pop()!.split('\n')[0]), `no clear error. ${where}`).toBe(true);
  }
}

describe('the hostile corpus through every command', () => {
  for (const c of cases) {
    it.concurrent(c.id, { timeout: 300_000 }, async () => {
      const dir = caseDir(c.id);
      if (c.sameAs !== undefined) {
        // Before anything writes to it: the same report as the plain version of the same statement.
        const a = await runEis(['check', '--format', 'json', '--', c.target], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
        const b = await runEis(['check', '--format', 'json', '--', 'reference.eis.yaml'], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
        expect(a.code).toBe(b.code);
        expect(a.stdout.replaceAll(c.target, 'X')).toBe(b.stdout.replaceAll('reference.eis.yaml', 'X'));
      }
      for (const command of COMMANDS) {
        const before = fingerprint(dir);
        const outsideBefore = fingerprint(outside);
        const args = command.args(c.target);
        const run = await runEis(args, { cwd: dir, timeoutMs: (c.big ? BIG_LIMIT_MS : LIMIT_MS) * 2, uid: c.uid, gid: c.uid });
        measured.push({ id: c.id, args: args.join(' '), ms: timeSpent(run), mb: run.mb, code: run.code });
        expectWellBehaved(c, run, `${c.id}: ${args.join(' ')}`);
        if (command.json && run.stdout.trim()) expect(() => JSON.parse(run.stdout), `${c.id}: ${args.join(' ')} printed no JSON`).not.toThrow();
        if (args[0] === 'check' && c.check !== undefined) expect(run.code, `${c.id}: eis ${args.join(' ')}\n${run.stdout}${run.stderr}`).toBe(c.check);
        if (args[0] === 'check' && c.error) expect(`${run.stdout}${run.stderr}`).toMatch(c.error);
        // Nothing outside the repository is ever written.
        expect(changes(outsideBefore, fingerprint(outside)), `${c.id}: ${args.join(' ')}`).toEqual([]);
        const changed = changes(before, fingerprint(dir));
        if (command.writes && run.code !== 2) {
          // Asked to write: only the statement changed, and it still reads as YAML.
          for (const change of changed) expect(change, `${c.id}: ${args.join(' ')}`).toBe(`changed ${c.target}`);
          if (changed.length) expect(() => parseYamlSource(decodeText(readFileSync(join(dir, c.target)), c.target), c.target)).not.toThrow();
        } else expect(changed, `${c.id}: eis ${args.join(' ')} (exit ${run.code}) changed files`).toEqual([]);
      }
    });
  }

  it('ran no code from any input: no canary file anywhere', () => {
    const found: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.name.startsWith('CANARY')) found.push(join(d, e.name));
        if (e.isDirectory() && e.name !== '.git') walk(join(d, e.name));
      }
    };
    walk(tree.dir);
    expect(found).toEqual([]);
    expect(readdirSync(ROOT).filter((f) => f.startsWith('CANARY'))).toEqual([]);
  });

  it('measured time and memory', () => {
    // Informational in the test output: the slowest runs and the largest memory.
    const slow = [...measured].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const heavy = [...measured]
      .filter((m) => m.mb !== undefined)
      .sort((a, b) => b.mb! - a.mb!)
      .slice(0, 5);
    console.log(`hostile corpus: ${measured.length} runs of ${cases.length} cases${canMeasureMemory ? '' : ' (memory not measured: no /usr/bin/time)'}`);
    for (const m of slow) console.log(`  slowest: ${m.ms} ms of CPU, ${m.mb ?? '?'} MB, exit ${m.code}: ${m.id}: eis ${m.args.replace(/\n/g, '\\n')}`);
    for (const m of heavy) console.log(`  largest: ${m.mb} MB, ${m.ms} ms of CPU: ${m.id}: eis ${m.args.replace(/\n/g, '\\n')}`);
    expect(measured.length).toBeGreaterThan(0);
  });
});

describe('a full disk', () => {
  it.skipIf(!isRoot)('refuses to save with a clear error and leaves the statement as it was (a 64 KiB tmpfs, mounted as root)', async () => {
    const dir = join(repo, 'full-disk');
    mkdirSync(dir, { recursive: true });
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    if (mounted.status !== 0) {
      // Without mount permission (a container without CAP_SYS_ADMIN) the case cannot be made.
      console.log(`full disk not tested: mount failed: ${mounted.stderr}`);
      return;
    }
    mounts.push(dir);
    writeFileSync(join(dir, 's.eis.yaml'), GOOD);
    writeFileSync(join(dir, 'answers.yaml'), `proposal:\n  desired_results: "${'A long answer. '.repeat(400)}"\n`);
    // Fill what is left.
    try {
      writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024));
    } catch {
      /* full, as intended */
    }
    const before = fingerprint(dir);
    const run = await runEis(['answer', 's.eis.yaml', '--answers', 'answers.yaml'], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
    expect(looksLikeACrash(run), run.stderr).toBeUndefined();
    expect(run.code).toBe(2);
    // The one-line error (it names the file by its absolute path: see the note in SECURITY.md).
    expect(run.stderr).toMatch(/^eis: \S*s\.eis\.yaml: the disk is full\./m);
    expect(changes(before, fingerprint(dir))).toEqual([]);
    const signoff = await runEis(['signoff', 's.eis.yaml', '--name', 'Ana Souza', '--role', 'Equity officer', '--decision', 'approve'], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
    expect(looksLikeACrash(signoff), signoff.stderr).toBeUndefined();
    expect(changes(before, fingerprint(dir))).toEqual([]);
    expect(existsSync(join(dir, 's.eis.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 's.eis.yaml'), 'utf8')).toBe(GOOD);
    copyFileSync(join(dir, 's.eis.yaml'), join(tree.dir, 'after-full-disk.eis.yaml'));
  });
});

describe('huge statements, one command at a time', () => {
  // A list with a million invalid entries makes a million findings: they are reported, without
  // ever being spread as a call's arguments (which overflowed the stack).
  it('checks a 1 million-entry list of invalid choices with a result, not a crash', { timeout: 120_000 }, async () => {
    const dir = join(repo, 'million-invalid');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 's.eis.yaml'), `${HEAD}screening:\n  affected: [${Array(1_000_000).fill('x').join(',')}]\n`);
    const run = await runEis(['check', '--format', 'json', '--', 's.eis.yaml'], { cwd: dir, timeoutMs: 90_000 });
    expect(looksLikeACrash(run), run.stderr.slice(0, 500)).toBeUndefined();
    expect(run.code).toBe(1);
    expect(timeSpent(run)).toBeLessThan(BIG_LIMIT_MS);
  });

  // A statement with a 1 million-entry list gets the 10 s and 400 MB of every ordinary input from
  // the commands that read and change it: diff reads it once, with the fast parser; answer and
  // signoff change it without a yaml Document of the list (src/statement/change.ts sets the
  // untouched list aside and puts it back byte for byte). A whole Document alone costs 4 s and 1 GB.
  for (const args of [
    ['diff', '--', 'good.eis.yaml', 's.eis.yaml'],
    ['answer', '--answers', 'answers.yaml', '--', 's.eis.yaml'],
    ['signoff', '--name', 'Ana Souza', '--role', 'Equity officer', '--decision', 'approve', '--', 's.eis.yaml'],
  ])
    it(`eis ${args[0]} on a 1 million-entry list stays within 10 s and 400 MB`, { timeout: 120_000 }, async () => {
      const dir = caseDir('a 1 million-entry list');
      const run = await runEis(args, { cwd: dir, timeoutMs: 90_000 });
      expect(looksLikeACrash(run)).toBeUndefined();
      expect(timeSpent(run)).toBeLessThan(LIMIT_MS);
      if (run.mb !== undefined) expect(run.mb).toBeLessThan(LIMIT_MB);
      else throw new Error('memory not measured');
    });

  // A large statement with CRLF line endings: the change is made on LF text and written back with
  // CRLF, so it takes the same bounded path as LF, and the file does not end up with mixed endings.
  // (It used to take the whole yaml Document: 11 s and 590 MB for these 200,000 lines.)
  it('eis answer on a 200,000-line list with CRLF line endings stays within 10 s and 400 MB, and keeps CRLF', { timeout: 120_000 }, async () => {
    const dir = join(repo, 'long-crlf');
    mkdirSync(dir, { recursive: true });
    const list = `${HEAD}x-list:\n${'  - 1\n'.repeat(200_000)}`.replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 's.eis.yaml'), list);
    writeFileSync(join(dir, 'answers.yaml'), 'proposal:\n  desired_results: Fewer missed payments, in every group.\n');
    const run = await runEis(['answer', '--answers', 'answers.yaml', '--', 's.eis.yaml'], { cwd: dir, timeoutMs: 90_000 });
    expect(looksLikeACrash(run), run.stderr.slice(0, 500)).toBeUndefined();
    expect(timeSpent(run)).toBeLessThan(LIMIT_MS);
    if (run.mb !== undefined) expect(run.mb).toBeLessThan(LIMIT_MB);
    else throw new Error('memory not measured');
    const saved = readFileSync(join(dir, 's.eis.yaml'), 'utf8');
    expect(saved.startsWith(list.slice(0, list.indexOf('x-list')))).toBe(true);
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
    expect(saved).toContain('desired_results: Fewer missed payments, in every group.\r\n');
    expect(saved.length).toBe(list.length + 'proposal:\r\n  desired_results: Fewer missed payments, in every group.\r\n'.length);
  });

  // eis lint reads the first 100,000 characters of each answer and reports the rest as not read
  // (lint/too-long, docs/lint.md), so a 9 MB answer on one line is linted within the ordinary 10 s,
  // not the minute the language analysis of all of it takes.
  it('lints a 9 MB answer within 10 s', { timeout: 120_000 }, async () => {
    const dir = caseDir('a 9 MB answer on one line');
    const run = await runEis(['lint', '--', 's.eis.yaml'], { cwd: dir, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(timeSpent(run)).toBeLessThan(LIMIT_MS);
    expect(looksLikeACrash(run)).toBeUndefined();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}4:\d+ +error +This text is 8,999,999 characters long; eis lint reads the first 100,000 at most, and did not read the rest, from here\. +lint\/too-long$/m);
  });

  // `questionnaire: /dev/zero` (or a named pipe) in the config must not make a command hang or run
  // out of memory: it is refused, and so is a pipe inside the repository.
  it('refuses a config whose questionnaire is /dev/zero', { timeout: 60_000 }, async () => {
    const dir = join(repo, 'config-dev-zero');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'eis.config.yaml'), 'questionnaire: /dev/zero\n');
    const run = await runEis(['questions'], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    const allowed = await runEis(['--allow-external-questionnaire', 'questions'], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
    expect(allowed.timedOut).toBe(false);
    expect(allowed.code).toBe(2);
    expect(allowed.stderr).toMatch(/^eis: \/dev\/zero: the questionnaire file is not a regular file/m);
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    writeFileSync(join(dir, 'eis.config.yaml'), 'questionnaire: pipe.yaml\n');
    const pipe = await runEis(['check'], { cwd: dir, timeoutMs: LIMIT_MS * 2 });
    expect(pipe.timedOut).toBe(false);
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toMatch(/^eis: pipe\.yaml: the questionnaire file is not a regular file/m);
  });
});

describe('hostile configs through every command that reads one', () => {
  const configs: Array<{ id: string; text: string | Uint8Array }> = [
    { id: 'an alias bomb', text: readFileSync(join(FIXTURES, 'alias-bomb.eis.yaml'), 'utf8').replace(/^eis: 1\nquestionnaire: equity-impact@1\n/m, '') },
    { id: '__proto__ keys', text: '__proto__:\n  questionnaire: evil\nconstructor:\n  prototype: { rules: {} }\nrules:\n  __proto__: error\n' },
    { id: "other languages' tags", text: 'questionnaire: !!python/object/apply:os.system ["touch CANARY-config"]\nrules: !!js/function "function(){}"\n' },
    { id: 'invalid UTF-8', text: Buffer.from([0x71, 0x3a, 0x20, 0xe9, 0x0a]) },
    { id: 'a questionnaire that is a directory', text: 'questionnaire: ./\n' },
    { id: 'a questionnaire that is a statement', text: 'questionnaire: good.eis.yaml\n' },
    { id: 'templates that are /dev/zero', text: 'templates:\n  md: /dev/zero\n  html: /dev/zero\n  partials: /dev\n' },
  ];
  const CONFIG_COMMANDS = [
    ['check'],
    ['questions'],
    ['schema'],
    ['render', 'good.eis.yaml'],
    ['render', '--format', 'html', 'good.eis.yaml'],
    ['status'],
    ['lint', 'good.eis.yaml'],
    ['diff', 'good.eis.yaml', 'good.eis.yaml'],
    ['init'],
  ];
  for (const c of configs) {
    it.concurrent(c.id, { timeout: 300_000 }, async () => {
      const dir = join(repo, 'configs', c.id.replace(/[^a-z0-9]+/gi, '-'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'good.eis.yaml'), GOOD);
      writeFileSync(join(dir, 'eis.config.yaml'), c.text);
      for (const args of CONFIG_COMMANDS) {
        const before = fingerprint(dir);
        const run = await runEis(args, { cwd: dir, timeoutMs: LIMIT_MS * 2 });
        const where = `${c.id}: eis ${args.join(' ')}\n${run.stdout.slice(0, 1000)}\n${run.stderr.slice(0, 1000)}`;
        expect(run.timedOut, where).toBe(false);
        expect(looksLikeACrash(run), where).toBeUndefined();
        expect([0, 1, 2], where).toContain(run.code);
        if (run.mb !== undefined) expect(run.mb, where).toBeLessThan(LIMIT_MB);
        const changed = changes(before, fingerprint(dir));
        // init may add files, never change one; nothing else writes.
        if (args[0] === 'init')
          expect(
            changed.filter((x) => !x.startsWith('added ')),
            where,
          ).toEqual([]);
        else expect(changed, where).toEqual([]);
      }
      expect(readdirSync(dir).filter((f) => f.startsWith('CANARY'))).toEqual([]);
    });
  }
});
