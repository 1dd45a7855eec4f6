// The published package works on its own: packed, installed into an empty prefix as the install
// line in the docs does, and run outside this repository on a copy of the examples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExamples, eis, type RunResult } from '../helpers/cli.js';
import { MANIFEST, installGlobal, pack, type Packed } from '../helpers/package.js';

const ENV = { NO_COLOR: '1', EIS_TODAY: '2026-11-23' };
let packed: Packed;
let prefix: string;
let bin: string;
let examples: { dir: string; cleanup: () => void };

beforeAll(() => {
  packed = pack();
  prefix = mkdtempSync(join(tmpdir(), 'eis-prefix-'));
  bin = installGlobal(packed.tarball, prefix).bin;
  examples = copyExamples();
}, 240_000);

afterAll(() => {
  packed?.cleanup();
  if (prefix) rmSync(prefix, { recursive: true, force: true });
  examples?.cleanup();
});

/** Runs the installed eis, found where npm linked it, in the copy of the examples. */
function installed(args: string[]): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...ENV };
  delete env.FORCE_COLOR;
  const r = spawnSync(bin, args, { cwd: examples.dir, env, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the package', { timeout: 60_000 }, () => {
  it('is named for itself, and holds what the installed tool needs and none of the sources', () => {
    expect(MANIFEST.name).not.toBe('eis');
    expect(MANIFEST.bin).toEqual({ eis: 'bin/eis.js' });
    expect(packed.tarball).toBe(join(packed.dir, `${MANIFEST.name}-${MANIFEST.version}.tgz`));
    for (const file of [
      'bin/eis.js',
      'bin/package.json',
      'dist/boot.cjs',
      'dist/eis.cjs',
      'dist/check-worker.cjs',
      'dist/index.js',
      'schemas/questionnaires/equity-impact.yaml',
      'schemas/questionnaires/equity-impact.v1.yaml',
      'schemas/equity-impact.schema.json',
      'schemas/equity-impact.v1.schema.json',
      'templates/statement.md.hbs',
      'templates/statement.html.hbs',
      'README.md',
      'package.json',
    ])
      expect(packed.files).toContain(file);
    expect(packed.files.filter((f) => /^(src|test|scripts|examples)\//.test(f) || f === 'action.yml')).toEqual([]);
  });

  it('installs into an empty prefix as the command eis', () => {
    expect(realpathSync(bin)).toBe(realpathSync(join(prefix, 'lib', 'node_modules', MANIFEST.name, 'bin', 'eis.js')));
    // The package file carries the build: nothing is built on install.
    expect(existsSync(join(prefix, 'lib', 'node_modules', MANIFEST.name, 'scripts'))).toBe(false);
  });

  it('eis --version prints the version of package.json', () => {
    const r = installed(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${MANIFEST.version}\n`, stderr: '' });
  });

  it('eis check reports on the examples as the built binary does', () => {
    const r = installed(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('memos/license-suspension-change.md');
    expect(r.stdout).toContain('coverage/missing');
    expect(r.stdout).toMatch(/memos\/text-payment-reminders\.eis\.yaml {2}equity-impact@1, approved, level full, (\d+)\/\1 required answered/);
    const built = eis(['check'], { cwd: examples.dir, env: ENV });
    expect(r).toEqual(built);
  });

  it('eis render turns a statement into Markdown and HTML with its title', () => {
    const md = installed(['render', 'memos/text-payment-reminders.eis.yaml']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Text-message payment reminders\n/);
    const html = installed(['render', '--format', 'html', 'memos/text-payment-reminders.eis.yaml']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<title>Text-message payment reminders · Equity Impact Statement and Assessment</title>');
    expect(html).toEqual(eis(['render', '--format', 'html', 'memos/text-payment-reminders.eis.yaml'], { cwd: examples.dir, env: ENV }));
  });
});
