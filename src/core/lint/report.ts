// Printing lint results. GitHub annotations, SARIF and JUnit are eis check's own reporters, fed one
// entry per file; text and JSON are lint's own, because they speak of files (not statements) and
// of waived findings.
import { exitCodeFor, sortFindings, type CheckReport, type Finding } from '../findings/findings.js';
import { githubReporter } from '../reporters/github.js';
import type { ReportContext } from '../reporters/index.js';
import { junitReporter } from '../reporters/junit.js';
import { sarifReporter } from '../reporters/sarif.js';
import { plural } from '../reporters/summary.js';
import { printable } from '../printable.js';
import { paragraphPlace, shortPlace } from '../reporters/place.js';
import type { LintReport } from './report-types.js';

export type LintReporter = (report: LintReport, ctx: ReportContext) => string;

export function allLintFindings(report: LintReport): Finding[] {
  return report.files.flatMap((f) => f.findings);
}

export function asCheckReport(report: LintReport): CheckReport {
  return { statements: report.files.map((f) => ({ file: f.file, findings: f.findings })), findings: [] };
}

/** Descriptions of the codes found, for SARIF rules and JUnit. */
export function lintRuleHelp(report: LintReport): Record<string, string> {
  const help: Record<string, string> = {};
  for (const f of [...allLintFindings(report), ...report.files.flatMap((x) => x.suppressed)]) {
    if (help[f.code]) continue;
    const [, group, rule] = f.code.split('/');
    if (group === 'glossary') help[f.code] = `Glossary term "${rule}": ${f.hint ?? 'a term to avoid'}`;
    else if (group === 'equality') help[f.code] = `Possibly insensitive wording (retext-equality rule "${rule}").`;
    else if (group === 'profanity') help[f.code] = `Possibly profane or offensive word (retext-profanities: "${rule}").`;
    else if (group === 'readability') help[f.code] = 'A paragraph reads above the target grade level.';
  }
  return help;
}

export function summaryOf(report: LintReport, strict: boolean) {
  const findings = allLintFindings(report);
  const exitCode = exitCodeFor(findings, strict);
  return {
    files: report.files.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    suppressed: report.files.reduce((n, f) => n + f.suppressed.length, 0),
    fatal: findings.filter((f) => f.fatal).length,
    exitCode,
  };
}

export const lintText: LintReporter = (report, ctx) => {
  const { color: c } = ctx;
  const out: string[] = [];
  for (const file of report.files) {
    if (!file.findings.length) continue;
    out.push(c.underline(printable(file.file)));
    for (const f of sortFindings(file.findings)) {
      const sev = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      out.push(`  ${c.dim(shortPlace(f).padEnd(7))} ${sev}  ${printable(f.message)}  ${c.dim(f.code)}`);
      if (f.hint) out.push(`  ${' '.repeat(7)} ${' '.repeat(7)}  ${c.dim(printable(f.hint))}`);
      const paragraph = paragraphPlace(f);
      if (paragraph) out.push(`  ${' '.repeat(7)} ${' '.repeat(7)}  ${c.dim(`in ${printable(paragraph)}`)}`);
    }
    out.push('');
  }
  const sum = summaryOf(report, ctx.strict);
  const waived = sum.suppressed ? `; ${sum.suppressed} waived (listed by --format json)` : '';
  const mark = sum.exitCode === 0 ? c.green('✔') : c.red('✖');
  const counts = sum.errors || sum.warnings ? `${plural(sum.errors, 'error')}, ${plural(sum.warnings, 'warning')}` : 'no language findings';
  const note = sum.exitCode === 0 && sum.warnings && !ctx.strict ? ' (warnings do not fail; --strict makes them)' : '';
  out.push(`${mark} ${counts} in ${plural(sum.files, 'file')}${waived}${note}`);
  return `${out.join('\n')}\n`;
};

export const lintJson: LintReporter = (report, ctx) => {
  const { exitCode, ...summary } = summaryOf(report, ctx.strict);
  const findings = sortFindings(allLintFindings(report));
  const suppressed = sortFindings(report.files.flatMap((f) => f.suppressed));
  return `${JSON.stringify(
    {
      tool: 'eis',
      command: 'lint',
      version: ctx.version,
      summary: { ...summary, ok: exitCode === 0 },
      files: report.files.map((f) => ({ file: f.file, kind: f.kind })),
      findings,
      suppressed,
    },
    null,
    2,
  )}\n`;
};

export const lintReporters: Record<string, LintReporter> = {
  text: lintText,
  json: lintJson,
  github: (report, ctx) => githubReporter(asCheckReport(report), ctx),
  junit: (report, ctx) => junitReporter(asCheckReport(report), { ...ctx, ruleHelp: { ...lintRuleHelp(report), ...ctx.ruleHelp } }),
  sarif: (report, ctx) => sarifReporter(asCheckReport(report), { ...ctx, ruleHelp: { ...lintRuleHelp(report), ...ctx.ruleHelp } }),
};
