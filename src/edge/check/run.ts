// The edge of `eis check`, in named steps: plan.ts finds the statements and the coverage findings,
// check-file.ts checks one statement, parallel.ts shares many out between threads, and cached.ts
// keeps the reports of files that have not changed.
import type { CheckReport } from '../../core/findings/findings.js';
import { checkFile, type CheckFileOptions } from './check-file.js';
import { planCheck, type RunCheckOptions } from './plan.js';

export type { RunCheckOptions } from './plan.js';

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
  const fileOptions: CheckFileOptions = { config: options.config, cwd: options.cwd, today: options.today, cache: options.cache, questionnaireSource: options.questionnaireSource };
  if (!options.cache) {
    const { checkFilesInParallel } = await import('./parallel.js');
    return { statements: (await checkFilesInParallel(files, known, fileOptions)).map((c) => c.report), findings };
  }
  const { checkWithCache } = await import('./cached.js');
  return { statements: await checkWithCache(files, known, options, fileOptions), findings };
}
