// A worker thread of `eis render`: loads its code as soon as it starts, then, given the input,
// claims batches of statements from the shared counter, renders them and posts each batch's
// results back; the main thread writes them in order.
import { parentPort } from 'node:worker_threads';
import { questionnaireRegistry } from '../check/run.js';
import { renderFile } from './file.js';
import { claimBatches, outcomeOf, type RenderWorkerInput, type RenderWorkerMessage } from './parallel.js';
import { createRenderer } from './render.js';

const post = (message: RenderWorkerMessage) => parentPort!.postMessage(message);
parentPort!.once('message', async ({ files, templates, format, config, options, next }: RenderWorkerInput) => {
  const renderer = createRenderer(templates, format);
  const known = questionnaireRegistry(config);
  await claimBatches(next, files.length, (start, end) => {
    post({ start, outcomes: files.slice(start, end).map((file) => outcomeOf(() => renderFile(file, known, renderer, options))) });
  });
  post({ done: true });
});
