// What the person reads when an interview (or an --answers merge) ends: the same findings as
// `eis check`, then the next step.
import type { Config } from '../../core/config/config.js';
import type { Context } from '../context.js';
import { questionnaireRegistry } from '../questionnaire/registry.js';
import { checkFile } from '../check/check-file.js';
import type { Finding, StatementReport } from '../../core/findings/findings.js';
import { REVIEW_CODES } from '../../core/review/approval-findings.js';
import { textReporter } from '../../core/reporters/text.js';
import { exitCodeFor } from '../../core/findings/findings.js';

export interface Summary {
  /** The statement's report, without the findings about approval (the author cannot clear those). */
  report: StatementReport;
  /** The exit code `eis check` would give the author's part of this statement. */
  exitCode: 0 | 1 | 2;
  /** Findings about approval: not approved yet, stale, changes requested. */
  review: Finding[];
}

export function summarize(ctx: Context, config: Config, file: string): Summary {
  const full = checkFile(file, questionnaireRegistry(config), { config, cwd: ctx.cwd, today: ctx.today });
  const review = full.findings.filter((f) => REVIEW_CODES.has(f.code));
  const report = { ...full, findings: full.findings.filter((f) => !REVIEW_CODES.has(f.code)) };
  return { report, review, exitCode: exitCodeFor(report.findings, false) };
}

/** The findings as `eis check` prints them, then what to do next. */
export function summaryText(ctx: Context, summary: Summary): string {
  const c = ctx.stderrColor;
  const { report } = summary;
  const out = [textReporter({ statements: [report], findings: [] }, { color: c, strict: false, version: ctx.version, tool: 'check' }).trimEnd()];
  const file = report.file;
  if (summary.exitCode === 0 && summary.review.length)
    out.push('', `Next: commit the statement with its memo, and ask a reviewer named in the config to approve it (${c.bold(`eis signoff ${file}`)}); until then eis check reports it as not approved.`);
  else if (summary.exitCode === 0) out.push('', `Next: ${c.bold(`eis render ${file}`)} to read it as a document, then commit the statement with its memo.`);
  else {
    const sections = sectionsToRevisit(summary.report);
    out.push('', 'Next, to fix what is left (or edit the file), then check again:');
    for (const { section, count } of sections) out.push(`  ${c.bold(`eis answer ${file} --section ${section}`)}  ${count} ${count === 1 ? 'finding' : 'findings'}`);
    if (!sections.length) out.push(`  ${c.bold(`eis answer ${file}`)}`);
    out.push(`  ${c.bold(`eis check ${file}`)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The sections holding the errors still open, in questionnaire order, with how many each holds. */
export function sectionsToRevisit(report: StatementReport): Array<{ section: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of report.findings) {
    const section = f.path[0];
    if (f.severity !== 'error' || typeof section !== 'string' || section === 'eis' || section === 'questionnaire') continue;
    counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  return [...counts].map(([section, count]) => ({ section, count }));
}

/** The required answers still missing, one line each, for a run that could not ask. */
export function missingText(summary: Summary): string {
  const lines = summary.report.findings.filter((f) => f.severity === 'error').map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.path.length ? `${f.path.join('.')}: ` : ''}${f.message}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
