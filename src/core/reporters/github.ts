// GitHub Actions workflow commands: each finding becomes an annotation on its file and line.
import { allFindings, sortFindings, type CheckReport } from '../findings/findings.js';
import type { ReportContext } from './types.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubReporter(report: CheckReport, ctx: ReportContext): string {
  return sortFindings(allFindings(report))
    .map((f) => {
      const level = f.severity === 'error' || ctx.strict ? 'error' : 'warning';
      const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(`eis ${ctx.tool}: ${f.code}`)}`;
      return `::${level} ${props}::${escapeData(f.hint ? `${f.message} ${f.hint}` : f.message)}\n`;
    })
    .join('');
}
