// The edge of `eis check`: which files to check, coverage, the cache, and the work shared out
// between threads (parallel.ts); one file is checked by check-file.ts.
import { existsSync } from 'node:fs';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { displayPath, findInitiatives, findStatements, resolvePaths } from '../files/discover.js';
import { readBytes } from '../files/statement-file.js';
import { affectedStatements } from './affected.js';
import { coverageFindings } from './coverage-findings.js';
import { CheckCache, contentHash } from './cache.js';
import { checkFile, type CheckFileOptions } from './check-file.js';
import { registryFor } from '../questionnaire/registry.js';
import type { CheckReport, Finding, StatementReport } from '../../core/findings/findings.js';

export interface RunCheckOptions {
  paths: string[];
  config: Config;
  cwd: string;
  today: string;
  /** Only these absolute files count (from --since); undefined for all. */
  only?: Set<string>;
  /** The --since ref: renamed memos are looked for from its merge base with HEAD. */
  since?: string;
  /** Use and update the check cache (see cache.ts). */
  cache?: boolean;
  /** The questionnaire's text when it is read from a git ref rather than the config's file. */
  questionnaireSource?: { text: string; name: string };
}

/** Checks statements and coverage in this thread. */
export function runCheck(options: RunCheckOptions): CheckReport {
  const { files, findings, known } = planCheck(options);
  return { statements: files.map((file) => checkFile(file, known, options)), findings };
}

/**
 * The same as runCheck, with many statements shared out between worker threads, and with the
 * cache when asked: files whose content (and memos) are as at an earlier run keep its report.
 */
export async function runCheckParallel(options: RunCheckOptions): Promise<CheckReport> {
  const { files, findings, known } = planCheck(options);
  const { checkFilesInParallel } = await import('./parallel.js');
  const fileOptions: CheckFileOptions = { config: options.config, cwd: options.cwd, today: options.today, cache: options.cache, questionnaireSource: options.questionnaireSource };
  if (!options.cache) return { statements: (await checkFilesInParallel(files, known, fileOptions)).map((c) => c.report), findings };

  const cache = CheckCache.open(options.config, options.cwd, options.today);
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
  const checked = await checkFilesInParallel(misses.map((i) => files[i]), known, fileOptions);
  checked.forEach(({ report, hash, memos }, j) => {
    const file = files[misses[j]];
    statements[misses[j]] = report;
    if (hash) cache.store(file, { hash, report, memos });
  });
  cache.save(new Set(files));
  return { statements, findings };
}

/** Which statement files to check, and the coverage findings (initiatives with no statement). */
function planCheck(options: RunCheckOptions) {
  const { config, cwd } = options;
  const roots = resolvePaths(options.paths, cwd);
  const known = registryFor(options);
  const initiatives = findInitiatives(config, roots).filter((i) => !options.only || options.only.has(i.path) || options.only.has(i.statement) || i.memos.some((m) => options.only!.has(m)));
  const found = findStatements(roots);
  let files = found;
  if (options.only) files = affectedStatements(files, options.only, config, known);

  const findings: Finding[] = [];
  for (const initiative of initiatives) {
    if (existsSync(initiative.statement)) continue;
    findings.push({
      code: 'coverage/missing',
      severity: 'error',
      file: displayPath(initiative.path, cwd),
      path: [],
      line: 1,
      column: 1,
      message: `This ${initiative.kind === 'memo' ? 'memo' : 'initiative'} has no equity impact statement (expected ${displayPath(initiative.statement, cwd)}).`,
      hint: `Create it with: eis new ${displayPath(initiative.path, cwd)}`,
    });
  }
  findings.push(...coverageFindings({ config, cwd, roots, only: options.only, since: options.since, statements: found, missing: findings, known }));
  if (!files.length && !findings.length && !options.only)
    throw new EisError(`no statements (*.eis.yaml) found under ${options.paths.length ? options.paths.join(', ') : 'the current folder'}.`, {
      hint: 'Give the folder or files to check, or create one with eis new.',
    });

  return { files, findings, known };
}
