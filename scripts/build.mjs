// Builds eis into dist/:
// - eis.cjs: the whole CLI as one CommonJS bundle. dist/boot.cjs (run by bin/eis.js) loads it through
//   V8's code cache (src/boot/code-cache.ts), which only plain scripts can use. Commands stay lazy:
//   a command's modules run only when it does, and the heavy libraries only some commands need
//   stay in node_modules, required when their command runs.
// - boot.cjs and check-worker.cjs: the small scripts that load eis.cjs, in the main thread and in
//   the worker threads of `eis check`.
// - index.js: the programmatic API, as an ES module.
// - builtin/: the built-in questionnaires, validated (scripts/precompile.mjs).
// - code/: V8's code cache of eis.cjs, made by running the main commands once.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bundled = new Set(['yaml', 'zod', 'js-yaml', 'commander', 'chalk', 'lilconfig', 'tinyglobby', 'picomatch']);
const external = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name));

// zod carries messages in some forty languages (about 260 KB of the bundle, parsed by every run);
// eis writes its own messages and uses zod's English ones only, so the other languages are left out.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: root }));
  },
};

// The CommonJS bundle loads external ES modules with require(), which Node does from 20.19 on.
// esbuild takes the default export of a required module to be the whole module, as for CommonJS;
// for an ES module that is its namespace, so each is reached through a shim that names its exports.
const requireFromRoot = createRequire(join(root, 'package.json'));
function isEsModule(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
  }
  return false;
}
const esModuleExternals = {
  name: 'es-module-externals',
  setup(b) {
    const names = new Set(external.filter((name) => isEsModule(requireFromRoot.resolve(name))));
    const filter = new RegExp(`^(${[...names].map((n) => n.replace(/[/\\-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'es-module-external' ? { path: args.path, external: true } : { path: args.path, namespace: 'es-module-external' }));
    b.onLoad({ filter: /.*/, namespace: 'es-module-external' }, async (args) => {
      const exported = Object.keys(await import(requireFromRoot.resolve(args.path)));
      const named = exported.filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
      const lines = [`const m = require(${JSON.stringify(args.path)});`];
      if (named.length) lines.push(`export const { ${named.join(', ')} } = m;`);
      if (exported.includes('default')) lines.push('export default m.default;');
      return { contents: lines.join('\n'), resolveDir: root };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`)],
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
};

// Outputs of earlier layouts (split ES module chunks) must not linger beside the new ones.
rmSync(join(root, 'dist'), { recursive: true, force: true });

await build({
  ...common,
  plugins: [zodEnglishOnly, esModuleExternals],
  entryPoints: { eis: 'src/boot/bundle.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__eisBundleUrl' },
  // Strict, as the modules it is made of are: a banner before esbuild's own "use strict" would
  // leave that a plain string.
  banner: { js: "'use strict';\nvar __eisBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: { boot: 'src/boot/main.ts', 'check-worker': 'src/boot/check-worker.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, format: 'cjs' });
await build({
  ...common,
  plugins: [zodEnglishOnly],
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  format: 'esm',
  // Bundled CommonJS code (picomatch) calls require() for Node's own modules.
  banner: { js: "import { createRequire as __eisCreateRequire } from 'node:module'; const require = __eisCreateRequire(import.meta.url);" },
});
await import('./precompile.mjs');

// The code cache (src/boot/code-cache.ts): the main commands run once, with the Node that built
// eis, and V8's compiled code is kept beside the bundle, so that a first run on a fresh machine
// starts from it. A Node of another version ignores it.
const warm = mkdtempSync(join(tmpdir(), 'eis-build-'));
try {
  const example = 'examples/memos/text-payment-reminders.eis.yaml';
  for (const args of [
    ['--help'],
    ['check', 'examples', '--no-cache'],
    ['render', example, '--format', 'html'],
    ['render', example],
    ['diff', example, example],
    ['status', 'examples'],
    ['questions'],
    ['schema'],
  ])
    spawnSync(process.execPath, [join(root, 'bin', 'eis.js'), ...args], { cwd: root, env: { ...process.env, EIS_CACHE_DIR: warm, NO_COLOR: '1' }, stdio: 'ignore', timeout: 60_000 });
  const made = join(warm, 'code');
  if (existsSync(made)) {
    mkdirSync(join(root, 'dist', 'code'), { recursive: true });
    for (const name of readdirSync(made).filter((n) => n.endsWith('.v8'))) {
      // Readable by all, like the bundle: the user's own cache is private, this one is part of eis.
      copyFileSync(join(made, name), join(root, 'dist', 'code', name));
      chmodSync(join(root, 'dist', 'code', name), 0o644);
    }
  }
} finally {
  rmSync(warm, { recursive: true, force: true });
}
