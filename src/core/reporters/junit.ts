// JUnit XML: one test case per statement (and per initiative without one), failing on its errors.
import { sortFindings, type CheckReport, type Finding } from '../findings/findings.js';
import type { ReportContext } from './types.js';
import { xml } from './xml.js';
import { paragraphPlace } from './place.js';

function testcase(name: string, classname: string, findings: Finding[], strict: boolean): { text: string; failed: boolean } {
  const failing = findings.filter((f) => f.severity === 'error' || strict);
  const lines = (list: Finding[]) =>
    list.map((f) => `${f.file}:${paragraphPlace(f) ? ` ${paragraphPlace(f)},` : `${f.line}:${f.column}`} ${f.severity} ${f.code}: ${f.message}${f.hint ? ` ${f.hint}` : ''}`).join('\n');
  const out = [`    <testcase name="${xml(name)}" classname="${xml(classname)}" file="${xml(name)}">`];
  const [first] = failing;
  if (first) out.push(`      <failure message="${xml(`${failing.length} finding${failing.length === 1 ? '' : 's'}`)}" type="${xml(first.code)}">${xml(lines(failing))}</failure>`);
  const rest = findings.filter((f) => !failing.includes(f));
  if (rest.length) out.push(`      <system-out>${xml(lines(rest))}</system-out>`);
  out.push('    </testcase>');
  return { text: out.join('\n'), failed: failing.length > 0 };
}

export function junitReporter(report: CheckReport, ctx: ReportContext): string {
  const cases = [
    ...sortFindings(report.findings).map((f) => testcase(f.file, `eis.${ctx.tool}.coverage`, [f], ctx.strict)),
    ...report.statements.map((s) => testcase(s.file, `eis.${ctx.tool}.statement`, sortFindings(s.findings), ctx.strict)),
  ];
  const failures = cases.filter((c) => c.failed).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="eis ${ctx.tool}" tests="${cases.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="eis ${ctx.tool}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases.map((c) => c.text),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
