// eis check: options in, the check core, reporters out, an exit code back.
import { loadConfig } from '../config.js';
import type { Context } from '../context.js';
import { runCheckParallel } from '../check/run.js';
import { exitCodeFor, allFindings } from '../check/findings.js';
import { reporters } from '../check/reporters/index.js';
import { parseFormats, printReports } from '../output.js';
import { changedSince } from '../git/changed.js';

export interface CheckOptions {
  format: string;
  output?: string;
  strict?: boolean;
  since?: string;
  lint?: boolean;
  cache?: boolean;
}

export async function check(ctx: Context, paths: string[], options: CheckOptions): Promise<number> {
  const formats = parseFormats(options.format, Object.keys(reporters));
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const only = options.since ? changedSince(options.since, ctx.cwd, paths) : undefined;
  const report = await runCheckParallel({ paths, config, cwd: ctx.cwd, today: ctx.today, only, since: options.since, cache: options.cache !== false });
  if (options.lint) {
    const { lintStatements } = await import('../lint/for-check.js');
    await lintStatements(report, config, ctx);
  }
  const strict = Boolean(options.strict);
  printReports(ctx, formats, options.output, (format, color) => reporters[format](report, { color, strict, version: ctx.version, tool: 'check' }));
  if (only && !report.statements.length && !report.findings.length) ctx.stderr(`eis: nothing changed since ${options.since} needs checking.\n`);
  return exitCodeFor(allFindings(report), strict);
}
