// The edge of `eis lint`: finds the files, reads them, runs the pure linters, collects the results.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import type { Finding } from '../../core/findings/findings.js';
import { questionnaireRegistry } from '../questionnaire/registry.js';
import { displayPath, findInitiatives, findStatements, isStatementName, resolvePaths } from '../files/discover.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { readBytes } from '../files/statement-file.js';
import { blankBlocks, statementPosition, type StatementText } from '../../core/statement/change.js';
import { readStatementText } from '../files/read-statement.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { MAX_FILE_BYTES, parseYamlSource, type YamlSource } from '../../core/yaml/source.js';
import { documentKind, lintDocument, type LintOptions } from '../../core/lint/document.js';
import { lintOptionsFrom } from './options.js';
import { lintStatement, writtenAnswers } from '../../core/lint/statement.js';
import type { LintFinding, SuppressedFinding } from '../../core/lint/suppress.js';

export type { LintedFile, LintedKind, LintReport } from '../../core/lint/report-types.js';
import type { LintedFile, LintedKind, LintReport } from '../../core/lint/report-types.js';
import { lintWordDocument } from '../../core/lint/word.js';
import { readWordParagraphs } from '../files/word.js';

const MEMO = /\.(md|markdown|txt)$/i;
const WORD = /\.docx$/i;
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export function kindOf(file: string): LintedKind | undefined {
  if (isStatementName(file)) return 'statement';
  if (MEMO.test(file)) return documentKind(file);
  if (WORD.test(file)) return 'word';
  return undefined;
}

/** The files `eis lint` reads: the named ones, or the config's memos and every statement under `cwd`. */
export function filesToLint(paths: string[], config: Config, cwd: string): string[] {
  const found = new Set<string>();
  if (!paths.length) {
    for (const initiative of findInitiatives(config, [cwd])) for (const memo of initiative.memos) if (kindOf(memo)) found.add(memo);
    for (const statement of findStatements([cwd])) found.add(statement);
    if (!found.size)
      throw new EisError('no memos or statements to lint under the current folder.', {
        hint: 'Name the files (eis lint memos/*.md), or list memos under initiatives in eis.config.yaml.',
      });
    return [...found].sort();
  }
  for (const path of resolvePaths(paths, cwd)) {
    if (statSync(path).isDirectory()) {
      for (const file of globSync(['**/*.{md,markdown,txt,docx}', '**/*.eis.{yaml,yml}'], { cwd: path, absolute: true, ignore: IGNORE, followSymbolicLinks: false })) found.add(resolve(file));
    } else if (kindOf(path)) found.add(path);
    else
      throw new EisError('eis lint reads Markdown (.md), plain text (.txt), Word (.docx) and statements (.eis.yaml); this is none of them.', {
        file: displayPath(path, cwd),
        hint: 'Name memos or statements, or a folder that holds them.',
      });
  }
  if (!found.size) throw new EisError(`no memos or statements found under ${paths.join(', ')}.`, { hint: 'Name Markdown, text, Word or .eis.yaml files, or a folder that holds them.' });
  return [...found].sort();
}

export async function runLint(paths: string[], config: Config, cwd: string): Promise<LintReport> {
  const options = lintOptionsFrom(config);
  let known: ((id: string) => Questionnaire | undefined) | undefined;
  const files: LintedFile[] = [];
  for (const abs of filesToLint(paths, config, cwd)) {
    const kind = kindOf(abs)!;
    const shown = displayPath(abs, cwd);
    if (kind !== 'statement') files.push({ file: shown, kind, ...(await lintMemoFile(abs, shown, options)) });
    else {
      known ??= questionnaireRegistry(config);
      files.push({ file: shown, kind, ...lintStatementFile(abs, shown, known, options) });
    }
  }
  return { files };
}

type Linted = { findings: LintFinding[]; suppressed: SuppressedFinding[] };

export async function lintMemoFile(abs: string, shown: string, options: LintOptions): Promise<Linted> {
  if (WORD.test(abs)) return lintWordFile(abs, shown, options);
  let text: string;
  try {
    text = readMemo(abs, shown);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { findings: [fatal(error, shown)], suppressed: [] };
  }
  try {
    return lintDocument(text, documentKind(abs), shown, options);
  } catch (error) {
    // A memo that names an audience eis does not know: reported, and the other files still linted.
    if (!(error instanceof EisError)) throw error;
    return { findings: [fatal(error, shown)], suppressed: [] };
  }
}

async function lintWordFile(abs: string, shown: string, options: LintOptions): Promise<Linted> {
  try {
    return lintWordDocument(await readWordParagraphs(abs, shown), shown, options);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { findings: [fatal(error, shown)], suppressed: [] };
  }
}

export function lintStatementFile(abs: string, shown: string, known: (id: string) => Questionnaire | undefined, options: LintOptions): { findings: LintFinding[]; suppressed: SuppressedFinding[] } {
  let statement: StatementText;
  try {
    statement = readStatementText(abs);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { findings: [fatal(error, shown)], suppressed: [] };
  }
  let model: Questionnaire;
  try {
    model = questionnaireFor(statement.data, known);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { findings: [fatal(error, shown, statementPosition(statement, ['questionnaire']))], suppressed: [] };
  }
  try {
    return lintStatement(statement.source ?? answersSource(statement, model), model, shown, options);
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    return { findings: [fatal(error, shown)], suppressed: [] };
  }
}

/**
 * What lintStatement needs of a large statement (read without a Document): a Document in which the
 * big blocks that hold no written answer (a list of a million entries, keys the questionnaire does
 * not know) are blanked out, offsets kept, so it costs little. Each answer must be found in it as
 * it is in the data; if one is not, the whole statement is parsed.
 */
export function answersSource(statement: StatementText, model: Questionnaire): Pick<YamlSource, 'doc' | 'lineCounter' | 'data' | 'text'> {
  const sections = new Set(model.sections.map((s) => s.id));
  const written = (path: [string] | [string, string]) => {
    if (path.length === 1) return sections.has(path[0]);
    const type = model.questions.get(`${path[0]}.${path[1]}`)?.type;
    return type === 'text' || type === 'markdown' || type === 'list';
  };
  const blanked = blankBlocks(statement.text, written);
  if (blanked !== undefined) {
    try {
      const { doc, lineCounter } = parseYamlSource(blanked, statement.file);
      const source = { doc, lineCounter, data: statement.data, text: statement.text };
      if (writtenAnswers(model, statement.data).every((a) => doc.getIn(a.path) === a.value)) return source;
    } catch (error) {
      if (!(error instanceof EisError)) throw error;
    }
  }
  return parseYamlSource(statement.text, statement.file);
}

function readMemo(abs: string, shown: string): string {
  const bytes = readBytes(abs, 'memo');
  if (bytes.length > MAX_FILE_BYTES)
    throw new EisError(`the file is ${(bytes.length / 1048576).toFixed(1)} MB, larger than the ${MAX_FILE_BYTES / 1048576} MB eis reads.`, { file: shown, hint: 'Check that this is the right file.' });
  if (bytes.includes(0)) throw new EisError('the file holds a NUL byte, so it is binary, not text.', { file: shown, line: 1, column: 1, hint: 'Check that this is the right file.' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EisError('the file is not valid UTF-8 text.', { file: shown, line: 1, column: 1, hint: 'Save it as UTF-8.' });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fatal(error: EisError, file: string, at: { line: number; column: number } = { line: error.line ?? 1, column: error.column ?? 1 }): Finding {
  return { code: error.code ?? 'file/unreadable', severity: 'error', file, path: [], ...at, message: error.message.charAt(0).toUpperCase() + error.message.slice(1), hint: error.hint, fatal: true };
}
