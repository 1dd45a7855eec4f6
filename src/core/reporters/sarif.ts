// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
import { allFindings, sortFindings, type CheckReport } from '../findings/findings.js';
import type { ReportContext } from './types.js';

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
            informationUri: 'https://www.npmjs.com/package/eis',
            rules: ruleIds.map((id) => ({
              id,
              name: id.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')),
              shortDescription: { text: ctx.ruleHelp?.[id] ?? describeCode(id) },
            })),
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

function describeCode(code: string): string {
  const known: Record<string, string> = {
    required: 'A required question is not answered.',
    placeholder: 'An answer is a placeholder such as TBD.',
    'placeholder/inside': 'An answer holds a placeholder such as TBD inside its text.',
    'coverage/missing': 'An initiative has no equity impact statement.',
    'coverage/uncovered': 'A file looks like a memo, but no initiative glob takes it.',
    'coverage/glob-empty': 'An initiative glob of the config matches nothing.',
    'coverage/orphan': "A statement's memo is gone (deleted, or renamed without its statement).",
    'reference/unknown': 'A reference names an entry that does not exist.',
    'schema/unknown-key': 'A key is not a question of the questionnaire.',
    'schema/unknown-choice': 'An answer is not one of the choices.',
    'schema/type': 'An answer has the wrong type.',
    'file/unreadable': 'A statement file cannot be read.',
    stale: 'The memo changed since the statement was signed off.',
  };
  return known[code] ?? `eis finding ${code}.`;
}
