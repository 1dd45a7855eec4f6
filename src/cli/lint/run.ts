// eis lint: files in, language findings out through the chosen reporters, an exit code back.
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { LintCommandOptions } from './flags.js';
import { exitCodeFor } from '../../core/findings/findings.js';
import { parseFormats, printReports } from '../../edge/files/output.js';
import { runLint } from '../../edge/lint/run.js';
import { allLintFindings, lintReporters } from '../../core/lint/report.js';

export async function lint(ctx: Context, files: string[], options: LintCommandOptions): Promise<number> {
  const formats = parseFormats(options.format, Object.keys(lintReporters));
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const report = await runLint(files, config, ctx.cwd);
  const strict = Boolean(options.strict);
  // parseFormats let through the names of reporters only.
  printReports(ctx, formats, options.output, (format, color) => lintReporters[format]!(report, { color, strict, version: ctx.version, tool: 'lint' }));
  return exitCodeFor(allLintFindings(report), strict);
}
