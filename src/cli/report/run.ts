// eis report: the equity portfolio across every statement found.
import { join } from 'node:path';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { ReportOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { findStatements, resolvePaths } from '../../edge/files/discover.js';
import { questionnaireRegistry } from '../../edge/questionnaire/registry.js';
import { affectedStatements } from '../../edge/check/affected.js';
import { changedSince } from '../../edge/git/changed.js';
import { writeOutput } from '../../edge/files/output.js';
import { readFacts } from '../../edge/report/read.js';
import { reportParts } from '../../core/report/parts.js';
import { portfolio } from '../../core/report/portfolio.js';
import { formatReportMarkdown } from '../../core/report/markdown.js';
import { formatReportJson } from '../../core/report/json.js';
import { reportCsvFiles } from '../../core/report/csv.js';
import type { Trends } from '../../core/report/trends.js';
import { printable } from '../../core/printable.js';

const FORMATS = ['md', 'json', 'html', 'csv'];

export async function report(ctx: Context, paths: string[], options: ReportOptions): Promise<number> {
  const formats = [...new Set(options.format.split(',').map((f) => f.trim()))];
  const bad = formats.find((f) => !FORMATS.includes(f));
  if (bad !== undefined) throw new EisError(`"${bad}" is not a format for eis report.`, { hint: `Use ${FORMATS.join(', ')}, several with commas.` });
  if (!options.out && (formats.length > 1 || formats[0] === 'csv'))
    throw new EisError(formats[0] === 'csv' ? 'the csv format writes several files.' : 'several formats need a folder to go into.', { hint: 'Add --out DIR.' });

  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const known = questionnaireRegistry(config);
  const roots = resolvePaths(paths, ctx.cwd);
  let statements = findStatements(roots);
  if (options.since) statements = affectedStatements(statements, changedSince(options.since, ctx.cwd), config, known);
  else if (!statements.length)
    throw new EisError(`no statements found under ${paths.length ? paths.join(', ') : 'the current folder'}.`, { hint: 'Create one with eis new, or name the folder that holds them.' });

  const { facts: all, problems } = readFacts(statements, known, { cwd: ctx.cwd, today: ctx.today });
  for (const p of problems) ctx.stderr(`${printable(p.file)}:${p.line}:${p.column}: ${p.message}\n`);
  const wanted = options.division?.trim().toLowerCase();
  const facts = wanted ? all.filter((f) => f.division.toLowerCase() === wanted) : all;

  const kinds = reportParts(known.main).populations?.kinds?.choices?.map((c) => ({ value: c.value, label: c.label }));
  const divisions = (config.vocabularies.divisions ?? []).map((d) => (typeof d === 'string' ? d : d.label));
  const result = portfolio(facts, { today: ctx.today, kindOrder: kinds, divisionOrder: wanted ? divisions.filter((d) => d.toLowerCase() === wanted) : divisions });
  const below = options.public ? config.disaggregation.suppressBelow : undefined;
  // Trends from git history are not read yet (docs/report.md says so); the formats already take them.
  const trends: Trends | undefined = undefined;
  const meta = { ...(options.division ? { division: options.division } : {}), ...(options.since ? { since: options.since } : {}) };

  const outputs: Record<string, () => string | Promise<string>> = {
    md: () => formatReportMarkdown(result, below, trends),
    json: () => formatReportJson(result, below, { ...meta, ...(trends ? { trends } : {}) }),
    html: async () => (await import('../../edge/report/html.js')).formatReportHtml(result, below, trends),
  };
  if (!options.out) {
    ctx.stdout(await outputs[formats[0]!]!());
    return problems.length ? 2 : 0;
  }
  for (const format of formats) {
    if (format === 'csv') for (const [name, text] of Object.entries(reportCsvFiles(result))) writeOutput(join(options.out, name), text, ctx.cwd);
    else writeOutput(join(options.out, `report.${format}`), await outputs[format]!(), ctx.cwd);
  }
  ctx.stderr(`eis: the report is in ${options.out} (${formats.join(', ')}), over ${facts.length} statements.\n`);
  return problems.length ? 2 : 0;
}
