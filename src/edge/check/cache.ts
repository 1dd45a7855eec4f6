// The check cache: reports of earlier runs, by file content, so that checking a tree again reads
// every file but parses and checks only those that changed (as ruff and ESLint --cache do).
//
// A report depends on more than the file: eis itself, the questionnaires, the config, the folder
// eis runs in (paths in reports are relative to it) and the date (rules compare dates). All of it
// goes into one key; when the key differs, the whole cache is dropped. An approved statement also
// depends on its memos: the cache keeps what is needed to hash them again, and uses the report
// only while the memos are as they were.
//
// The cache lives outside the repository, in the user's cache folder: a pull request cannot bring
// a cache that hides findings from CI.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { packageRoot } from '../files/package-root.js';
import { cacheFolder, readCacheFile, removeMonthOldFiles } from '../files/cache-folder.js';
import { buildId } from '../files/build-id.js';
import { VERSION } from '../../core/version.js';
import { memoHashes, memosCoveredBy } from '../review/memo-hash.js';
import type { StatementReport } from '../../core/findings/findings.js';

/**
 * An approval was compared with the memos: the memo list's paths (to find the memos again) and
 * the memos' hashes then, kept instead of the statement's data.
 */
export interface MemoCheck {
  listed: string[];
  hashes: Array<{ path: string; hash: string }>;
}

export interface CacheEntry {
  /** sha1 of the file's bytes. */
  hash: string;
  report: StatementReport;
  memos?: MemoCheck | undefined;
}

interface CacheFile {
  key: string;
  entries: Record<string, CacheEntry>;
}

const MAX_FINDINGS = 200;
/** Ten thousand reports take a few megabytes; a file far larger is not one eis wrote. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** Everything besides the file that a report depends on. */
export function cacheKey(config: Config, cwd: string, today: string): string {
  const hash = createHash('sha256');
  const add = (part: string | Uint8Array) => hash.update(part).update('\0');
  add(VERSION);
  add(buildId());
  const builtin = join(packageRoot(), 'schemas', 'questionnaires');
  for (const name of readdirSync(builtin).sort()) {
    add(name);
    add(readOrEmpty(join(builtin, name)));
  }
  const { file: _file, ...settings } = config;
  add(JSON.stringify(settings));
  if (/[\\/]|\.ya?ml$/.test(config.questionnaire)) add(readOrEmpty(resolve(config.root, config.questionnaire)));
  add(cwd);
  add(today);
  return hash.digest('hex');
}

function readOrEmpty(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    return new Uint8Array();
  }
}

export class CheckCache {
  private readonly entries: Map<string, CacheEntry>;
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    entries: Record<string, CacheEntry>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** The cache for this folder and key; empty when there is none, it is unreadable, or its key differs. */
  static open(config: Config, cwd: string, today: string, folder = cacheFolder()): CheckCache {
    const key = cacheKey(config, cwd, today);
    // No folder (a relative EIS_CACHE_DIR): a cache that starts empty and is never saved.
    if (folder === undefined) return new CheckCache(undefined, key, {});
    const file = join(folder, `check-${createHash('sha1').update(`${cwd}\0${config.root}`).digest('hex').slice(0, 16)}.json`);
    try {
      const bytes = readCacheFile(file, MAX_CACHE_BYTES, { own: true });
      if (!bytes) return new CheckCache(file, key, {});
      const stored = JSON.parse(bytes.toString('utf8')) as CacheFile;
      if (stored.key === key && stored.entries && typeof stored.entries === 'object') return new CheckCache(file, key, stored.entries);
    } catch {
      // No cache yet, or one that cannot be read: start afresh.
    }
    return new CheckCache(file, key, {});
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  /** The stored report for a file with this content, if it still holds. */
  lookup(file: string, hash: string, config: Pick<Config, 'statements'>): StatementReport | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.hash !== hash || !looksLikeReport(entry.report)) return undefined;
    if (entry.memos) {
      const now = memoHashes(file, memosCoveredBy(file, entry.memos.listed, config));
      if (JSON.stringify(now) !== JSON.stringify(entry.memos.hashes)) return undefined;
    }
    return entry.report;
  }

  store(file: string, entry: CacheEntry): void {
    // A statement is a few kilobytes with a few findings; a report of thousands of findings (a
    // generated or hostile file) is quicker to make again than to keep, and would swell the cache.
    if (entry.report.findings.length > MAX_FINDINGS) return;
    this.entries.set(file, entry);
    this.changed = true;
  }

  /**
   * Writes the cache if anything changed, first dropping files that are gone (files merely not
   * checked this time stay: checking one folder must not forget another). Never fails the check.
   */
  save(checked: Set<string>): void {
    for (const file of this.entries.keys())
      if (!checked.has(file) && !existsSync(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    if (!this.changed || this.file === undefined) return;
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
      writeFileSync(temp, JSON.stringify({ key: this.key, entries: Object.fromEntries(this.entries) } satisfies CacheFile), { mode: 0o600 });
      renameSync(temp, this.file);
      // Each folder eis checks from gets a cache file; those not used for a month go.
      removeMonthOldFiles(join(this.file, '..'), (name) => /^check-[0-9a-f]{16}\.json$/.test(name));
    } catch {
      // A read-only home or a full disk costs the next run its head start, nothing more.
      try {
        rmSync(temp, { force: true });
      } catch {
        // The folder is not there to hold it either.
      }
    }
  }
}

/** A cache file is only data, but it may have been damaged: a report must have the shape reporters read. */
function looksLikeReport(report: unknown): report is StatementReport {
  if (!report || typeof report !== 'object') return false;
  const { file, findings } = report as Partial<StatementReport>;
  return (
    typeof file === 'string' &&
    Array.isArray(findings) &&
    findings.every(
      (f) =>
        f &&
        typeof f === 'object' &&
        typeof f.code === 'string' &&
        typeof f.message === 'string' &&
        typeof f.file === 'string' &&
        Number.isInteger(f.line) &&
        Number.isInteger(f.column) &&
        Array.isArray(f.path),
    )
  );
}
