// Checking one statement file: read it, hand it to the reader and core's report, and (for the
// cache) hash its content and note the memos its approvals were compared with.
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import type { StatementReport } from '../../core/findings/findings.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { readStatement, type StatementRead } from '../../core/statement/reader.js';
import { fatalFinding, reportStatement } from '../../core/check/statement-report.js';
import { displayPath } from '../files/discover.js';
import { readBytes } from '../files/statement-file.js';
import { approvalCheck, listedMemos } from '../review/memo-hash.js';
import { contentHash, type MemoCheck } from './cache.js';
import type { QuestionnaireSource } from '../questionnaire/registry.js';

/** Options for checking one file: `slow` forces the full parser, for the equivalence test. */
export interface CheckFileOptions {
  config: Config;
  cwd: string;
  today: string;
  /** The questionnaire's text when it is read from a git ref rather than the config's file. */
  questionnaireSource?: QuestionnaireSource | undefined;
  slow?: boolean;
  /** Also hash the content and note the memo check, for the cache. */
  cache?: boolean | undefined;
}

/**
 * Checks one statement. A clean file is read with the fast reader and needs no positions; a file
 * with anything to report has its findings placed by the reader (see core/statement/reader.ts),
 * so both paths give the same report.
 */
export function checkFile(file: string, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): StatementReport {
  return checkFileForCache(file, known, options).report;
}

/** A report, and what the cache keeps beside it: the content's hash (none when unreadable) and the memo check. */
export interface CheckedFile {
  report: StatementReport;
  hash?: string;
  memos?: MemoCheck | undefined;
}

/** A report with the statement's data and questionnaire (when it has them), for commands that show more than findings. */
export function checkFileWithData(file: string, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): { report: StatementReport; data?: unknown; model?: Questionnaire } {
  const shown = displayPath(file, options.cwd);
  let bytes: Buffer;
  try {
    bytes = readBytes(file, 'statement');
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } };
  }
  return checkBytes(file, shown, bytes, known, options);
}

export function checkFileForCache(file: string, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions): CheckedFile {
  const shown = displayPath(file, options.cwd);
  let bytes: Buffer;
  try {
    bytes = readBytes(file, 'statement');
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } };
  }
  const { report, data, model, extra: memos } = checkBytes(file, shown, bytes, known, options);
  // The data stays here: a worker would copy it back, and ten thousand of them take 100 MB.
  if (!options.cache) return { report };
  return { report, hash: contentHash(bytes), memos: memos && model ? { listed: listedMemos(model, data), hashes: memos } : undefined };
}

function checkBytes(file: string, shown: string, bytes: Buffer, known: (id: string) => Questionnaire | undefined, options: CheckFileOptions) {
  let read: StatementRead;
  try {
    read = readStatement(decodeLines(bytes, shown).text, shown, { prefer: options.slow ? 'full' : 'fast' });
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { report: { file: shown, findings: [fatalFinding(error, shown)] } } as ReturnType<typeof reportStatement<MemoCheck['hashes']>>;
  }
  return reportStatement<MemoCheck['hashes']>(read, shown, known, { today: options.today, severities: options.config.rules }, (data, model, level) => {
    const approval = approvalCheck(file, data, model, options.config, level, options.today);
    return { findings: approval.findings, summary: approval.summary, extra: approval.memos };
  });
}
