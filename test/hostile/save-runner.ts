// Runs test/hostile/save-child.ts, bundled like eis itself, as child processes: the no-lost-answers
// tests and the kill loop (`npm run test:kill`) share it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

// The kill loop runs bundled, from node_modules: it names the package folder in EIS_PACKAGE_ROOT.
export const ROOT = process.env.EIS_PACKAGE_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Run {
  proc: ChildProcess;
  /** The lines it printed so far. */
  out: string[];
  done: Promise<number | null>;
}

/** Bundles the child into a new folder in `where`; returns a function that starts it, and one that removes the bundle. */
export function buildSaveChild(where = join(ROOT, 'node_modules')): { start: (args: string[]) => Run; cleanup: () => void } {
  // Inside the package, so that the bundled save layer finds schemas/ as eis itself does.
  const dir = mkdtempSync(join(where, '.eis-hostile-'));
  const child = join(dir, 'save-child.mjs');
  buildSync({
    entryPoints: [join(ROOT, 'test/hostile/save-child.ts')],
    outfile: child,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const start = (args: string[]): Run => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    let buffer = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      out.push(...lines);
    });
    let err = '';
    proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const done = new Promise<number | null>((resolve) =>
      proc.on('close', (code) => {
        if (buffer) out.push(buffer);
        if (err && code !== null) out.push(`stderr: ${err}`);
        resolve(code);
      }),
    );
    return { proc, out, done };
  };
  return { start, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(test: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error('timed out waiting for the child');
    await sleep(1);
  }
}
