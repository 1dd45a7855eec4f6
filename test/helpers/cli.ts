// Runs the built binary (dist/, from `npm run build`) as a user would, with no terminal and no colour.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'eis.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function eis(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string | undefined>; timeout?: number } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, EIS_TODAY: '2026-11-23', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? (result.signal ? 128 : -1), stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder with the given files; removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eis-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of examples/ in a temporary folder, so tests may change it. */
export function copyExamples(): { dir: string; cleanup: () => void } {
  const tree = tempTree();
  cpSync(EXAMPLES, tree.dir, { recursive: true });
  return tree;
}

/** What eis check says on standard error when statements answer equity-impact@1 (the examples do). */
export function olderVersionNote(count: number): string {
  return `eis: ${count} statement${count === 1 ? ' answers' : 's answer'} equity-impact@1, checked against its own questions; equity-impact@2 is newer, and eis migrate moves them to it.\n`;
}

/** Standard error without that note: for tests about something else, on statements that answer v1. */
export function withoutOlderNote(stderr: string): string {
  return stderr.replace(/^eis: \d+ statements? answers? equity-impact@1, checked against its own questions;[^\n]*\n/m, '');
}
