// Loads eis's CommonJS bundle (dist/eis.cjs) with V8's code cache, as v8-compile-cache and Node 22's
// module compile cache do. Compiling the bundle's code is most of what a short command costs; with
// the cache, V8 reads the compiled code of every function earlier runs used instead of compiling
// it again. The build ships a cache beside the bundle (dist/code); each command the user runs that
// it lacks adds its code to the user's own, in the cache folder, never in a repository.
//
// V8 checks that a cache fits its version and flags, but not what it holds: a cache with flipped
// bits crashes the process, and one made for other source of the same length runs wrong code. So
// each file is named by a hash of the source, and carries a hash of that source and its own bytes,
// checked first; and it must be a regular file no one else can write.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script, constants } from 'node:vm';
import { cacheFolder, readCacheFile, removeMonthOldFiles } from '../edge/files/cache-folder.js';

/** What dist/eis.cjs exports (src/bundle.ts). */
export interface Bundle {
  runCli(argv: string[], buildId: string): Promise<void>;
  runCheckWorker(): Promise<void>;
}

const DIGEST_BYTES = 20;
/** A cache grows with each command's first run; past this many commands it is left as it is. */
const MAX_COMMANDS = 24;

export interface LoadedBundle {
  bundle: Bundle;
  /** The hash of the bundle's source, which names the build. */
  buildId: string;
  /** Whether V8 took its compiled code from the cache. */
  cached: boolean;
  /** Whether the cache should be written at exit: there is none, or this command's code is not in it. */
  writeNeeded: boolean;
  /** Writes the cache from what this process compiled so far; call it late, at exit, so it holds most. */
  writeCache(): void;
}

export interface CodeCache {
  /** The commands whose runs the cache holds the compiled code of. */
  commands: string[];
  data: Buffer;
}

/**
 * Runs the bundle's top level and returns its exports. `command` names what this run does (the
 * first word of its arguments): V8 can only cache what a run compiled, so a cache made by
 * `eis --help` holds little of `eis check`, and each command adds its code the first time it runs.
 * The build runs the main commands once and ships their cache in `shipped` (dist/code), so that
 * even the first run on a fresh machine, as in CI, starts from compiled code; runs that add to it
 * write the user's cache in `folder`.
 */
export function loadBundle(file: string, { command, folder = userFolder(), shipped = join(dirname(file), 'code') }: { command: string; folder?: string; shipped?: string }): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const buildId = createHash('sha1').update(source).digest('hex');
  const name = cacheName(buildId);
  const cacheFile = folder === undefined ? undefined : join(folder, name);
  // The user's cache, else the one the build made beside the bundle (valid when the same Node runs it).
  const stored = (cacheFile === undefined ? undefined : readCodeCache(cacheFile, buildId, { own: true })) ?? readCodeCache(join(shipped, name), buildId, { own: false });
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: stored?.data,
    // The bundle loads its libraries with require(); this keeps a stray import() working as in a module.
    importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as Bundle };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const cached = stored !== undefined && !script.cachedDataRejected;
  const commands = cached ? stored.commands : [];
  return {
    bundle: module.exports,
    buildId,
    cached,
    writeNeeded: cacheFile !== undefined && (!cached || (!commands.includes(command) && commands.length < MAX_COMMANDS)),
    writeCache: () => {
      if (folder !== undefined && cacheFile !== undefined) writeCodeCache(folder, cacheFile, buildId, script, commands.includes(command) ? commands : [...commands, command]);
    },
  };
}

function userFolder(): string | undefined {
  const folder = cacheFolder();
  return folder === undefined ? undefined : join(folder, 'code');
}

/**
 * The file name for this build, Node and V8 flags (which V8 also checks: two setups that differ
 * would otherwise replace each other's cache on every run).
 */
function cacheName(buildId: string): string {
  const flags = createHash('sha1')
    .update(`${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest('hex')
    .slice(0, 8);
  return `eis-${buildId.slice(0, 16)}-${process.version}-${process.arch}-${flags}.v8`;
}

/** A cache is about as large as the bundle's compiled code; far larger is not one eis wrote. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

function digest(buildId: string, rest: Uint8Array): Buffer {
  return createHash('sha1').update(buildId).update(rest).digest();
}

/**
 * The cache, if the file is there, is safe to read, and holds what was written for this build.
 * Its layout: the sha1 of the build id and the rest, the length of the command list (2 bytes),
 * the list (names on lines), V8's data.
 */
export function readCodeCache(file: string, buildId: string, { own }: { own: boolean }): CodeCache | undefined {
  const bytes = readCacheFile(file, MAX_CACHE_BYTES, { own });
  if (!bytes || bytes.length < DIGEST_BYTES + 2) return undefined;
  const rest = bytes.subarray(DIGEST_BYTES);
  if (!digest(buildId, rest).equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
  const listEnd = 2 + rest.readUInt16BE(0);
  if (listEnd >= rest.length) return undefined;
  const list = rest.toString('utf8', 2, listEnd);
  return { commands: list ? list.split('\n') : [], data: rest.subarray(listEnd) };
}

/**
 * Writes the cache atomically, with a name no other process uses. A folder that cannot be written
 * is found before V8 is asked for the data (a megabyte or so); a cache that cannot be written only
 * makes the next run slower.
 */
function writeCodeCache(folder: string, file: string, buildId: string, script: Script, commands: string[]): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    fd = openSync(temporary, 'wx', 0o600);
    const list = Buffer.from(commands.join('\n'));
    const length = Buffer.alloc(2);
    length.writeUInt16BE(list.length);
    const rest = Buffer.concat([length, list, script.createCachedData()]);
    writeFileSync(fd, Buffer.concat([digest(buildId, rest), rest]));
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
    // Caches of other builds and Node versions, written over a month ago (one still in use is
    // only written again by its next run).
    removeMonthOldFiles(folder, (name) => name.startsWith('eis-') && join(folder, name) !== file);
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // Not even the folder is writable: nothing was left behind.
    }
  }
}
