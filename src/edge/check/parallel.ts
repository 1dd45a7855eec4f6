// Checking thousands of statements: reading and parsing dominate, so the files are shared out
// between worker threads, one per core, with this thread taking a share too. Each worker runs the
// same checkFile, so the reports are the same as in one thread, in the same order.
//
// Work is handed out in small batches from one shared counter rather than in fixed shares: a
// worker starts some tens of milliseconds late (it loads the code again), and a fixed share would
// leave this thread idle while the worker finishes its last files.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../files/package-root.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { checkFileForCache, type CheckedFile, type CheckFileOptions } from './check-file.js';

/** Below this many files, starting a worker costs more than it saves. */
const MIN_FILES_PER_WORKER = 400;
/** Files per batch: small enough to even out the end, large enough that claiming costs nothing. */
export const BATCH = 50;

export interface WorkerInput {
  files: string[];
  options: CheckFileOptions;
  /** One Int32: the next batch to claim, shared by every thread. */
  next: Int32Array;
}

/** What a worker posts back: the reports of each batch it checked, by the batch's first file. */
export type WorkerOutput = Array<{ start: number; reports: CheckedFile[] }>;

export function workerScript(): string | undefined {
  const script = join(packageRoot(), 'dist', 'check-worker.cjs');
  return existsSync(script) ? script : undefined;
}

/** Claims batches from the shared counter until none are left; calls `each` with each batch's first file. */
export function claimBatches(next: Int32Array, total: number, each: (start: number, end: number) => void): void {
  for (;;) {
    const start = Atomics.add(next, 0, 1) * BATCH;
    if (start >= total) return;
    each(start, Math.min(start + BATCH, total));
  }
}

export async function checkFilesInParallel(files: string[], known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): Promise<CheckedFile[]> {
  const script = workerScript();
  const threads = Math.min(availableParallelism(), 4, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (!script || threads < 2) return files.map((file) => checkFileForCache(file, known, options));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const reports: CheckedFile[] = new Array(files.length);
  const pending = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { files, options, next } satisfies WorkerInput });
        worker.once('message', (batches: WorkerOutput) => {
          for (const { start, reports: done } of batches) {
            for (const [i, report] of done.entries()) reports[start + i] = report;
          }
          resolve();
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`a check worker stopped with code ${code}`));
        });
      }),
  );
  // This thread claims batches too, from the first, while the workers start up.
  claimBatches(next, files.length, (start, end) => {
    for (let i = start; i < end; i++) reports[i] = checkFileForCache(files[i]!, known, options);
  });
  await Promise.all(pending);
  return reports;
}
