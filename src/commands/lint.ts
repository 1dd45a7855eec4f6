// eis lint: files in, language findings out through the chosen reporters, an exit code back.
import { loadConfig } from '../config.js';
import type { Context } from '../context.js';
import { exitCodeFor } from '../check/findings.js';
import { plainColors } from '../check/reporters/index.js';
import { writeOutput } from '../output.js';
import { parseFormats } from './check.js';
import { runLint } from '../lint/run.js';
import { allLintFindings, lintReporters } from '../lint/report.js';

export interface LintCommandOptions {
  format: string;
  output?: string;
  strict?: boolean;
}

export async function lint(ctx: Context, files: string[], options: LintCommandOptions): Promise<number> {
  const formats = parseFormats(options.format, Object.keys(lintReporters));
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd });
  const report = runLint(files, config, ctx.cwd);
  const strict = Boolean(options.strict);
  formats.forEach((format, i) => {
    const toFile = options.output !== undefined && i === formats.length - 1;
    const text = lintReporters[format](report, { color: toFile ? plainColors : ctx.color, strict, version: ctx.version, tool: 'lint' });
    if (toFile) writeOutput(options.output!, text, ctx.cwd);
    else ctx.stdout(text);
  });
  return exitCodeFor(allLintFindings(report), strict);
}
