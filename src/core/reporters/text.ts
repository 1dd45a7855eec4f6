// Human-readable findings, grouped per file, with a completeness line per statement.
import { sortFindings, type CheckReport, type Finding } from '../findings/findings.js';
import type { ReportContext } from './types.js';
import { plural, summarize } from './summary.js';
import { printable } from '../printable.js';
import { paragraphPlace, shortPlace } from './place.js';

export function textReporter(report: CheckReport, ctx: ReportContext): string {
  const { color: c } = ctx;
  const out: string[] = [];
  const line = (f: Finding) => {
    const sev = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    // Messages quote keys and answers, and files are named by whoever named them: each shows as one line, inert.
    out.push(`  ${c.dim(shortPlace(f).padEnd(7))} ${sev}  ${printable(f.message)}  ${c.dim(f.code)}`);
    if (f.hint) out.push(`  ${' '.repeat(7)} ${' '.repeat(7)}  ${c.dim(printable(f.hint))}`);
    const paragraph = paragraphPlace(f);
    if (paragraph) out.push(`  ${' '.repeat(7)} ${' '.repeat(7)}  ${c.dim(`in ${printable(paragraph)}`)}`);
  };
  const byFile = new Map<string, Finding[]>();
  for (const f of sortFindings(report.findings)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(c.underline(printable(file)));
    findings.forEach(line);
    out.push('');
  }
  for (const s of [...report.statements].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const facts: string[] = [];
    if (s.questionnaire) facts.push(printable(s.questionnaire));
    if (s.status) facts.push(printable(s.status));
    if (s.completeness?.level) facts.push(`level ${s.completeness.level}`);
    if (s.completeness) {
      const { answered, required } = s.completeness;
      const text = `${answered}/${required} required answered`;
      facts.push(answered === required ? c.green(text) : c.yellow(text));
    }
    out.push(`${c.underline(printable(s.file))}${facts.length ? `  ${facts.join(', ')}` : ''}`);
    sortFindings(s.findings).forEach(line);
    if (s.findings.length) out.push('');
  }
  const sum = summarize(report, ctx.strict);
  const parts = [plural(sum.errors, 'error'), plural(sum.warnings, 'warning')];
  const scope = `${plural(sum.statements, 'statement')}${sum.missing ? `, ${plural(sum.missing, 'initiative')} without one` : ''}`;
  if (out.length && out[out.length - 1] !== '') out.push('');
  const mark = sum.exitCode === 0 ? c.green('✔') : c.red('✖');
  out.push(`${mark} ${parts.join(', ')} in ${scope}${sum.exitCode === 0 && sum.warnings && !ctx.strict ? ' (warnings do not fail; --strict makes them)' : ''}`);
  return `${out.join('\n')}\n`;
}
