// The check cache, through the built binary: a second run gives exactly what a fresh check gives,
// whatever changed in between (the statement, its memo, the config, the date), and lives outside
// the repository.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExamples, eis, olderVersionNote } from '../helpers/cli.js';

const REMINDERS = 'memos/text-payment-reminders.eis.yaml';
const MEMO = 'memos/text-payment-reminders.md';

let repo: { dir: string; cleanup: () => void };
let cacheDir: string;
beforeEach(() => {
  repo = copyExamples();
  cacheDir = mkdtempSync(join(tmpdir(), 'eis-cache-'));
});
afterEach(() => {
  repo.cleanup();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** eis check with this test's cache folder, and the same check with no cache, which must agree. */
function check(args: string[] = [], env: Record<string, string> = {}) {
  const cached = eis(['check', ...args, '--format', 'json'], { cwd: repo.dir, env: { EIS_CACHE_DIR: cacheDir, ...env } });
  const fresh = eis(['check', ...args, '--format', 'json', '--no-cache'], { cwd: repo.dir, env: { EIS_CACHE_DIR: cacheDir, ...env } });
  expect(cached.stdout).toBe(fresh.stdout);
  expect(cached.code).toBe(fresh.code);
  return { ...cached, json: JSON.parse(cached.stdout) };
}

const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
const codes = (json: { statements: Array<{ file: string; findings: Array<{ code: string }> }> }, file: string) => json.statements.find((s) => s.file === file)!.findings.map((f) => f.code);

describe('eis check with its cache', () => {
  it('keeps reports in the cache folder, not in the repository, and reuses them', () => {
    const before = readdirSync(repo.dir, { recursive: true }).sort();
    const first = check();
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toMatch(/^check-[0-9a-f]{16}\.json$/);
    expect(readdirSync(repo.dir, { recursive: true }).sort()).toEqual(before);
    expect(check().stdout).toBe(first.stdout);
    // A report is reused, not made again: one planted in the cache shows.
    const file = join(cacheDir, cacheFiles()[0]);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const entry = Object.entries(stored.entries).find(([path]) => path.endsWith('text-payment-reminders.eis.yaml'))![1] as { report: { title: string } };
    entry.report.title = 'PLANTED';
    writeFileSync(file, JSON.stringify(stored));
    const planted = eis(['check', '--format', 'json'], { cwd: repo.dir, env: { EIS_CACHE_DIR: cacheDir } });
    expect(planted.stdout).toContain('PLANTED');
    expect(eis(['check', '--format', 'json', '--no-cache'], { cwd: repo.dir, env: { EIS_CACHE_DIR: cacheDir } }).stdout).not.toContain('PLANTED');
  });

  it('checks a changed statement again', () => {
    check();
    writeFileSync(join(repo.dir, REMINDERS), readFileSync(join(repo.dir, REMINDERS), 'utf8').replace('  status: approved', '  status: approvd'));
    expect(codes(check().json, REMINDERS)).toContain('schema/unknown-choice');
  });

  it('reports an approved statement stale once its memo changes, and not once the memo is back', () => {
    eis(['signoff', REMINDERS, '--name', 'Ana Diaz', '--role', 'Lead', '--decision', 'approve'], { cwd: repo.dir });
    expect(codes(check().json, REMINDERS)).not.toContain('stale');
    const memo = readFileSync(join(repo.dir, MEMO));
    appendFileSync(join(repo.dir, MEMO), '\nA late change.\n');
    expect(codes(check().json, REMINDERS)).toContain('stale');
    expect(codes(check().json, REMINDERS)).toContain('stale');
    writeFileSync(join(repo.dir, MEMO), memo);
    expect(codes(check().json, REMINDERS)).not.toContain('stale');
  });

  it('starts afresh when the config or the date changes', () => {
    const first = check();
    const config = join(repo.dir, 'eis.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('rules:\n', 'rules:\n  required: warning\n'));
    const relaxed = check();
    expect(relaxed.stdout).not.toBe(first.stdout);
    const later = check([], { EIS_TODAY: '2031-01-01' });
    expect(codes(later.json, REMINDERS)).toContain('rule/review-overdue');
  });

  it('removes cache files not used for a month', () => {
    const old = join(cacheDir, 'check-0123456789abcdef.json');
    const recent = join(cacheDir, 'check-fedcba9876543210.json');
    writeFileSync(old, '{}');
    writeFileSync(recent, '{}');
    const monthAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(old, monthAgo, monthAgo);
    check();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('ignores a cache file that is not what it should be, and a cache folder it cannot write', () => {
    check();
    // Reports of the wrong shape under the right key and hashes: checked afresh, not a crash.
    const file = join(cacheDir, cacheFiles()[0]);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const shapes = [null, {}, { file: 'x', findings: [{}] }, { file: 'x', findings: 'none' }];
    for (const [i, entry] of Object.values(stored.entries).entries()) (entry as { report: unknown }).report = shapes[i % shapes.length];
    writeFileSync(file, JSON.stringify(stored));
    check();
    for (const f of cacheFiles()) writeFileSync(join(cacheDir, f), '{"key": "x", "entries": nul');
    check();
    const notAFolder = join(cacheDir, 'file');
    writeFileSync(notAFolder, '');
    const r = check([], { EIS_CACHE_DIR: notAFolder });
    expect(r.stderr).toBe(olderVersionNote(2));
  });
});
