// A worker thread of `eis render`: claims batches of statements from the shared counter, renders
// them and posts each batch's results back; the main thread writes them in order.
import { parentPort, workerData } from 'node:worker_threads';
import { questionnaireRegistry } from '../check/run.js';
import { renderFile } from './file.js';
import { claimBatches, outcomeOf, type RenderWorkerInput, type RenderWorkerMessage } from './parallel.js';
import { createRenderer } from './render.js';

const { files, templates, format, config, options, next } = workerData as RenderWorkerInput;
const renderer = createRenderer(templates, format);
const known = questionnaireRegistry(config);
const post = (message: RenderWorkerMessage) => parentPort!.postMessage(message);
await claimBatches(next, files.length, (start, end) => {
  post({ start, outcomes: files.slice(start, end).map((file) => outcomeOf(() => renderFile(file, known, renderer, options))) });
});
post({ done: true });
