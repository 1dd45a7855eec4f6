// The edge of `eis check`: reads files, runs the pure checks, places findings on lines.
import { existsSync } from 'node:fs';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { displayPath, findInitiatives, findStatements, resolvePaths } from '../files/discover.js';
import { loadQuestionnaire } from '../questionnaire/resolve.js';
import { parseQuestionnaire } from '../../core/questionnaire/load.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { readBytes } from '../files/statement-file.js';
import { fastParse } from '../../core/yaml/fast.js';
import { blockPositionOf, blockPositions } from '../../core/yaml/block-positions.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { parseYamlSource, positionOf, type YamlSource } from '../../core/yaml/source.js';
import { getAnswer, isPlainObject } from '../../core/questionnaire/answers.js';
import { checkStatementData } from '../../core/check/statement.js';
import { affectedStatements } from '../../core/check/affected.js';
import { approvalCheck, listedMemos } from '../review/memo-hash.js';
import { coverageFindings } from '../../core/check/coverage-findings.js';
import { CheckCache, contentHash, type MemoCheck } from './cache.js';
import type { CheckReport, Completeness, Finding, StatementReport } from '../../core/findings/findings.js';
import type { ApprovalSummary } from '../../core/review/approval-findings.js';

export interface RunCheckOptions {
  paths: string[];
  config: Config;
  cwd: string;
  today: string;
  /** Only these absolute files count (from --since); undefined for all. */
  only?: Set<string>;
  /** The --since ref: renamed memos are looked for from its merge base with HEAD. */
  since?: string;
  /** Use and update the check cache (see cache.ts). */
  cache?: boolean;
  /** The questionnaire's text when it is read from a git ref rather than the config's file. */
  questionnaireSource?: { text: string; name: string };
}

/** The questionnaire a statement may pin: the one the config names, and no other. */
export type Registry = ((id: string) => Questionnaire | undefined) & { main: Questionnaire };

/**
 * The questionnaires statements may pin. Only the config's: a statement that pins another (the
 * built-in one, in a repository whose config names a stricter one) would choose its own rules.
 */
export function questionnaireRegistry(config: Config, main = loadQuestionnaire(config.questionnaire, config.root)): Registry {
  return Object.assign((id: string) => (id === main.id ? main : undefined), { main });
}

/** The registry for checking: a questionnaire read from a git ref (its text), or the config's. */
export function registryFor(options: Pick<RunCheckOptions, 'config' | 'questionnaireSource'>): Registry {
  const source = options.questionnaireSource;
  return questionnaireRegistry(options.config, source ? parseQuestionnaire(source.text, source.name) : undefined);
}

/** Checks statements and coverage in this thread. */
export function runCheck(options: RunCheckOptions): CheckReport {
  const { files, findings, known } = planCheck(options);
  return { statements: files.map((file) => checkFile(file, known, options)), findings };
}

/**
 * The same as runCheck, with many statements shared out between worker threads, and with the
 * cache when asked: files whose content (and memos) are as at an earlier run keep its report.
 */
export async function runCheckParallel(options: RunCheckOptions): Promise<CheckReport> {
  const { files, findings, known } = planCheck(options);
  const { checkFilesInParallel } = await import('./parallel.js');
  const fileOptions: CheckFileOptions = { config: options.config, cwd: options.cwd, today: options.today, cache: options.cache, questionnaireSource: options.questionnaireSource };
  if (!options.cache) return { statements: (await checkFilesInParallel(files, known, fileOptions)).map((c) => c.report), findings };

  const cache = CheckCache.open(options.config, options.cwd, options.today);
  const statements: StatementReport[] = new Array(files.length);
  const misses: number[] = [];
  files.forEach((file, i) => {
    let hit: StatementReport | undefined;
    // A file the cache has never seen is not read here: the check reads and hashes it.
    if (cache.has(file))
      try {
        hit = cache.lookup(file, contentHash(readBytes(file, 'statement')), options.config);
      } catch {
        hit = undefined; // the check reports why the file cannot be read
      }
    if (hit) statements[i] = hit;
    else misses.push(i);
  });
  const checked = await checkFilesInParallel(misses.map((i) => files[i]), known, fileOptions);
  checked.forEach(({ report, hash, memos }, j) => {
    const file = files[misses[j]];
    statements[misses[j]] = report;
    if (hash) cache.store(file, { hash, report, memos });
  });
  cache.save(new Set(files));
  return { statements, findings };
}

/** Which statement files to check, and the coverage findings (initiatives with no statement). */
function planCheck(options: RunCheckOptions) {
  const { config, cwd } = options;
  const roots = resolvePaths(options.paths, cwd);
  const known = registryFor(options);
  const initiatives = findInitiatives(config, roots).filter((i) => !options.only || options.only.has(i.path) || options.only.has(i.statement) || i.memos.some((m) => options.only!.has(m)));
  const found = findStatements(roots);
  let files = found;
  if (options.only) files = affectedStatements(files, options.only, config, known);

  const findings: Finding[] = [];
  for (const initiative of initiatives) {
    if (existsSync(initiative.statement)) continue;
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
  findings.push(...coverageFindings({ config, cwd, roots, only: options.only, since: options.since, statements: found, missing: findings, known }));
  if (!files.length && !findings.length && !options.only)
    throw new EisError(`no statements (*.eis.yaml) found under ${options.paths.length ? options.paths.join(', ') : 'the current folder'}.`, {
      hint: 'Give the folder or files to check, or create one with eis new.',
    });

  return { files, findings, known };
}

/** Options for checking one file: `slow` forces the full parser, for the equivalence test. */
export interface CheckFileOptions extends Pick<RunCheckOptions, 'config' | 'cwd' | 'today' | 'questionnaireSource'> {
  slow?: boolean;
  /** Also hash the content and note the memo check, for the cache. */
  cache?: boolean;
}

/**
 * Checks one statement. A clean file is read with the fast parser and needs no positions; a file
 * with anything to report is read again with the full parser, which places every finding on its
 * line, so both paths give the same report.
 */
export function checkFile(file: string, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): StatementReport {
  return checkFileForCache(file, known, options).report;
}

/** A report, and what the cache keeps beside it: the content's hash (none when unreadable) and the memo check. */
export interface CheckedFile {
  report: StatementReport;
  hash?: string;
  memos?: MemoCheck;
}

export function checkFileForCache(file: string, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): CheckedFile {
  let bytes: Buffer;
  try {
    bytes = readBytes(file, 'statement');
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    const shown = displayPath(file, options.cwd);
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } };
  }
  const { report, data, model, memos } = checkBytes(file, bytes, known, options);
  // The data stays here: a worker would copy it back, and ten thousand of them take 100 MB.
  if (!options.cache) return { report };
  return { report, hash: contentHash(bytes), memos: memos && model ? { listed: listedMemos(model, data), hashes: memos } : undefined };
}

function checkBytes(file: string, bytes: Buffer, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): { report: StatementReport; data?: unknown; model?: Questionnaire; memos?: MemoCheck['hashes'] } {
  const shown = displayPath(file, options.cwd);
  let text: string;
  try {
    text = decodeLines(bytes, shown).text;
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } };
  }
  if (!options.slow) {
    const fast = fastParse(text);
    if (fast && fast.data !== null && fast.data !== undefined) {
      let model: Questionnaire | undefined;
      try {
        model = questionnaireFor(fast.data, known);
      } catch {
        model = undefined;
      }
      if (model) {
        const result = checkStatementData(model, fast.data, { today: options.today, severities: options.config.rules });
        const approval = approvalCheck(file, fast.data, model, options.config, result.completeness.level, options.today);
        const done = (findings: Finding[]) => ({ report: statementReport(shown, model!, fast.data, result.completeness, findings, approval.summary), data: fast.data, model, memos: approval.memos });
        if (!result.findings.length && !approval.findings.length) return done([]);
        // Findings need lines: the line reader places them when it can follow the file.
        const block = blockPositions(text);
        if (block) {
          const locate: Locator = { at: (path) => blockPositionOf(block, path), lastLine: () => lastContentLine(text) };
          const findings = result.findings.map((f) => ({ ...f, file: shown, ...placeFinding(model, locate, fast.data, f.path) }));
          for (const f of approval.findings) findings.push({ ...f, file: shown, ...locate.at(f.path) });
          return done(findings);
        }
      }
    }
  }
  let source: YamlSource;
  try {
    source = parseYamlSource(text, shown);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } };
  }
  const data = source.data;
  if (data === null || data === undefined)
    return { report: { file: shown, findings: [{ code: 'file/empty', severity: 'error', file: shown, path: [], line: 1, column: 1, message: 'The statement is empty.', hint: 'Fill it in with eis answer, or delete it.', fatal: true }] } };
  let model: Questionnaire;
  try {
    model = questionnaireFor(data, known);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    const pos = positionOf(source, ['questionnaire']);
    return { report: { file: shown, findings: [fatalFinding(error, shown, pos.line, pos.column)] } };
  }
  const result = checkStatementData(model, data, { today: options.today, severities: options.config.rules });
  const locate: Locator = { at: (path) => positionOf(source, path), lastLine: () => source.lineCounter.linePos(source.text.replace(/\s+$/, '').length).line };
  const findings = result.findings.map((f) => ({ ...f, file: shown, ...placeFinding(model, locate, data, f.path) }));
  const approval = approvalCheck(file, data, model, options.config, result.completeness.level, options.today);
  for (const f of approval.findings) findings.push({ ...f, file: shown, ...positionOf(source, f.path) });
  return { report: statementReport(shown, model, data, result.completeness, findings, approval.summary), data, model, memos: approval.memos };
}

/**
 * A string that does not hold on to the file it was read from. V8 makes a part of a longer string
 * a view into it, so a title kept in a report would keep its whole statement in memory: ten
 * thousand reports held ten thousand files, which the garbage collector then copied over and over.
 */
function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

function statementReport(file: string, model: Questionnaire, data: unknown, completeness: Completeness, findings: Finding[], approval?: ApprovalSummary): StatementReport {
  const answers = isPlainObject(data) ? data : {};
  const role = (key: string | undefined) => {
    const value = key ? getAnswer(answers, key) : undefined;
    return typeof value === 'string' ? ownCopy(value) : undefined;
  };
  return {
    file,
    questionnaire: model.ref,
    title: role(model.roles.title),
    status: role(model.roles.status),
    completeness,
    approval,
    findings,
  };
}

/**
 * Where a finding goes: its node, or its nearest ancestor. A whole missing section points at the
 * place it belongs (the next section that is there, or the end of the file), where it would be written.
 */
function placeFinding(model: Questionnaire, locate: Locator, data: unknown, path: Array<string | number>): { line: number; column: number } {
  const sectionId = path[0];
  if (path.length && isPlainObject(data) && !(String(sectionId) in data)) {
    const order = model.sections.map((s) => s.id);
    const next = order.slice(order.indexOf(String(sectionId)) + 1).find((id) => id in data);
    if (next) return locate.at([next]);
    return { line: locate.lastLine(), column: 1 };
  }
  return locate.at(path);
}

/** Where findings go in one file, from the full parser or from the line reader. */
interface Locator {
  at(path: ReadonlyArray<string | number>): { line: number; column: number };
  lastLine(): number;
}

function lastContentLine(text: string): number {
  const body = text.replace(/\s+$/, '');
  let lines = 1;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lines++;
  return lines;
}

function fatalFinding(error: EisError, file: string, line = error.line ?? 1, column = error.column ?? 1): Finding {
  return { code: error.code ?? 'file/unreadable', severity: 'error', file, path: [], line, column, message: capitalize(error.message), hint: error.hint, fatal: true };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
