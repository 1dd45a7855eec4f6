// A worker thread of `eis check`: checks its share of the files and posts the reports back.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, questionnaireRegistry } from './run.js';
import type { WorkerInput } from './parallel.js';

const { files, options } = workerData as WorkerInput;
const known = questionnaireRegistry(options.config);
parentPort!.postMessage(files.map((file) => checkFile(file, known, options)));
