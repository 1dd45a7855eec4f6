// Standard output that cannot be written (`eis check > /dev/full`, a full disk): every command
// once died with a raw stack trace and exit 1, which CI reads as "statements fall short". It must
// be one line on standard error and exit 2; output piped into a reader that stops early stays
// quiet, with the command's own exit code.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempTree, withoutOlderNote } from '../helpers/cli.js';
import { looksLikeACrash } from './run.js';

const tree = tempTree();
afterAll(() => tree.cleanup());
beforeAll(() => {
  mkdirSync(join(tree.dir, 'memos'));
  writeFileSync(join(tree.dir, 'eis.config.yaml'), readFileSync(join(ROOT, 'examples', 'eis.config.yaml')));
  writeFileSync(join(tree.dir, 'memos', 's.eis.yaml'), readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml')));
  writeFileSync(join(tree.dir, 'memos', 't.eis.yaml'), readFileSync(join(ROOT, 'examples', 'memos', 'text-payment-reminders.eis.yaml')));
});

const env = { ...process.env, NO_COLOR: '1', EIS_TODAY: '2026-11-23', CI: '1' };

const commands = [
  ['check', 'memos/s.eis.yaml'],
  ['check', '--format', 'json', 'memos/s.eis.yaml'],
  ['render', 'memos/s.eis.yaml'],
  ['render', '--format', 'html', 'memos/s.eis.yaml'],
  ['diff', 'memos/s.eis.yaml', 'memos/t.eis.yaml'],
  ['status'],
  ['lint', 'memos/s.eis.yaml'],
  ['questions'],
  ['schema'],
  ['--help'],
  ['--version'],
];

describe.runIf(existsSync('/dev/full'))('standard output on a full device', () => {
  it.each(commands.map((args) => ({ args, name: args.join(' ') })))('eis $name > /dev/full: one line, exit 2', ({ args }) => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: tree.dir, env, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 20_000 });
      const stderr = withoutOlderNote(run.stderr);
      expect(looksLikeACrash({ stdout: '', stderr })).toBeUndefined();
      expect(stderr).toMatch(/^eis: cannot write to standard output \(the disk is full\)\./);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

describe('standard output closed early', () => {
  it('eis render into a reader that stops after the first chunk: quiet, exit 0', async () => {
    // Long enough that the pipe fills: 2,000 populations.
    const groups = Array.from(
      { length: 2000 },
      (_, i) => `    - id: g${i}\n      population: custom\n      name: Group ${i}\n      effect: direct\n      direction: benefit\n      why: Reason ${i}.\n`,
    ).join('');
    const text = readFileSync(join(tree.dir, 'memos', 's.eis.yaml'), 'utf8').replace(/populations:\n {2}groups:\n(?: {4}.*\n)*/, `populations:\n  groups:\n${groups}`);
    writeFileSync(join(tree.dir, 'memos', 'big.eis.yaml'), text);
    const child = spawn(process.execPath, [BIN, 'render', '--format', 'html', 'memos/big.eis.yaml'], { cwd: tree.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
