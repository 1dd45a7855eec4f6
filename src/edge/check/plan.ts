// What `eis check` has to do before reading any statement: which statement files to check, and
// the coverage findings that need no statement read (initiatives and memos without one).
import { existsSync } from 'node:fs';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import type { Finding } from '../../core/findings/findings.js';
import type { Initiative } from '../../core/check/coverage.js';
import { displayPath, findInitiatives, findStatements, resolvePaths } from '../files/discover.js';
import { configKeyPosition } from '../config/load.js';
import { registryFor, type Registry } from '../questionnaire/registry.js';
import { affectedStatements } from './affected.js';
import { coverageFindings } from './coverage-findings.js';
import type { QuestionnaireSource } from '../questionnaire/registry.js';

export interface RunCheckOptions {
  paths: string[];
  config: Config;
  cwd: string;
  today: string;
  /** Only these absolute files count (from --since); undefined for all. */
  only?: Set<string> | undefined;
  /** The --since ref: renamed memos are looked for from its merge base with HEAD. */
  since?: string | undefined;
  /** Use and update the check cache (see cache.ts). */
  cache?: boolean | undefined;
  /** The questionnaire's text when it is read from a git ref rather than the config's file. */
  questionnaireSource?: QuestionnaireSource | undefined;
}

export interface CheckPlan {
  /** The statement files to check, in order. */
  files: string[];
  /** Coverage findings, about the repository rather than one statement. */
  findings: Finding[];
  /** The questionnaires statements may pin. */
  known: Registry;
}

export function planCheck(options: RunCheckOptions): CheckPlan {
  const { config, cwd, only } = options;
  const roots = resolvePaths(options.paths, cwd);
  const known = registryFor(options);
  const initiatives = findInitiatives(config, roots).filter((i) => !only || only.has(i.path) || only.has(i.statement) || i.memos.some((m) => only.has(m)));
  const found = findStatements(roots);
  const files = only ? affectedStatements(found, only, config, known) : found;

  const findings = missingStatements(initiatives, cwd, config);
  findings.push(...coverageFindings({ config, cwd, roots, only, since: options.since, statements: found, missing: findings, known }));
  if (!files.length && !findings.length && !only)
    throw new EisError(`no statements (*.eis.yaml) found under ${options.paths.length ? options.paths.join(', ') : 'the current folder'}.`, {
      hint: 'Give the folder or files to check, or create one with eis new.',
    });
  return { files, findings, known };
}

/** An error for each initiative (or memo) whose statement does not exist. */
function missingStatements(initiatives: Initiative[], cwd: string, config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const initiative of initiatives) {
    if (existsSync(initiative.statement)) continue;
    const registered = initiative.registered;
    if (registered) {
      // No memo to point at: the entry in the config that names the initiative.
      const file = config.file ? displayPath(config.file, cwd) : 'eis.config.yaml';
      findings.push({
        code: 'coverage/missing',
        severity: 'error',
        file,
        path: [],
        ...(configKeyPosition(config, ['initiatives', 'registry', registered.index]) ?? { line: 1, column: 1 }),
        message: `The initiative "${registered.title}" (${registered.id}) in initiatives.registry has no equity impact statement (expected ${displayPath(initiative.statement, cwd)}).`,
        hint: `Create it with: eis new --initiative ${registered.id}`,
      });
      continue;
    }
    findings.push({
      code: 'coverage/missing',
      severity: 'error',
      file: displayPath(initiative.path, cwd),
      path: [],
      line: 1,
      column: 1,
      message: `This ${initiative.kind === 'memo' ? 'memo' : 'initiative'} has no equity impact statement (expected ${displayPath(initiative.statement, cwd)}).`,
      hint: `Create it with: eis new ${displayPath(initiative.path, cwd)}`,
    });
  }
  return findings;
}
