// Rendering many statements: each one is read, checked and rendered on its own, so the files are
// shared out between worker threads, one per core, with this thread taking batches too. Workers
// only render; this thread writes every result, in the order the files were given, and stops at
// the first error as a single thread would, so the files written, the list on stdout and the
// error are the same.
//
// Batches are claimed from one shared counter: a worker starts some tens of milliseconds late
// (it loads the code and compiles the templates again), and this thread also does all the writing.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { EisError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import type { TemplateSet } from './environment.js';
import type { Format } from './escape-view.js';
import type { FileResult, RenderFileOptions } from './file.js';

/** Below this many files per thread, starting a worker costs more than it saves. */
const MIN_FILES_PER_WORKER = 150;
/** Files per batch: small enough to even out the end, large enough that claiming costs nothing. */
const BATCH = 20;

export interface RenderWorkerInput {
  files: string[];
  templates: TemplateSet;
  format: Format;
  config: Config;
  options: RenderFileOptions;
  /** One Int32: the next batch to claim, shared by every thread. */
  next: Int32Array;
}

/** A statement's result, or the error it stopped with, as data that crosses threads. */
export type Outcome = FileResult | { error: ThrownError };

interface ThrownError {
  known: boolean;
  message: string;
  stack?: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  exitCode?: number;
  code?: string;
}

/** What a worker posts: one message per batch, then `done`. */
export type RenderWorkerMessage = { start: number; outcomes: Outcome[] } | { done: true };

export function outcomeOf(run: () => FileResult): Outcome {
  try {
    return run();
  } catch (error) {
    if (error instanceof EisError)
      return { error: { known: true, message: error.message, file: error.file, line: error.line, column: error.column, hint: error.hint, exitCode: error.exitCode, code: error.code } };
    return { error: { known: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
  }
}

function rethrow(error: ThrownError): never {
  if (error.known) throw new EisError(error.message, { file: error.file, line: error.line, column: error.column, hint: error.hint, exitCode: error.exitCode, code: error.code });
  const bug = new Error(error.message);
  if (error.stack) bug.stack = error.stack;
  throw bug;
}

/** Claims batches from the shared counter until none are left. */
export async function claimBatches(next: Int32Array, total: number, each: (start: number, end: number) => void | Promise<void>): Promise<void> {
  for (;;) {
    const start = Atomics.add(next, 0, 1) * BATCH;
    if (start >= total) return;
    await each(start, Math.min(start + BATCH, total));
  }
}

function workerScript(): string | undefined {
  const script = join(packageRoot(), 'dist', 'render-worker.js');
  return existsSync(script) ? script : undefined;
}

/** How many threads to use for this many files: 1 means render here, without workers. */
export function threadsFor(files: number): number {
  if (!workerScript()) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * Renders `input.files` in `threads` threads and calls `deliver` with each result in file order.
 * The first error (a file that cannot be read or rendered, or one `deliver` throws) stops the
 * workers and is thrown, after every result before it was delivered.
 */
export async function renderInParallel(input: Omit<RenderWorkerInput, 'next'>, threads: number, renderHere: (file: string) => FileResult, deliver: (file: string, result: FileResult) => void): Promise<void> {
  const { files } = input;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const outcomes: Array<Outcome | undefined> = new Array(files.length);
  let delivered = 0;
  let failure: { error: unknown } | undefined;

  const flush = () => {
    while (!failure && delivered < files.length && outcomes[delivered] !== undefined) {
      const outcome = outcomes[delivered]!;
      // Dropped once written: only what waits for an earlier file stays in memory.
      outcomes[delivered] = undefined;
      try {
        if ('error' in outcome) rethrow(outcome.error);
        deliver(files[delivered], outcome);
      } catch (error) {
        failure = { error };
      }
      delivered++;
    }
  };

  // Settles when every worker has sent all it rendered, or at the first failure anywhere.
  let working = threads - 1;
  let wake = () => {};
  const settled = new Promise<void>((resolve) => (wake = resolve));
  const stop = (error: unknown) => {
    failure ??= { error };
    wake();
  };
  const workers = Array.from({ length: threads - 1 }, () => {
    const worker = new Worker(workerScript()!, { workerData: { ...input, next } satisfies RenderWorkerInput });
    let done = false;
    worker.on('message', (message: RenderWorkerMessage) => {
      if ('done' in message) {
        done = true;
        if (--working === 0) wake();
        return;
      }
      message.outcomes.forEach((outcome, i) => (outcomes[message.start + i] = outcome));
      flush();
      if (failure) wake();
    });
    worker.once('error', stop);
    worker.once('exit', (code) => {
      if (!done) stop(new Error(`a render worker stopped with code ${code}`));
    });
    return worker;
  });
  if (!workers.length) wake();

  try {
    // This thread claims batches too; between batches it writes what is ready and lets the
    // workers' messages in.
    await claimBatches(next, files.length, async (start, end) => {
      for (let i = start; i < end && !failure; i++) outcomes[i] = outcomeOf(() => renderHere(files[i]));
      flush();
      if (failure) Atomics.store(next, 0, files.length);
      await new Promise((resolve) => setImmediate(resolve));
    });
    await settled;
    flush();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failure) throw failure.error;
}
