#!/usr/bin/env node
// The published entry. A CommonJS script (bin/package.json says so), because Node starts a
// script faster than a module, and eis is run often, by scripts and CI. The CLI itself is the
// bundle in dist/, built by `npm run build` (run on install by `prepare`) and loaded by
// dist/boot.cjs.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs none of the bundle. The output is the same as the bundle's, and so is
  // a failure to write it (src/cli/main.ts): a closed pipe is no error, anything else one line.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`eis: cannot write to standard output (${error.code === 'ENOSPC' ? 'the disk is full' : error.code}).\n`);
    process.exit(2);
  });
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (!existsSync(join(__dirname, '..', 'dist', 'boot.cjs')) || !existsSync(join(__dirname, '..', 'dist', 'eis.cjs'))) {
  process.stderr.write('eis: the build is missing. Run `npm run build` (or `npm install`) in the eis folder first.\n');
  process.exitCode = 2;
} else {
  require('../dist/boot.cjs');
}
