// GitHub Actions workflow commands: each finding becomes an annotation on its file and line.
import { allFindings, sortFindings, type CheckReport } from '../findings/findings.js';
import type { ReportContext } from './types.js';
import { paragraphPlace } from './place.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubReporter(report: CheckReport, ctx: ReportContext): string {
  return sortFindings(allFindings(report))
    .map((f) => {
      const level = f.severity === 'error' || ctx.strict ? 'error' : 'warning';
      // A Word memo has no lines to annotate: the annotation is on the file, and says the paragraph.
      const paragraph = paragraphPlace(f);
      const at = paragraph ? '' : `,line=${f.line},col=${f.column}`;
      const props = `file=${escapeProperty(f.file)}${at},title=${escapeProperty(`eis ${ctx.tool}: ${f.code}`)}`;
      const text = `${paragraph ? `In ${paragraph}: ` : ''}${f.hint ? `${f.message} ${f.hint}` : f.message}`;
      return `::${level} ${props}::${escapeData(text)}\n`;
    })
    .join('');
}
