#!/usr/bin/env node
// The published entry: the bundle in dist/ is built by `npm run build` (run on install by `prepare`).
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('eis: the build is missing. Run `npm run build` (or `npm install`) in the eis folder first.\n');
    process.exitCode = 2;
    return;
  }
  throw error;
});
