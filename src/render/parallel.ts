// Rendering many statements: each one is read, checked and rendered on its own, so the files are
// shared out between worker threads, one per core, with this thread taking batches too. Workers
// only render; this thread writes every result, in the order the files were given, and stops at
// the first error as a single thread would, so the files written, the list on stdout and the
// error are the same.
//
// Batches are claimed from one shared counter: a worker starts a few hundred milliseconds late
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

/**
 * A statement's result, or the error it stopped with: as thrown in this thread, or as data that
 * crosses threads from a worker.
 */
export type Outcome = FileResult | { thrown: unknown } | { error: ThrownError };

interface ThrownError {
  known: boolean;
  message: string;
  stack?: string;
  /** The stack of the error's cause, which --debug prints. */
  cause?: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  exitCode?: number;
  code?: string;
}

/** What a worker posts: one message per batch, then `done`. */
export type RenderWorkerMessage = { start: number; outcomes: Outcome[] } | { done: true };

/** Runs one statement's work here; the error it throws is kept as it is. */
function outcomeHere(run: () => FileResult): Outcome {
  try {
    return run();
  } catch (thrown) {
    return { thrown };
  }
}

/** Runs one statement's work in a worker; the error it throws becomes data that can be posted. */
export function outcomeOf(run: () => FileResult): Outcome {
  try {
    return run();
  } catch (error) {
    if (error instanceof EisError) {
      const cause = error.cause instanceof Error ? error.cause.stack : error.cause === undefined ? undefined : String(error.cause);
      return { error: { known: true, message: error.message, cause, file: error.file, line: error.line, column: error.column, hint: error.hint, exitCode: error.exitCode, code: error.code } };
    }
    return { error: { known: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
  }
}

function rethrow(outcome: { thrown: unknown } | { error: ThrownError }): never {
  if ('thrown' in outcome) throw outcome.thrown;
  const { error } = outcome;
  if (error.known) throw new EisError(error.message, { file: error.file, line: error.line, column: error.column, hint: error.hint, exitCode: error.exitCode, code: error.code, cause: error.cause });
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

/** A worker started before its input is ready, and what befell it before anyone listened. */
export interface StartedWorker {
  worker: Worker;
  error?: unknown;
  exitCode?: number;
}

/**
 * Starts the workers worth having for this many files (none for a few). Started first, they load
 * their code while this thread reads the config and the templates.
 */
export function startRenderWorkers(files: number): StartedWorker[] {
  const script = workerScript();
  if (!script) return [];
  const threads = Math.min(availableParallelism(), 4, Math.floor(files / MIN_FILES_PER_WORKER));
  return Array.from({ length: Math.max(0, threads - 1) }, () => {
    const started: StartedWorker = { worker: new Worker(script) };
    // Kept for renderInParallel: an 'error' event nobody listens to would end the process.
    started.worker.once('error', (error) => (started.error ??= error));
    started.worker.once('exit', (code) => (started.exitCode = code));
    return started;
  });
}

export async function stopRenderWorkers(started: StartedWorker[]): Promise<void> {
  await Promise.all(started.map(({ worker }) => worker.terminate()));
}

/**
 * Renders `input.files` here and in the started workers, and calls `deliver` with each result in
 * file order. The first error (a file that cannot be read or rendered, or one `deliver` throws)
 * stops the work and is thrown, after every result before it was delivered.
 */
export async function renderInParallel(
  started: StartedWorker[],
  input: Omit<RenderWorkerInput, 'next'>,
  renderHere: (file: string) => FileResult,
  deliver: (file: string, result: FileResult) => void,
): Promise<void> {
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
        if ('thrown' in outcome || 'error' in outcome) rethrow(outcome);
        deliver(files[delivered], outcome);
      } catch (error) {
        failure = { error };
      }
      delivered++;
    }
  };

  // Settles when every worker has sent all it rendered, or at the first failure anywhere.
  let working = started.length;
  let wake = () => {};
  const settled = new Promise<void>((resolve) => (wake = resolve));
  const stop = (error: unknown) => {
    failure ??= { error };
    wake();
  };
  for (const { worker, error, exitCode } of started) {
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
    worker.on('error', stop);
    worker.on('exit', (code) => {
      if (!done) stop(new Error(`a render worker stopped with code ${code}`));
    });
    if (error !== undefined) stop(error);
    else if (exitCode !== undefined) stop(new Error(`a render worker stopped with code ${exitCode}`));
    else worker.postMessage({ ...input, next } satisfies RenderWorkerInput);
  }
  if (!started.length) wake();

  // This thread claims batches too; between batches it writes what is ready and lets the
  // workers' messages in.
  await claimBatches(next, files.length, async (start, end) => {
    for (let i = start; i < end && !failure; i++) outcomes[i] = outcomeHere(() => renderHere(files[i]));
    flush();
    if (failure) Atomics.store(next, 0, files.length);
    await new Promise((resolve) => setImmediate(resolve));
  });
  await settled;
  flush();
  if (failure) throw failure.error;
}
