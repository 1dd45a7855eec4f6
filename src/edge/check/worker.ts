// A worker thread of `eis check`: claims batches of files from the shared counter, checks them
// and posts the reports back once there are none left.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFileForCache } from './check-file.js';
import { registryFor } from '../questionnaire/registry.js';
import { claimBatches, type WorkerInput, type WorkerOutput } from './parallel.js';

export function runCheckWorker(): void {
  const { files, options, next } = workerData as WorkerInput;
  const known = registryFor(options);
  const done: WorkerOutput = [];
  claimBatches(next, files.length, (start, end) => {
    done.push({ start, reports: files.slice(start, end).map((file) => checkFileForCache(file, known, options)) });
  });
  parentPort!.postMessage(done);
}
