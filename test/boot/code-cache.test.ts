// The code cache of eis's own bundle: written once, used after, and never trusted blindly. V8
// checks a cache's version and flags but not its bytes (flipped bits crash the process) nor the
// source it was made for beyond its length, so eis checks both itself.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, rmSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { loadBundle, readCodeCache } from '../../src/boot/code-cache.js';
import { eis, tempTree, olderVersionNote } from '../helpers/cli.js';

const tree = tempTree();
afterAll(() => tree.cleanup());
let made = 0;

/** A bundle file with this body, at a new path each time (V8 keeps compiled scripts per path within a process). */
function bundleFile(body: string): string {
  const file = join(tree.dir, `bundle-${++made}.cjs`);
  writeFileSync(file, body);
  return file;
}

const idOf = (source: string) => createHash('sha1').update(source).digest('hex');
/** What a cache file holds, read as eis reads it, for the bundle with this build id (by default the built eis). */
const stored = (file: string, buildId = idOf(readFileSync(join('dist', 'eis.cjs'), 'utf8'))) => readCodeCache(file, buildId, { own: false });
const body = (answer: number) => `exports.runCli = function (argv) { return ${answer} * argv.length; };\nexports.runCheckWorker = function () {};\n`;
const onlyFile = (folder: string) => {
  const files = readdirSync(folder);
  expect(files).toHaveLength(1);
  return join(folder, files[0]);
};

describe('the code cache', () => {
  it('compiles without a cache, writes one with its own bytes hashed, and uses it the next time', () => {
    const folder = join(tree.dir, 'first');
    const first = loadBundle(bundleFile(body(21)), { folder: folder, command: 'check' });
    expect(first.cached).toBe(false);
    expect(first.bundle.runCli(['a', 'b'], '')).toBe(42);
    first.writeCache();
    const cache = onlyFile(folder);
    expect(cache).toMatch(new RegExp(`eis-${first.buildId.slice(0, 16)}-${process.version}-${process.arch}-[0-9a-f]{8}\\.v8$`));
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(stored(cache, first.buildId)?.data).toBeInstanceOf(Buffer);

    const second = loadBundle(bundleFile(body(21)), { folder: folder, command: 'check' });
    expect(second).toMatchObject({ cached: true, buildId: first.buildId });
    expect(second.bundle.runCli(['a', 'b', 'c'], '')).toBe(63);
  });

  it('adds the code of a command that has not run since the cache was written, once', () => {
    const folder = join(tree.dir, 'commands');
    const first = loadBundle(bundleFile(body(4)), { folder, command: 'schema' });
    expect(first.writeNeeded).toBe(true);
    first.writeCache();
    const cache = onlyFile(folder);
    expect(stored(cache, first.buildId)?.commands).toEqual(['schema']);
    const again = loadBundle(bundleFile(body(4)), { folder, command: 'schema' });
    expect(again).toMatchObject({ cached: true, writeNeeded: false });
    const check = loadBundle(bundleFile(body(4)), { folder, command: 'check' });
    expect(check).toMatchObject({ cached: true, writeNeeded: true });
    check.writeCache();
    expect(stored(cache, first.buildId)?.commands).toEqual(['schema', 'check']);
    expect(loadBundle(bundleFile(body(4)), { folder, command: 'check' })).toMatchObject({ cached: true, writeNeeded: false });
  });

  it('ignores a damaged cache instead of handing it to V8, and writes it anew', () => {
    const folder = join(tree.dir, 'damaged');
    const file = bundleFile(body(5));
    loadBundle(file, { folder: folder, command: 'check' }).writeCache();
    const cache = onlyFile(folder);
    const bytes = readFileSync(cache);
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++) bytes[i] ^= 0xff;
    writeFileSync(cache, bytes);
    expect(stored(cache, idOf(body(5)))).toBeUndefined();
    const again = loadBundle(bundleFile(body(5)), { folder: folder, command: 'check' });
    expect(again.cached).toBe(false);
    expect(again.bundle.runCli(['x'], '')).toBe(5);
    again.writeCache();
    expect(stored(cache, idOf(body(5)))?.data).toBeInstanceOf(Buffer);
    expect(loadBundle(bundleFile(body(5)), { folder: folder, command: 'check' }).cached).toBe(true);
  });

  it('reads only a regular file no one else can write, and never waits on a named pipe', () => {
    const folder = join(tree.dir, 'unsafe');
    loadBundle(bundleFile(body(13)), { folder, command: 'check' }).writeCache();
    const cache = onlyFile(folder);
    expect(loadBundle(bundleFile(body(13)), { folder, command: 'check' }).cached).toBe(true);
    chmodSync(cache, 0o666);
    expect(loadBundle(bundleFile(body(13)), { folder, command: 'check' }).cached).toBe(false);
    rmSync(cache);
    expect(spawnSync('mkfifo', [cache]).status).toBe(0);
    const loaded = loadBundle(bundleFile(body(13)), { folder, command: 'check' });
    expect(loaded).toMatchObject({ cached: false, writeNeeded: true });
    // Written anew in place of the pipe.
    loaded.writeCache();
    expect(statSync(cache).isFile()).toBe(true);
  });

  it('never uses the cache of one build under the name of another', () => {
    const folder = join(tree.dir, 'renamed');
    loadBundle(bundleFile(body(14)), { folder, command: 'check' }).writeCache();
    const mine = onlyFile(folder);
    const other = loadBundle(bundleFile(body(15)), { folder, command: 'check' });
    other.writeCache();
    const theirs = readdirSync(folder)
      .map((name) => join(folder, name))
      .find((file) => file !== mine)!;
    writeFileSync(theirs, readFileSync(mine));
    const again = loadBundle(bundleFile(body(15)), { folder, command: 'check' });
    expect(again.cached).toBe(false);
    expect(again.bundle.runCli(['x'], '')).toBe(15);
  });

  it('ignores a cut-short or empty cache', () => {
    const folder = join(tree.dir, 'short');
    loadBundle(bundleFile(body(6)), { folder: folder, command: 'check' }).writeCache();
    const cache = onlyFile(folder);
    writeFileSync(cache, readFileSync(cache).subarray(0, 100));
    expect(loadBundle(bundleFile(body(6)), { folder: folder, command: 'check' }).cached).toBe(false);
    writeFileSync(cache, '');
    expect(loadBundle(bundleFile(body(6)), { folder: folder, command: 'check' }).cached).toBe(false);
  });

  it('never uses the cache of other source of the same length', () => {
    const folder = join(tree.dir, 'other');
    const made = loadBundle(bundleFile(body(7)), { folder: folder, command: 'check' });
    expect(made.bundle.runCli(['x'], '')).toBe(7);
    made.writeCache();
    expect(body(7)).toHaveLength(body(8).length);
    const other = loadBundle(bundleFile(body(8)), { folder: folder, command: 'check' });
    expect(other.cached).toBe(false);
    expect(other.bundle.runCli(['x'], '')).toBe(8);
  });

  it('leaves nothing behind, and does not fail, where it cannot write', () => {
    const notAFolder = join(tree.dir, 'a-file');
    writeFileSync(notAFolder, 'x');
    const loaded = loadBundle(bundleFile(body(9)), { folder: join(notAFolder, 'code'), command: 'check' });
    expect(() => loaded.writeCache()).not.toThrow();
    expect(readFileSync(notAFolder, 'utf8')).toBe('x');
    const readOnly = join(tree.dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    try {
      expect(() => loadBundle(bundleFile(body(9)), { folder: readOnly, command: 'check' }).writeCache()).not.toThrow();
      // root may write anyway; whoever cannot must find no temporary file either.
      expect(readdirSync(readOnly).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      chmodSync(readOnly, 0o700);
    }
  });

  it('removes the caches of other builds written over a month ago when it writes its own', () => {
    const folder = join(tree.dir, 'prune');
    mkdirSync(folder);
    const old = join(folder, 'eis-0000000000000000-v18.0.0-x64.v8');
    const recent = join(folder, 'eis-1111111111111111-v20.0.0-x64.v8');
    const notOurs = join(folder, 'notes.txt');
    for (const file of [old, recent, notOurs]) writeFileSync(file, 'x');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(notOurs, longAgo, longAgo);
    loadBundle(bundleFile(body(10)), { folder: folder, command: 'check' }).writeCache();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });
});

describe('eis with the code cache', () => {
  it('keeps no cache where EIS_CACHE_DIR is relative, inside the folder it runs in', () => {
    const dir = join(tree.dir, 'relative');
    mkdirSync(dir);
    const run = eis(['check', join(process.cwd(), 'examples', 'memos', 'text-payment-reminders.eis.yaml'), '--format', 'json'], { cwd: dir, env: { EIS_CACHE_DIR: 'cache' } });
    expect(run).toMatchObject({ code: 0, stderr: olderVersionNote(1) });
    expect(readdirSync(dir)).toEqual([]);
  });

  // `eis lint` is not among the commands the build runs, so its first run writes the user's cache.
  it('gives the same answers with no cache, with one, and with a damaged one, and mends the damaged one', () => {
    const cacheDir = join(tree.dir, 'cli-cache');
    const run = () => eis(['lint', 'examples', '--format', 'json'], { env: { EIS_CACHE_DIR: cacheDir } });
    const first = run();
    expect(first.code).toBeLessThan(2);
    expect(first.stderr).toBe('');
    const cache = onlyFile(join(cacheDir, 'code'));
    const written = readFileSync(cache);
    expect(stored(cache)?.commands).toContain('lint');
    expect(run()).toEqual(first);
    expect(readFileSync(cache)).toEqual(written);

    const damaged = Buffer.from(written);
    for (let i = Math.floor(damaged.length / 2); i < Math.floor(damaged.length / 2) + 64; i++) damaged[i] ^= 0x5a;
    writeFileSync(cache, damaged);
    expect(run()).toEqual(first);
    expect(stored(cache)?.commands).toContain('lint');

    // Another command adds its code to the cache the first time it runs.
    expect(eis(['signoff', '--help'], { env: { EIS_CACHE_DIR: cacheDir } }).code).toBe(0);
    expect(stored(cache)?.commands).toEqual(expect.arrayContaining(['lint', 'signoff']));
    expect(run()).toEqual(first);
  });
});

describe('the code cache the build ships', () => {
  it('is beside the bundle, readable by all, made by this Node, and holds the main commands', () => {
    const shipped = join('dist', 'code');
    const files = readdirSync(shipped).filter((name) => name.endsWith('.v8'));
    expect(files).toHaveLength(1);
    const file = join(shipped, files[0]);
    expect(files[0]).toContain(`-${process.version}-${process.arch}-`);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(stored(file)?.commands).toEqual(expect.arrayContaining(['-', 'check', 'render', 'diff', 'status']));
  });

  it('is used by a first run with an empty cache folder, which then writes nothing of its own', () => {
    const cacheDir = join(tree.dir, 'first-run');
    const run = eis(['check', 'examples', '--format', 'json'], { env: { EIS_CACHE_DIR: cacheDir } });
    expect(run.code).toBe(1);
    expect(existsSync(join(cacheDir, 'code'))).toBe(false);
    // A command the build did not run adds its code to the user's cache, on top of the shipped code.
    expect(eis(['lint', 'examples/memos/text-payment-reminders.md'], { env: { EIS_CACHE_DIR: cacheDir } }).code).toBeLessThan(2);
    expect(stored(onlyFile(join(cacheDir, 'code')))?.commands).toEqual(expect.arrayContaining(['check', 'render', 'lint']));
  });

  it('is not used for a bundle of other source', () => {
    const folder = join(tree.dir, 'shipped-other');
    const shipped = join(tree.dir, 'shipped');
    const made = loadBundle(bundleFile(body(11)), { folder: shipped, command: 'check' });
    // Compiled before the cache is written, so that the cache holds runCli's code.
    expect(made.bundle.runCli(['x'], '')).toBe(11);
    made.writeCache();
    const other = loadBundle(bundleFile(body(12)), { folder, shipped, command: 'check' });
    expect(other.cached).toBe(false);
    expect(other.bundle.runCli(['x'], '')).toBe(12);
    const same = loadBundle(bundleFile(body(11)), { folder, shipped, command: 'check' });
    expect(same).toMatchObject({ cached: true, writeNeeded: false });
  });
});
