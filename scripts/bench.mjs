// npm run bench: eis against the machine's floor and the peer a user would pick, in one run.
// Every figure is the median of several runs; peak memory comes from GNU time when present.
// Two corpora: the old generator's statements (one style, the one the fast reader was made for) and
// statements as people write them (scripts/bench/styles.mjs), mixed and one style at a time.
// Results print as tables, with the targets met or not, and are written to bench/results/latest.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, random, statementText } from './bench/generate.mjs';
import { STYLES, styledStatement, writeStyledCorpus } from './bench/styles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eisBin = join(root, 'bin', 'eis.js');
const ajvBin = join(root, 'node_modules', '.bin', 'ajv');
const work = join(tmpdir(), 'eis-bench');
const quick = process.argv.includes('--quick');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const corpus = (name, n, seed) => {
  const dir = join(work, name);
  writeCorpus(dir, n, seed);
  return dir;
};
const one = corpus('one', 1, 1);
const c500 = corpus('c500', 500, 500);
const c10k = corpus('c10k', quick ? 2000 : 10000, 10000);
const c1k = corpus('c1k', 1000, 1000);

// Statements as people write them: a mix of styles, half of them drafts, and one corpus per style
// (the same statements in each, so style alone differs between them).
const mixedCount = quick ? 2000 : 10000;
const styleCount = quick ? 250 : 1000;
const realistic = (name, n, seed, style) => {
  const dir = join(work, name);
  writeStyledCorpus(dir, n, seed, style);
  return dir;
};
process.stderr.write('writing the corpora...\n');
const mixed = realistic('mixed', mixedCount, 10000, 'mixed');
const byStyle = Object.fromEntries(STYLES.map((style) => [style, realistic(`style-${style}`, styleCount, 1000, style)]));
// One realistic statement: the signed-off example (the largest source), re-folded at 80 columns.
const realOne = join(work, 'real-one');
mkdirSync(realOne);
for (let i = 0; ; i++) {
  const s = styledStatement(1, i, 'folded-80');
  if (!s.source.endsWith('text-payment-reminders.eis.yaml')) continue;
  writeFileSync(join(realOne, 'statement.eis.yaml'), s.text);
  break;
}

// The floor: start node, read every file and parse it with the fastest YAML parser available.
const floorScript = join(work, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from ${JSON.stringify(join(root, 'node_modules', 'js-yaml', 'dist', 'js-yaml.mjs'))};
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir)) { yaml.load(readFileSync(join(dir, f), 'utf8'), { schema: yaml.CORE_SCHEMA }); n++; }
if (!n) process.exit(1);
`,
);

// ajv-cli reads YAML data and JSON Schema draft 2019-09; the statement schema uses nothing newer.
const schema = JSON.parse(spawnSync(process.execPath, [eisBin, 'schema'], { encoding: 'utf8' }).stdout);
schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
const schemaFile = join(work, 'statement.schema.json');
writeFileSync(schemaFile, JSON.stringify(schema));

// Two versions of a statement with 200 population entries, a few changed between them.
const rand = random(200);
const oldText = statementText(rand, 1, 200);
const newText = oldText
  .replace(/direction: neutral/, 'direction: burden')
  .replace(/size: About (\d+),000/g, (m, n, offset) => (offset % 7 === 0 ? `size: About ${Number(n) + 1},000` : m))
  .replace('decision: proceed-adjusted', 'decision: proceed');
writeFileSync(join(work, 'old.eis.yaml'), oldText);
writeFileSync(join(work, 'new.eis.yaml'), newText);
const renderFiles = Array.from({ length: 1000 }, (_, i) => join(c1k, `s${String(i).padStart(5, '0')}.eis.yaml`));
// The generator repeats many sentences across statements, and render converts each distinct text
// once: a second corpus where every one-line answer is unique shows the cost for real statements.
const c1kUnique = corpus('c1k-unique', 1000, 1000);
let serial = 0;
const uniqueFiles = renderFiles.map((f) => {
  const file = join(c1kUnique, basename(f));
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/^( +[a-z_]+: )([A-Z][^\n#:]*)\.$/gm, (_m, key, text) => `${key}${text} (note ${++serial}).`),
  );
  return file;
});

function run(command, args, env = {}) {
  const full = timeBin ? [timeBin, ['-f', '__maxrss=%M', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: work, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', EIS_CACHE_DIR: join(work, 'cache'), ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /__maxrss=(\d+)/.exec(result.stderr ?? '')?.[1];
  return { ms, rssMb: rss ? Number(rss) / 1024 : undefined, status: result.status, stderr: result.stderr };
}

/** `envEach(i)` gives extra environment for run i (-1 is the warm-up). */
/** `args` may be a function of the run too. */
function measure(name, command, args, runs, okStatuses = [0, 1], envEach = () => ({})) {
  const argsFor = typeof args === 'function' ? args : () => args;
  run(command, argsFor(-1), envEach(-1)); // warm the file cache so every run reads from memory
  const samples = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const r = run(command, argsFor(i), envEach(i));
    if (!okStatuses.includes(r.status)) throw new Error(`${name} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
    samples.push(r.ms);
    rss = Math.max(rss, r.rssMb ?? 0);
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)], runs, peakRssMb: rss || undefined };
}

const has = (command) => spawnSync(process.execPath, [eisBin, command, '--help'], { encoding: 'utf8' }).status === 0;
const n = quick ? 3 : 7;
const rows = [];
const add = (row, extra = {}) => {
  rows.push({ ...row, ...extra });
  process.stderr.write(`  ${row.name}: ${row.medianMs.toFixed(0)} ms\n`);
};
const node = process.execPath;
process.stderr.write(`eis benchmark on ${availableParallelism()} cores, ${quick ? 'quick' : 'full'} run\n`);
add(measure('node -e 0', node, ['-e', '0'], n * 2));
add(measure('eis --version', node, [eisBin, '--version'], n * 2));
add(measure('eis --help', node, [eisBin, '--help'], n * 2));
// eis check keeps reports between runs: "--no-cache" checks every file afresh (as on a fresh CI machine),
// "cached" a run over files that did not change since the last one.
add(measure('eis check, 1 statement, --no-cache', node, [eisBin, 'check', one, '--no-cache'], n * 2));
add(measure('eis check, 1 statement, cached', node, [eisBin, 'check', one], n * 2));
// eis keeps V8's compiled code of itself: the build ships it in dist/code, and runs add to the
// user's cache folder. With an empty cache folder each time, a run is a first run on a fresh
// machine after install, as in CI; with dist/code set aside too, eis compiles everything afresh.
add(measure('eis check, 1 statement, empty cache folder', node, [eisBin, 'check', one], n * 2, [0, 1], (i) => ({ EIS_CACHE_DIR: join(work, `empty-cache-${i}`) })));
const shippedCode = join(root, 'dist', 'code');
// A benchmark stopped during this row left the build's cache aside: put it back first.
if (!existsSync(shippedCode) && existsSync(`${shippedCode}.aside`)) renameSync(`${shippedCode}.aside`, shippedCode);
const shipped = existsSync(shippedCode);
if (shipped) renameSync(shippedCode, `${shippedCode}.aside`);
try {
  add(measure('eis check, 1 statement, no code cache at all', node, [eisBin, 'check', one], n * 2, [0, 1], (i) => ({ EIS_CACHE_DIR: join(work, `no-code-cache-${i}`) })));
} finally {
  if (shipped) renameSync(`${shippedCode}.aside`, shippedCode);
}
add(measure('floor, 1 statement', node, [floorScript, one], n * 2));
add(measure('eis check, 500 statements, --no-cache', node, [eisBin, 'check', c500, '--format', 'json', '--no-cache'], n));
add(measure('eis check, 500 statements, cached', node, [eisBin, 'check', c500, '--format', 'json'], n));
add(measure('floor, 500 statements', node, [floorScript, c500], n));
add(measure('ajv-cli, 500 statements', ajvBin, ['validate', '-s', schemaFile, '-d', `${c500}/*.eis.yaml`, '--spec=draft2019', '--strict=false', '--errors=no'], n));
const label10k = quick ? '2,000' : '10,000';
add(measure(`eis check, ${label10k} statements, --no-cache`, node, [eisBin, 'check', c10k, '--format', 'json', '--no-cache'], Math.max(3, n - 2)));
add(measure(`eis check, ${label10k} statements, cached`, node, [eisBin, 'check', c10k, '--format', 'json'], Math.max(3, n - 2)));
add(measure(`floor, ${label10k} statements`, node, [floorScript, c10k], Math.max(3, n - 2)));
add(measure(`ajv-cli, ${label10k} statements`, ajvBin, ['validate', '-s', schemaFile, '-d', `${c10k}/*.eis.yaml`, '--spec=draft2019', '--strict=false', '--errors=no'], 3));
if (has('render')) {
  // Each run writes into a new folder: render leaves pages that would not change as they are, and
  // "again" measures that, a second render of the same statements into the same folder.
  const renderInto = (name, files) => (i) => [eisBin, 'render', '--format', 'html', '--out', join(work, `${name}-${i}`), ...files];
  add(measure('eis render --format html, 1,000 statements', node, renderInto('html', renderFiles), Math.max(3, n - 2)));
  add(measure('eis render --format html, 1,000 statements, every answer unique', node, renderInto('html-unique', uniqueFiles), Math.max(3, n - 2)));
  add(
    measure('eis render --format html, 1,000 statements, again (pages unchanged)', node, [eisBin, 'render', '--format', 'html', '--out', join(work, 'html-again'), ...renderFiles], Math.max(3, n - 2)),
  );
}
// The equity portfolio over the same corpus: every statement read, and the report as JSON.
if (has('report')) add(measure(`eis report --format json, ${label10k} statements`, node, [eisBin, 'report', c10k, '--format', 'json'], Math.max(3, n - 2), [0]));
if (has('diff')) add(measure('eis diff, 200-entry statement', node, [eisBin, 'diff', 'old.eis.yaml', 'new.eis.yaml', '--format', 'json'], n));

// Statements as people write them. "Cold" is a first run on a fresh machine: --no-cache and an empty cache folder.
const many = Math.max(3, n - 2);
const labelMixed = `${mixedCount.toLocaleString('en-US')} realistic statements (mixed styles)`;
const labelStyle = `${styleCount.toLocaleString('en-US')} statements`;
const names = {
  one: 'eis check, 1 realistic statement, --no-cache',
  cold: `eis check, ${labelMixed}, --no-cache`,
  cached: `eis check, ${labelMixed}, cached`,
  floor: `floor, ${labelMixed}`,
  ajv: `ajv-cli, ${labelMixed}`,
  render: 'eis render --format html, 1,000 realistic statements',
  style: (style) => `eis check, ${labelStyle}, style ${style}, --no-cache`,
  styleFloor: (style) => `floor, ${labelStyle}, style ${style}`,
};
add(measure(names.one, node, [eisBin, 'check', realOne, '--no-cache'], n * 2));
add(measure(names.cold, node, [eisBin, 'check', mixed, '--format', 'json', '--no-cache'], many, [0, 1], (i) => ({ EIS_CACHE_DIR: join(work, `mixed-cold-${i}`) })));
// The warm-up run fills the check cache; the runs measured find every report there.
add(measure(names.cached, node, [eisBin, 'check', mixed, '--format', 'json'], many, [0, 1], () => ({ EIS_CACHE_DIR: join(work, 'mixed-cached') })));
add(measure(names.floor, node, [floorScript, mixed], many));
add(measure(names.ajv, ajvBin, ['validate', '-s', schemaFile, '-d', `${mixed}/*.eis.yaml`, '--spec=draft2019', '--strict=false', '--errors=no'], 3));
for (const style of STYLES) {
  add(measure(names.style(style), node, [eisBin, 'check', byStyle[style], '--format', 'json', '--no-cache'], many, [0, 1], (i) => ({ EIS_CACHE_DIR: join(work, `style-cold-${style}-${i}`) })));
  add(measure(names.styleFloor(style), node, [floorScript, byStyle[style]], many));
}
if (has('render')) {
  const realFiles = Array.from({ length: 1000 }, (_, i) => join(mixed, `s${String(i).padStart(5, '0')}.eis.yaml`));
  add(measure(names.render, node, (i) => [eisBin, 'render', '--format', 'html', '--out', join(work, `html-real-${i}`), ...realFiles], many));
}

const by = (name) => rows.find((r) => r.name === name);
const ratio = (a, b) => (by(a) && by(b) ? by(a).medianMs / by(b).medianMs : undefined);
const ratios = {
  'eis --version / node -e 0': ratio('eis --version', 'node -e 0'),
  'eis check 1, --no-cache / node -e 0': ratio('eis check, 1 statement, --no-cache', 'node -e 0'),
  'eis check 1, cached / node -e 0': ratio('eis check, 1 statement, cached', 'node -e 0'),
  'eis check 1, empty cache folder / node -e 0': ratio('eis check, 1 statement, empty cache folder', 'node -e 0'),
  'eis check 1, no code cache at all / node -e 0': ratio('eis check, 1 statement, no code cache at all', 'node -e 0'),
  [`ajv-cli / eis check ${label10k}, --no-cache`]: ratio(`ajv-cli, ${label10k} statements`, `eis check, ${label10k} statements, --no-cache`),
  [`ajv-cli / eis check ${label10k}, cached`]: ratio(`ajv-cli, ${label10k} statements`, `eis check, ${label10k} statements, cached`),
  [`eis check ${label10k}, --no-cache / floor`]: ratio(`eis check, ${label10k} statements, --no-cache`, `floor, ${label10k} statements`),
};

// One row per style: a cliff shows as a style far above the fastest.
const styleRows = STYLES.map((style) => ({ style, eis: by(names.style(style))?.medianMs, floor: by(names.styleFloor(style))?.medianMs }));
const fastest = styleRows.reduce((a, b) => (b.eis < a.eis ? b : a));
const slowest = styleRows.reduce((a, b) => (b.eis > a.eis ? b : a));

// The targets (issue 15), each computed from this run's figures.
const target = (what, value, bound, met, shown = (v) => v.toFixed(2)) => ({
  target: what,
  value: value === undefined ? undefined : Number(value.toFixed(3)),
  shown: value === undefined ? 'n/a' : shown(value),
  bound,
  met: value === undefined ? undefined : met(value),
});
const mb = (v) => `${v.toFixed(0)} MB`;
const seconds = (v) => `${(v / 1000).toFixed(2)} s`;
const targets = [
  target(`ajv-cli / eis check, mixed, cold`, ratio(names.ajv, names.cold), '>= 2.5', (v) => v >= 2.5),
  target(`eis check / floor, mixed, cold`, ratio(names.cold, names.floor), '<= 1.5', (v) => v <= 1.5),
  target(`slowest style / fastest style, eis check (${slowest.style} / ${fastest.style})`, slowest.eis / fastest.eis, '<= 1.5', (v) => v <= 1.5),
  target(`peak memory, eis check, mixed, cold`, by(names.cold)?.peakRssMb, '< 250 MB', (v) => v < 250, mb),
  target('peak memory, eis check, 1 realistic statement', by(names.one)?.peakRssMb, '< 100 MB', (v) => v < 100, mb),
  target('eis check cached / cold, mixed', ratio(names.cached, names.cold), '<= 0.3', (v) => v <= 0.3),
  target('eis --version / node -e 0', ratio('eis --version', 'node -e 0'), '<= 1.15', (v) => v <= 1.15),
  target('eis check, 1 realistic statement / node -e 0', ratio(names.one, 'node -e 0'), '<= 2', (v) => v <= 2),
  target('eis render --format html, 1,000 realistic statements', by(names.render)?.medianMs, '< 1.5 s', (v) => v < 1500, seconds),
];

const time = (ms) => (ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const table = [
  '| what | median | peak memory |',
  '| --- | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${time(r.medianMs)} | ${r.peakRssMb ? `${r.peakRssMb.toFixed(0)} MB` : 'n/a'} |`),
  '',
  '| ratio | value |',
  '| --- | ---: |',
  ...Object.entries(ratios).map(([k, v]) => `| ${k} | ${v === undefined ? 'n/a' : v.toFixed(2)} |`),
  '',
  `| style (${labelStyle} each, --no-cache) | eis check | floor | eis / floor | eis / fastest style |`,
  '| --- | ---: | ---: | ---: | ---: |',
  ...styleRows.map((r) => `| ${r.style} | ${time(r.eis)} | ${time(r.floor)} | ${(r.eis / r.floor).toFixed(2)} | ${(r.eis / fastest.eis).toFixed(2)} |`),
  '',
  quick ? `Targets (quick run: ${mixedCount.toLocaleString('en-US')} mixed statements, not 10,000, and ${styleCount} per style; figures are indicative only):` : 'Targets:',
  '',
  '| target | this run | bound | met |',
  '| --- | ---: | ---: | --- |',
  ...targets.map((t) => `| ${t.target} | ${t.shown} | ${t.bound} | ${t.met === undefined ? 'n/a' : t.met ? 'met' : 'not met'} |`),
];
console.log(table.join('\n'));
const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const result = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), quick, rows, ratios, styles: styleRows, targets };
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
console.error(`\nwritten: ${join('bench', 'results', 'latest.json')}`);
