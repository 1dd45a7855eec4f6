// Running the built binary on hostile input: asynchronously (many runs share two cores), with a
// time limit, the peak memory measured, and a fingerprint of a folder to prove nothing changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.js';

export interface HostileRun {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory in MB, when /usr/bin/time can measure it. */
  mb?: number;
  /** CPU time (user and system), when /usr/bin/time can measure it. */
  cpuMs?: number;
  timedOut: boolean;
}

const TIME = '/usr/bin/time';
export const canMeasureMemory = existsSync(TIME);

export function runEis(args: string[], options: { cwd: string; timeoutMs: number; uid?: number; gid?: number; input?: string }): Promise<HostileRun> {
  const memFile = join(tmpdir(), `eis-mem-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const command = canMeasureMemory ? TIME : process.execPath;
  const argv = canMeasureMemory ? ['-f', '%M %U %S', '-o', memFile, process.execPath, BIN, ...args] : [BIN, ...args];
  const started = Date.now();
  return new Promise((resolve) => {
    const proc = spawn(command, argv, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, EIS_TODAY: '2026-11-23', CI: '1', VISUAL: undefined, EDITOR: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a time limit kills /usr/bin/time and the eis under it together.
      detached: true,
      uid: options.uid,
      gid: options.gid,
    });
    proc.stdin.end(options.input ?? '');
    let stdout = '';
    let stderr = '';
    // Keep at most 64 MB of each: a runaway output must not exhaust the test's memory.
    proc.stdout.on('data', (c: Buffer) => void (stdout.length < 64 << 20 && (stdout += c.toString())));
    proc.stderr.on('data', (c: Buffer) => void (stderr.length < 64 << 20 && (stderr += c.toString())));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        proc.kill('SIGKILL');
      }
    }, options.timeoutMs);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      let mb: number | undefined;
      let cpuMs: number | undefined;
      try {
        const [kb, user, system] = readFileSync(memFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        if (Number.isFinite(kb)) mb = Math.round(kb / 1024);
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = Math.round((user + system) * 1000);
        rmSync(memFile, { force: true });
      } catch {
        /* killed before time wrote it */
      }
      // /usr/bin/time reports the child's status as its own; a signal shows as "Command terminated by signal".
      const killed = /Command terminated by signal (\d+)/.exec(stderr);
      stderr = stderr.replace(/^Command (exited with non-zero status \d+|terminated by signal \d+)\n/m, '');
      resolve({ args, code: killed ? null : code, signal: killed ? (`SIG${killed[1]}` as NodeJS.Signals) : signal, stdout, stderr, ms: Date.now() - started, mb, cpuMs, timedOut });
    });
  });
}

/** A fingerprint of everything under `dir` (not following links, skipping .git): names, kinds, modes, contents. */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const full = join(dir, rel);
    let stat: Stats;
    try {
      stat = lstatSync(full);
    } catch {
      return;
    }
    const mode = (stat.mode & 0o7777).toString(8);
    if (stat.isSymbolicLink()) out.set(rel, `link ${readlinkSync(full)}`);
    else if (stat.isDirectory()) {
      if (rel) out.set(rel, `dir ${mode}`);
      for (const name of readdirSync(full)) if (!(rel === '' && name === '.git')) walk(rel ? join(rel, name) : name);
    } else if (stat.isFile()) {
      let hash = 'unreadable';
      try {
        hash = createHash('sha256').update(readFileSync(full)).digest('hex');
      } catch {
        /* kept as unreadable */
      }
      out.set(rel, `file ${mode} ${stat.size} ${hash}`);
    } else out.set(rel, `special ${mode}`);
  };
  walk('');
  return out;
}

/** What differs between two fingerprints: paths added, removed or changed. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, what] of after) if (before.get(path) !== what) out.push(`${before.has(path) ? 'changed' : 'added'} ${path}`);
  for (const path of before.keys()) if (!after.has(path)) out.push(`removed ${path}`);
  return out.sort();
}

/** Bugs show as a stack or as eis's "unexpected error" line; known errors never do. */
export function looksLikeACrash(run: Pick<HostileRun, 'stdout' | 'stderr'>): string | undefined {
  const text = `${run.stderr}\n${run.stdout}`;
  if (/^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(text)) return 'a stack trace';
  if (/unexpected error|This is a bug in eis/.test(text)) return 'an unexpected-error message';
  if (/FATAL ERROR|Allocation failed|JavaScript heap out of memory/.test(text)) return 'out of memory';
  return undefined;
}

/**
 * The time a run is held to: its CPU time when it can be measured, else its wall time. Test files
 * run side by side on two cores, so a wall clock also counts the time eis waited for a core; a
 * run that hangs without using the CPU is caught by the wall-clock limit (timeoutMs) instead.
 */
export function timeSpent(run: HostileRun): number {
  return run.cpuMs ?? run.ms;
}
