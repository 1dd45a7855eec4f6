// eis as a user gets it: the package file `npm pack` makes, installed into an empty prefix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; files: string[] };

/**
 * The environment for npm: no npm_* variables inherited from `npm test` (they would point npm at
 * this repository's settings), the cache `npm ci` warmed, and the registry only for what the cache
 * does not hold.
 */
export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache;
  return { ...env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

export function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv()): string {
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

export interface Packed {
  /** The folder that holds the package file; removed by cleanup. */
  dir: string;
  tarball: string;
  /** The paths inside the package. */
  files: string[];
  cleanup: () => void;
}

/**
 * `npm pack` of this repository. With --ignore-scripts: the test command builds dist/ before the
 * tests run, and `prepare` would build it again, removing dist/ while other test files run the
 * built binary from it.
 */
export function pack(): Packed {
  for (const built of ['dist/eis.cjs', 'dist/boot.cjs', 'dist/check-worker.cjs']) if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run build before these tests.`);
  const dir = mkdtempSync(join(tmpdir(), 'eis-pack-'));
  const report = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { dir, tarball: join(dir, report[0]!.filename), files: report[0]!.files.map((f) => f.path), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Installs a package file as the documented install line does, `npm install --global`, into a prefix. */
export function installGlobal(tarball: string, prefix: string): { bin: string } {
  npm(['install', '--global', '--prefix', prefix, '--loglevel', 'error', tarball], tmpdir());
  return { bin: join(prefix, 'bin', 'eis') };
}
