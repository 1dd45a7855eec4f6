// dist/boot.cjs, which bin/eis.cjs runs: the CLI bundle beside it, loaded through the code cache.
// Built as CommonJS, so __dirname is dist/.
import { join } from 'node:path';
import { loadBundle } from './code-cache.js';

const { bundle, buildId, cached, writeCache } = loadBundle(join(__dirname, 'eis.cjs'));
// At exit the cache holds every function this run compiled, not only the top level.
if (!cached) process.once('exit', writeCache);
void bundle.runCli(process.argv, buildId);
