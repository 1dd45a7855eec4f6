// Writes docs/findings.md from the findings catalogue (src/core/findings/catalogue.ts):
// npm run docs:findings. test/core/findings-catalogue.test.ts fails when the page is out of date.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The catalogue is TypeScript; esbuild turns it into a module in memory, without a full build.
const result = await build({
  entryPoints: [join(root, 'src/core/findings/catalogue-doc.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'error',
});
const { findingsMarkdown } = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
const file = join(root, 'docs', 'findings.md');
writeFileSync(file, findingsMarkdown());
console.log(`wrote ${file}`);
