// Loads eis's CommonJS bundle (dist/eis.cjs) with V8's code cache, as v8-compile-cache and Node 22's
// module compile cache do. Compiling the bundle's code is most of what a short command costs; with
// the cache, V8 reads the compiled code of every function the last run used instead of compiling
// it again. The cache is written once per build, by the first command that runs it, and lives in
// the user's cache folder, never in a repository.
//
// V8 checks that a cache fits its version and flags, but not what it holds: a cache with flipped
// bits crashes the process, and one made for other source of the same length runs wrong code. So
// each file is named by a hash of the source and carries a hash of its own bytes, checked first.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script, constants } from 'node:vm';
import { cacheFolder, removeMonthOldFiles } from '../cache-folder.js';

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
export function loadBundle(file: string, { command, folder = join(cacheFolder(), 'code'), shipped = join(dirname(file), 'code') }: { command: string; folder?: string; shipped?: string }): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const buildId = createHash('sha1').update(source).digest('hex');
  const name = `eis-${buildId.slice(0, 16)}-${process.version}-${process.arch}.v8`;
  const cacheFile = join(folder, name);
  // The user's cache, else the one the build made beside the bundle (valid when the same Node runs it).
  const stored = readCodeCache(cacheFile) ?? readCodeCache(join(shipped, name));
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
    writeNeeded: !cached || (!commands.includes(command) && commands.length < MAX_COMMANDS),
    writeCache: () => writeCodeCache(folder, cacheFile, script, commands.includes(command) ? commands : [...commands, command]),
  };
}

/**
 * The cache, if the file is there and its bytes are the ones written. Its layout: the sha1 of the
 * rest, the length of the command list (2 bytes), the list (names on lines), V8's data.
 */
export function readCodeCache(file: string): CodeCache | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < DIGEST_BYTES + 2) return undefined;
  const rest = bytes.subarray(DIGEST_BYTES);
  if (!createHash('sha1').update(rest).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
  const listEnd = 2 + rest.readUInt16BE(0);
  if (listEnd >= rest.length) return undefined;
  const list = rest.toString('utf8', 2, listEnd);
  return { commands: list ? list.split('\n') : [], data: rest.subarray(listEnd) };
}

/** Writes the cache atomically; a cache that cannot be written only makes the next run slower. */
function writeCodeCache(folder: string, file: string, script: Script, commands: string[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const list = Buffer.from(commands.join('\n'));
    const length = Buffer.alloc(2);
    length.writeUInt16BE(list.length);
    const rest = Buffer.concat([length, list, script.createCachedData()]);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([createHash('sha1').update(rest).digest(), rest]), { mode: 0o600 });
    renameSync(temporary, file);
    // Caches of other builds and Node versions, written over a month ago (one still in use is
    // only written again by its next run).
    removeMonthOldFiles(folder, (name) => name.startsWith('eis-') && join(folder, name) !== file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Not even the folder is writable: nothing was left behind.
    }
  }
}
