// dist/check-worker.cjs: a worker thread of `eis check`, running the same bundle through the same
// code cache as the main thread (only the main thread writes the cache). Built as CommonJS, so
// __dirname is dist/.
import { join } from 'node:path';
import { loadBundle } from './code-cache.js';

void loadBundle(join(__dirname, 'eis.cjs'), { command: 'check' }).bundle.runCheckWorker();
