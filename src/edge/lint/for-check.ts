// `eis check --lint`: language findings on the statements checked and on their initiatives' memos,
// added to the check report as warnings. Waived findings and rules set to "off" are left out.
import { resolve } from 'node:path';
import type { CheckReport, Finding } from '../../core/findings/findings.js';
import { questionnaireRegistry } from '../questionnaire/registry.js';
import type { Config } from '../../core/config/config.js';
import type { Context } from '../context.js';
import { displayPath, findInitiatives } from '../files/discover.js';
import { lintOptionsFrom } from './options.js';
import { kindOf, lintMemoFile, lintStatementFile } from './run.js';

export async function lintStatements(report: CheckReport, config: Config, ctx: Context): Promise<void> {
  const options = lintOptionsFrom(config);
  const known = questionnaireRegistry(config);
  const asWarning = (f: Finding): Finding => ({ ...f, severity: 'warning' });

  const checked = new Set<string>();
  for (const statement of report.statements) {
    // A statement that could not be read has its fatal finding already.
    if (statement.findings.some((f) => f.fatal)) continue;
    const abs = resolve(ctx.cwd, statement.file);
    checked.add(abs);
    const { findings } = lintStatementFile(abs, statement.file, known, options);
    // One at a time: spread as arguments, a very long list of findings overflows the stack.
    for (const f of findings) if (!f.fatal) statement.findings.push(asWarning(f));
  }

  // The memos of the initiatives in the report: those whose statement was checked, and those
  // reported as missing one.
  const missing = new Set(report.findings.filter((f) => f.code === 'coverage/missing').map((f) => resolve(ctx.cwd, f.file)));
  const memos = new Set<string>();
  for (const initiative of findInitiatives(config, [config.root])) {
    if (!checked.has(initiative.statement) && !missing.has(initiative.path)) continue;
    for (const m of initiative.memos) if (kindOf(m)) memos.add(m);
  }
  for (const memo of [...memos].sort()) {
    const { findings } = await lintMemoFile(memo, displayPath(memo, ctx.cwd), options);
    for (const f of findings) if (!f.fatal) report.findings.push(asWarning(f));
  }
}
