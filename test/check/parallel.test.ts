// Many statements are checked in worker threads (dist/check-worker.cjs, loading the same bundle).
// The report must be the one a single thread gives: the same statements, findings and order.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { eis, tempTree } from '../helpers/cli.js';
import { generatedStatement } from '../property/support.js';
import { checkFilesInParallel, workerScript } from '../../src/edge/check/parallel.js';
import { questionnaireRegistry } from '../../src/edge/questionnaire/registry.js';
import { checkFileForCache } from '../../src/edge/check/check-file.js';
import { defaultConfig } from '../../src/core/config/config.js';

// Above twice the 400 files a worker must have to be started, so a 2-core machine starts one.
const COUNT = 900;
const tree = tempTree();
afterAll(() => tree.cleanup());
mkdirSync(join(tree.dir, 'memos'));
const names = Array.from({ length: COUNT }, (_, i) => `memos/s${String(i).padStart(4, '0')}.eis.yaml`);
names.forEach((name, i) => {
  let text = generatedStatement(i + 7);
  // Some broken files too: a worker must report them as this thread does.
  if (i % 97 === 0) text = text.replace(/^ {2}title: .*$/m, '  title: [1, 2]');
  if (i % 211 === 0) text = 'eis: 1\nquestionnaire: [oops\n';
  writeFileSync(join(tree.dir, name), text);
});

const check = (paths: string[]) => eis(['check', ...paths, '--format', 'json', '--no-cache'], { cwd: tree.dir, timeout: 60_000 });

describe('eis check in worker threads', { timeout: 120_000 }, () => {
  it('finds the worker script in the build', () => {
    expect(workerScript()).toMatch(/dist[\\/]check-worker\.cjs$/);
  });

  it.runIf(availableParallelism() >= 2)('hands some of the files to the worker (needs 2 cores to start one)', async () => {
    const config = defaultConfig(tree.dir);
    const registry = questionnaireRegistry(config);
    // Counts the statements this thread reads a questionnaire for: fewer in parallel than alone.
    let calls = 0;
    const known = Object.assign(
      (id: string) => {
        calls++;
        return registry(id);
      },
      { main: registry.main, older: registry.older },
    );
    const options = { config, cwd: tree.dir, today: '2026-11-23' };
    const files = names.map((name) => join(tree.dir, name));
    const alone = files.map((file) => checkFileForCache(file, known, options).report);
    const callsAlone = calls;
    calls = 0;
    const shared = (await checkFilesInParallel(files, known, options)).map((c) => c.report);
    expect(shared).toEqual(alone);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(callsAlone);
  });

  it.runIf(availableParallelism() >= 2)('reports as single-threaded runs over the same files do (needs 2 cores to start a worker)', () => {
    const all = check(['memos']);
    // The corpus answers equity-impact@1, but for a few statements broken on purpose.
    expect(all.stderr).toMatch(/^eis: \d+ statements answer equity-impact@1, checked against its own questions; [^\n]+\n$/);
    const parsed = JSON.parse(all.stdout);
    expect(parsed.statements).toHaveLength(COUNT);
    // Runs of 300 files each stay in one thread.
    const parts = [0, 300, 600].map((start) => JSON.parse(check(names.slice(start, start + 300)).stdout));
    expect(parsed.statements).toEqual(parts.flatMap((p) => p.statements));
    expect(parsed.summary.errors).toBe(parts.reduce((sum, p) => sum + p.summary.errors, 0));
    expect(parsed.summary.errors).toBeGreaterThan(0);
    expect(all.code).toBe(parts.some((p) => p.summary.fatal) ? 2 : 1);
  });
});
