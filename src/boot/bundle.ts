// The entry of dist/eis.cjs, the CommonJS bundle of the whole CLI. It has no side effects of its
// own: dist/boot.cjs runs the CLI, and dist/check-worker.cjs a worker thread of `eis check`. The
// worker's code is imported only when a worker runs, so that other commands never load it.
export { runCli } from '../cli/main.js';

export async function runCheckWorker(): Promise<void> {
  (await import('../edge/check/worker.js')).runCheckWorker();
}
