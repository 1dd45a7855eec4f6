import { allFindings, exitCodeFor, type CheckReport } from '../findings/findings.js';

export interface Summary {
  statements: number;
  errors: number;
  warnings: number;
  missing: number;
  fatal: number;
  exitCode: 0 | 1 | 2;
}

export function summarize(report: CheckReport, strict: boolean): Summary {
  const findings = allFindings(report);
  return {
    statements: report.statements.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    missing: report.findings.filter((f) => f.code === 'coverage/missing').length,
    fatal: findings.filter((f) => f.fatal).length,
    exitCode: exitCodeFor(findings, strict),
  };
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
