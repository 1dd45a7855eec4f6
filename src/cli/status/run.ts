// eis status: every initiative the config names and every statement found, with where each stands.
import { existsSync } from 'node:fs';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { StatusOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { displayPath, findInitiatives, findStatements, resolvePaths } from '../../edge/files/discover.js';
import { questionnaireRegistry } from '../../edge/questionnaire/registry.js';
import { checkFileWithData } from '../../edge/check/check-file.js';
import { affectedStatements } from '../../edge/check/affected.js';
import { changedSince } from '../../edge/git/changed.js';
import { missingRow, statementRow, statusExitCode, summarize, type StatusRow } from '../../core/review/status.js';
import { formatStatusTable } from '../../core/review/status-table.js';
import { formatStatusMarkdown } from '../../core/review/status-md.js';
import { languageOf } from '../../edge/i18n/language.js';

const FORMATS = ['table', 'json', 'md', 'html'];

export async function status(ctx: Context, paths: string[], options: StatusOptions): Promise<number> {
  if (!FORMATS.includes(options.format)) throw new EisError(`"${options.format}" is not a format for eis status.`, { hint: `Use ${FORMATS.join(', ')}.` });
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const known = questionnaireRegistry(config, languageOf(config, options.lang, ctx.cwd).questionnaire);
  const roots = resolvePaths(paths, ctx.cwd);
  const only = options.since ? changedSince(options.since, ctx.cwd) : undefined;
  let initiatives = findInitiatives(config, roots);
  let statements = findStatements(roots);
  if (only) {
    initiatives = initiatives.filter((i) => only.has(i.path) || only.has(i.statement) || i.memos.some((m) => only.has(m)));
    statements = affectedStatements(statements, only, config, known);
  }
  const claimed = new Set(initiatives.map((i) => i.statement));
  const shown = (p: string) => displayPath(p, ctx.cwd);

  const row = (base: { path: string; kind: StatusRow['kind']; statement: string }, file: string): StatusRow => {
    // One read: the check gives the data and questionnaire beside the report.
    const { report, model, data } = checkFileWithData(file, known, { config, cwd: ctx.cwd, today: ctx.today });
    return statementRow(base, report, model, data, ctx.today);
  };

  const rows: StatusRow[] = [];
  for (const i of initiatives) {
    const base = { path: shown(i.path), kind: i.kind, statement: shown(i.statement) };
    rows.push(existsSync(i.statement) ? row(base, i.statement) : missingRow(base.path, i.kind, base.statement));
  }
  for (const file of statements.filter((s) => !claimed.has(s))) rows.push(row({ path: shown(file), kind: 'statement', statement: shown(file) }, file));
  if (!rows.length && !only)
    throw new EisError(`no initiatives or statements found under ${paths.length ? paths.join(', ') : 'the current folder'}.`, {
      hint: 'Name memo folders under initiatives in eis.config.yaml (eis init writes one), or create a statement with eis new.',
    });
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const report = summarize(rows, known.main, ctx.today);
  if (options.format === 'json') ctx.stdout(`${JSON.stringify({ version: 1, ...report }, null, 2)}\n`);
  else if (options.format === 'md') ctx.stdout(formatStatusMarkdown(report));
  else if (options.format === 'html') ctx.stdout((await import('../../edge/review/status-html.js')).formatStatusHtml(report));
  else ctx.stdout(formatStatusTable(report, ctx.color));
  if (only && !rows.length) ctx.stderr(`eis: nothing changed since ${options.since}.\n`);
  return statusExitCode(report);
}
