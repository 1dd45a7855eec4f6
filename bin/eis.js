#!/usr/bin/env node
// The published entry: the bundle in dist/ is built by `npm run build` (run on install by `prepare`).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs none of the bundle: scripts and CI ask for it often, and it answers
  // in the time node itself takes to start. The output is the same as the bundle's.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  import('../dist/cli.js').catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
      process.stderr.write('eis: the build is missing. Run `npm run build` (or `npm install`) in the eis folder first.\n');
      process.exitCode = 2;
      return;
    }
    throw error;
  });
}
