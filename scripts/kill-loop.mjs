// npm run test:kill: bundles the kill loop (test/hostile/kill-loop.ts) and runs it. KILL_RUNS=N
// sets the number of rounds (default 1,000). Not part of npm test: it takes several minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// In the package folder, so the bundle finds the packages (node_modules) and eis its schemas.
const dir = mkdtempSync(join(root, '.eis-kill-'));
const out = join(dir, 'kill-loop.mjs');
try {
  buildSync({
    entryPoints: [join(root, 'test/hostile/kill-loop.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  process.env.EIS_PACKAGE_ROOT = root;
  await import(out);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
