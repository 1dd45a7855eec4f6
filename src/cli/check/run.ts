// eis check: options in, the check core, reporters out, an exit code back.
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { CheckOptions } from './flags.js';
import { runCheckParallel } from '../../edge/check/run.js';
import { exitCodeFor, allFindings, type Finding } from '../../core/findings/findings.js';
import { reporters } from '../../core/reporters/index.js';
import { parseFormats, printReports } from '../../edge/files/output.js';
import { changedSince } from '../../edge/git/changed.js';
import { parsePin } from '../../core/statement/pin.js';
import type { QuestionnaireSource, registryFor as RegistryFor } from '../../edge/questionnaire/registry.js';

type RegistryOptions = Parameters<typeof RegistryFor>[0];
import { displayPath } from '../../edge/files/discover.js';
import { resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { questionnaireFile } from '../../edge/questionnaire/resolve.js';

/** The files whose change re-checks every statement: configs, questionnaires, templates. */
function policyFiles(...configs: Config[]): string[] {
  return configs.flatMap((c) => [
    ...(c.file ? [resolve(c.file)] : []),
    ...[questionnaireFile(c.questionnaire, c.root)].filter((f): f is string => Boolean(f)),
    ...Object.values(c.templates)
      .filter((t): t is string => Boolean(t))
      .map((t) => resolve(c.root, t)),
  ]);
}

export async function check(ctx: Context, paths: string[], options: CheckOptions): Promise<number> {
  const formats = parseFormats(options.format, Object.keys(reporters));
  const working = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  let config = working;
  let questionnaireSource: QuestionnaireSource | undefined;
  const policyFindings: Finding[] = [];
  let policyChanged = false;
  const policyRef = options.policyFrom ?? options.since;
  if (policyRef) {
    const { gatePolicy } = await import('../../edge/git/gate-policy.js');
    const gate = gatePolicy(policyRef, ctx.cwd, working);
    config = gate.policy.config;
    if (gate.policy.questionnaireText !== undefined) questionnaireSource = { text: gate.policy.questionnaireText, name: gate.policy.where ?? policyRef, earlier: gate.policy.earlier };
    policyFindings.push(...gate.findings);
    policyChanged = gate.changed;
    if (gate.changed) ctx.stderr(`eis: the policy (config and questionnaire) is read from ${policyRef}${gate.policy.where ? ` (${gate.policy.where})` : ', which has no config: the default'}.\n`);
  }
  // A change to the policy re-checks everything: what was complete under the old rules may not be.
  let only = options.since && !policyChanged ? changedSince(options.since, ctx.cwd) : undefined;
  if (only && policyFiles(working, config).some((f) => only!.has(f))) only = undefined;
  const report = await runCheckParallel({ paths, config, cwd: ctx.cwd, today: ctx.today, only, since: options.since, cache: options.cache !== false, questionnaireSource });
  if (report.statements.some((s) => s.findings.some((f) => f.code === 'stale'))) {
    const { explainStaleAnswers } = await import('../../edge/git/stale-answers.js');
    const { registryFor } = await import('../../edge/questionnaire/registry.js');
    explainStaleAnswers(report, ctx.cwd, registryFor({ config, questionnaireSource }), { reviewers: config.reviewers, approvals: config.approvals });
  }
  report.findings.push(...policyFindings.map((f) => ({ ...f, file: f.file?.startsWith('/') ? displayPath(f.file, ctx.cwd) : f.file })));
  if (options.verifySignoffs || options.requireSigned) {
    const { verifySignoffs } = await import('../../edge/git/verify-signoffs.js');
    report.findings.push(...verifySignoffs(report, { config, cwd: ctx.cwd, requireSigned: Boolean(options.requireSigned), questionnaireSource }));
  }
  if (options.lint) {
    const { lintStatements } = await import('../../edge/lint/for-check.js');
    await lintStatements(report, config, ctx);
  }
  const strict = Boolean(options.strict);
  // parseFormats let through the names of reporters only.
  printReports(ctx, formats, options.output, (format, color) => reporters[format]!(report, { color, strict, version: ctx.version, tool: 'check' }));
  if (only && !report.statements.length && !report.findings.length) ctx.stderr(`eis: nothing changed since ${options.since} needs checking.\n`);
  await noteOlderVersions(ctx, report.statements, { config, questionnaireSource });
  return exitCodeFor(allFindings(report), strict);
}

/** Statements checked against an earlier version of the config's questionnaire: fine, and worth a word. */
async function noteOlderVersions(ctx: Context, statements: ReadonlyArray<{ questionnaire?: string | undefined }>, options: RegistryOptions): Promise<void> {
  const pins = statements.map((s) => (s.questionnaire ? parsePin(s.questionnaire) : undefined));
  if (!pins.some((p) => p !== undefined)) return;
  const { registryFor } = await import('../../edge/questionnaire/registry.js');
  const main = registryFor(options).main;
  const older = pins.filter((p) => p !== undefined && p.id === main.id && p.version < main.version);
  if (!older.length) return;
  const refs = [...new Set(older.map((p) => `${p!.id}@${p!.version}`))].join(', ');
  ctx.stderr(`eis: ${older.length} statement${older.length === 1 ? ' answers' : 's answer'} ${refs}, checked against its own questions; ${main.ref} is newer, and eis migrate moves them to it.\n`);
}
