// dist/boot.cjs, which bin/eis.js runs: the CLI bundle beside it, loaded through the code cache.
// Built as CommonJS, so __dirname is dist/.
import { join } from 'node:path';
import { loadBundle } from './code-cache.js';

// The command, for the cache: the first word that is not an option, or "-" for none (a misread
// option value only costs one more write of the cache).
const command = process.argv.slice(2).find((arg) => /^[a-z][a-z-]*$/.test(arg)) ?? '-';
const { bundle, buildId, writeNeeded, writeCache } = loadBundle(join(__dirname, 'eis.cjs'), { command });
// At exit the cache holds every function this run compiled, not only the top level.
if (writeNeeded) process.once('exit', writeCache);
void bundle.runCli(process.argv, buildId);
