// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
import { allFindings, sortFindings, type CheckReport } from '../findings/findings.js';
import type { ReportContext } from './types.js';
import { sarifRule } from './sarif-rules.js';

export function sarifReporter(report: CheckReport, ctx: ReportContext): string {
  const findings = sortFindings(allFindings(report));
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eis',
            version: ctx.version,
            informationUri: 'https://www.npmjs.com/package/equity-impact-statements',
            rules: ruleIds.map((id) => sarifRule(id, ctx)),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIds.indexOf(f.code),
          level: f.severity === 'error' || ctx.strict ? 'error' : 'warning',
          message: { text: f.hint ? `${f.message} ${f.hint}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
