// Checking thousands of statements: reading and parsing dominate, so the files are shared out
// between worker threads, one per core, with this thread taking a share too. Each worker runs the
// same checkFile, so the reports are the same as in one thread, in the same order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { Questionnaire } from '../questionnaire/model.js';
import type { StatementReport } from './findings.js';
import { checkFile, type CheckFileOptions } from './run.js';

/** Below this many files, starting a worker costs more than it saves. */
const MIN_FILES_PER_WORKER = 400;

export interface WorkerInput {
  files: string[];
  options: CheckFileOptions;
}

export function workerScript(): string | undefined {
  const script = join(packageRoot(), 'dist', 'check-worker.js');
  return existsSync(script) ? script : undefined;
}

export async function checkFilesInParallel(files: string[], known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): Promise<StatementReport[]> {
  const script = workerScript();
  const threads = Math.min(availableParallelism(), 4, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (!script || threads < 2) return files.map((file) => checkFile(file, known, options));
  // Contiguous shares keep the order; this thread takes the first while the workers start up.
  const size = Math.ceil(files.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
  const pending = shares.slice(1).map(
    (share) =>
      new Promise<StatementReport[]>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { files: share, options } satisfies WorkerInput });
        worker.once('message', (reports: StatementReport[]) => {
          resolve(reports);
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`a check worker stopped with code ${code}`));
        });
      }),
  );
  const first = shares[0].map((file) => checkFile(file, known, options));
  return [first, ...(await Promise.all(pending))].flat();
}
