import type { CheckReport } from '../findings/findings.js';
import type { ReportContext } from './types.js';
import { summarize } from './summary.js';

export function jsonReporter(report: CheckReport, ctx: ReportContext): string {
  const { exitCode, ...summary } = summarize(report, ctx.strict);
  return `${JSON.stringify({ tool: 'eis', version: ctx.version, summary: { ...summary, ok: exitCode === 0 }, findings: report.findings, statements: report.statements }, null, 2)}\n`;
}
