// eis check: options in, the check core, reporters out, an exit code back.
import { loadConfig } from '../config.js';
import type { Context } from '../context.js';
import { EisError } from '../errors.js';
import { runCheckParallel } from '../check/run.js';
import { exitCodeFor, allFindings } from '../check/findings.js';
import { reporters, plainColors } from '../check/reporters/index.js';
import { writeOutput } from '../output.js';
import { changedSince } from '../git/changed.js';

export interface CheckOptions {
  format: string;
  output?: string;
  strict?: boolean;
  since?: string;
  lint?: boolean;
}

export function parseFormats(value: string, known: string[]): string[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats)
    if (!known.includes(f)) throw new EisError(`"${f}" is not an output format.`, { hint: `Use one or more of ${known.join(', ')}, separated by commas.` });
  if (!formats.length) throw new EisError('--format needs at least one format.', { hint: `Use one or more of ${known.join(', ')}.` });
  return formats;
}

export async function check(ctx: Context, paths: string[], options: CheckOptions): Promise<number> {
  const formats = parseFormats(options.format, Object.keys(reporters));
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd });
  const only = options.since ? changedSince(options.since, ctx.cwd, paths) : undefined;
  const report = await runCheckParallel({ paths, config, cwd: ctx.cwd, today: ctx.today, only });
  if (options.lint) {
    const { lintStatements } = await import('../lint/for-check.js');
    await lintStatements(report, config, ctx);
  }
  const strict = Boolean(options.strict);
  formats.forEach((format, i) => {
    const toFile = options.output !== undefined && i === formats.length - 1;
    const text = reporters[format](report, { color: toFile ? plainColors : ctx.color, strict, version: ctx.version, tool: 'check' });
    if (toFile) writeOutput(options.output!, text, ctx.cwd);
    else ctx.stdout(text);
  });
  if (only && !report.statements.length && !report.findings.length) ctx.stderr(`eis: nothing changed since ${options.since} needs checking.\n`);
  return exitCodeFor(allFindings(report), strict);
}
