// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
import { allFindings, sortFindings, type CheckReport } from '../findings/findings.js';
import type { ReportContext } from './types.js';
import { sarifRule } from './sarif-rules.js';
import { paragraphPlace } from './place.js';

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
        results: findings.map((f) => {
          const artifactLocation = { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' };
          const text = f.hint ? `${f.message} ${f.hint}` : f.message;
          const paragraph = paragraphPlace(f);
          const result = { ruleId: f.code, ruleIndex: ruleIds.indexOf(f.code), level: f.severity === 'error' || ctx.strict ? 'error' : 'warning' };
          if (!paragraph) return { ...result, message: { text }, locations: [{ physicalLocation: { artifactLocation, region: { startLine: f.line, startColumn: f.column } } }] };
          // A region counts lines of a text file, and a Word file has none: the location is the
          // file alone, with the paragraph as a logical location and in the message.
          return {
            ...result,
            message: { text: `In ${paragraph}: ${text}` },
            locations: [
              {
                physicalLocation: { artifactLocation },
                logicalLocations: [{ name: `paragraph ${f.paragraph}`, ...(f.heading ? { fullyQualifiedName: `${f.heading} > paragraph ${f.paragraph}` } : {}), kind: 'element' }],
              },
            ],
            properties: { paragraph: f.paragraph, column: f.column, ...(f.heading ? { heading: f.heading } : {}) },
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
