// Checking with the cache: a file whose content (and memos) are as at an earlier run keeps that
// run's report; the rest are checked in worker threads, and their reports stored for next time.
import type { StatementReport } from '../../core/findings/findings.js';
import { readBytes } from '../files/statement-file.js';
import type { Registry } from '../questionnaire/registry.js';
import { CheckCache, contentHash } from './cache.js';
import type { CheckFileOptions } from './check-file.js';
import { checkFilesInParallel } from './parallel.js';
import type { RunCheckOptions } from './plan.js';

export async function checkWithCache(files: string[], known: Registry, options: RunCheckOptions, fileOptions: CheckFileOptions): Promise<StatementReport[]> {
  const cache = CheckCache.open(options.config, options.cwd, options.today);
  const { statements, misses } = cachedReports(cache, files, options);
  const checked = await checkFilesInParallel(
    misses.map((i) => files[i]!),
    known,
    fileOptions,
  );
  checked.forEach(({ report, hash, memos }, j) => {
    const index = misses[j]!; // one report per miss, in order
    const file = files[index]!;
    statements[index] = report;
    if (hash) cache.store(file, { hash, report, memos });
  });
  cache.save(new Set(files));
  return statements;
}

/** The reports the cache holds for these files, by index, and the indexes of the files it does not. */
function cachedReports(cache: CheckCache, files: string[], options: RunCheckOptions): { statements: StatementReport[]; misses: number[] } {
  const statements: StatementReport[] = new Array(files.length);
  const misses: number[] = [];
  files.forEach((file, i) => {
    let hit: StatementReport | undefined;
    // A file the cache has never seen is not read here: the check reads and hashes it.
    if (cache.has(file))
      try {
        hit = cache.lookup(file, contentHash(readBytes(file, 'statement')), options.config);
      } catch {
        hit = undefined; // the check reports why the file cannot be read
      }
    if (hit) statements[i] = hit;
    else misses.push(i);
  });
  return { statements, misses };
}
