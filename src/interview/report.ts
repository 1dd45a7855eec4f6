// What the person reads when an interview (or an --answers merge) ends: the same findings as
// `eis check`, then the next step.
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { checkFile, questionnaireRegistry } from '../check/run.js';
import type { StatementReport } from '../check/findings.js';
import { textReporter } from '../check/reporters/text.js';
import { exitCodeFor } from '../check/findings.js';

export interface Summary {
  report: StatementReport;
  /** The exit code `eis check` would give this statement. */
  exitCode: 0 | 1 | 2;
}

export function summarize(ctx: Context, config: Config, file: string): Summary {
  const report = checkFile(file, questionnaireRegistry(config), { config, cwd: ctx.cwd, today: ctx.today });
  return { report, exitCode: exitCodeFor(report.findings, false) };
}

/** The findings as `eis check` prints them, then what to do next. */
export function summaryText(ctx: Context, summary: Summary): string {
  const c = ctx.stderrColor;
  const { report } = summary;
  const out = [textReporter({ statements: [report], findings: [] }, { color: c, strict: false, version: ctx.version, tool: 'check' }).trimEnd()];
  const file = report.file;
  if (summary.exitCode === 0)
    out.push('', `Next: ${c.bold(`eis render ${file}`)} to read it as a document, then commit the statement with its memo.`);
  else
    out.push('', `Next: ${c.bold(`eis answer ${file}`)} to fill the gaps (or edit the file), and ${c.bold(`eis check ${file}`)} to see them again.`);
  return `${out.join('\n')}\n`;
}

/** The required answers still missing, one line each, for a run that could not ask. */
export function missingText(summary: Summary): string {
  const lines = summary.report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.path.length ? `${f.path.join('.')}: ` : ''}${f.message}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
