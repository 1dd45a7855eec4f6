// Builds one ESM bundle with code splitting: each command is its own chunk, loaded only when it runs,
// so `eis --help` and `eis check` never pay for prompts, templates or Markdown. Old chunks are
// left in place (harmless) so that a build never removes files a running eis is loading.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
