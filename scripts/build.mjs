// Builds one ESM bundle with code splitting: each command is its own chunk, loaded only when it runs,
// so `eis --help` and `eis check` never pay for prompts, templates or Markdown. The libraries on the
// path of every command are bundled in (resolving them from node_modules costs more than running
// them); the heavy ones that only some commands need stay external and load with their command.
// Old chunks are left in place (harmless) so that a build never removes files a running eis loads.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['yaml', 'zod', 'js-yaml', 'commander', 'chalk', 'lilconfig', 'tinyglobby']);
const external = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name));

// zod carries messages in some forty languages (about 260 KB of the bundle, parsed by every run);
// eis writes its own messages and uses zod's English ones only, so the other languages are left out.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: process.cwd() }));
  },
};

await build({
  plugins: [zodEnglishOnly],
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'check-worker': 'src/check/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`)],
  // Bundled CommonJS code (picomatch) calls require() for Node's own modules.
  banner: { js: "import { createRequire as __eisCreateRequire } from 'node:module'; const require = __eisCreateRequire(import.meta.url);" },
  sourcemap: true,
  minify: true,
  keepNames: false,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
await import('./precompile.mjs');
