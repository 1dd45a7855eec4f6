// What `eis new` and `eis answer` share once a statement file exists: pick its questionnaire, then
// interview (with a terminal), merge an answers file, or say what is missing (without one).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import type { Context } from '../context.js';
import { EisError, ExitCode } from '../../core/errors.js';
import { questionnaireRegistry } from '../questionnaire/registry.js';
import { closest, type Questionnaire } from '../../core/questionnaire/model.js';
import { changeStatement, statementPosition, type StatementText } from '../../core/statement/change.js';
import { readStatementText } from '../files/read-statement.js';
import { readBytes, writeAtomic } from '../files/statement-file.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { decodeText, parseYamlSource, type YamlSource } from '../../core/yaml/source.js';
import { answerPaths, answerProblems, mergeAnswers, type AnswerProblem } from '../../core/interview/answers-file.js';
import type { Mode } from '../../core/interview/flow.js';
import { missingText, summarize, summaryText } from './report.js';
import type { Opened } from './opened.js';

export { discardSkeleton, type Opened } from './opened.js';

/** Reads a statement and the questionnaire it is pinned to; a newer pin is refused. */
export function openStatement(config: Config, file: string, shown: string, questionnaire?: Questionnaire): Opened {
  let statement: StatementText;
  try {
    statement = readStatementText(file);
  } catch (error) {
    if (error instanceof EisError && error.file === file) throw new EisError(error.message, { file: shown, line: error.line, column: error.column, hint: error.hint, cause: error });
    throw error;
  }
  let model: Questionnaire;
  try {
    model = questionnaireFor(statement.data, questionnaireRegistry(config, questionnaire));
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    throw new EisError(error.message, { file: shown, ...statementPosition(statement, ['questionnaire']), hint: error.hint });
  }
  return { file, shown, statement, model, config };
}

export interface InterviewOptions {
  mode: Mode;
  /** An answers file (`-` for stdin), or its contents already read and checked. */
  answers?: string | YamlSource | undefined;
  /** Ask line by line, for screen readers (accessibleMode decides). */
  accessible?: boolean | undefined;
}

export async function interviewOrMerge(ctx: Context, opened: Opened, options: InterviewOptions): Promise<number> {
  if (options.answers !== undefined) return mergeAnswersFile(ctx, opened, options.answers);
  if (!ctx.interactive) {
    const summary = summarize(ctx, opened.config, opened.file);
    const missing = missingText(summary);
    ctx.stderr(`eis: no terminal to ask in (stdin or stdout is not a terminal, or CI is set), and no --answers file was given.\n`);
    if (missing) ctx.stderr(`Still missing in ${opened.shown}:\n${missing}`);
    ctx.stderr(`Give the answers with: eis answer ${opened.shown} --answers answers.yaml (or --answers - for stdin), or edit the file.\n`);
    return ExitCode.failure;
  }
  const { interactiveSession } = await import('./interactive.js');
  return interactiveSession(ctx, opened, options.mode, options.accessible);
}

/** Reads `--answers FILE` (or `-`, stdin) as YAML or JSON; what is wrong with them comes from answerProblems. */
export function readAnswersSource(ctx: Context, spec: string): YamlSource {
  if (spec === '-') {
    let bytes: Buffer;
    try {
      bytes = readFileSync(0);
    } catch (error) {
      throw new EisError(`standard input cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { hint: 'Pipe the answers in, or give a file with --answers FILE.' });
    }
    return parseYamlSource(decodeText(bytes, '<stdin>'), '<stdin>');
  }
  const file = resolve(ctx.cwd, spec);
  let bytes: Buffer;
  try {
    bytes = readBytes(file, 'answers file');
  } catch (error) {
    // Named as the person wrote it, not as an absolute path.
    if (error instanceof EisError && error.file === file) throw new EisError(error.message, { file: spec, hint: error.hint, cause: error });
    throw error;
  }
  return parseYamlSource(decodeText(bytes, spec), spec);
}

/** Each problem of an answers file on its own line, at its place in the file. */
export function printAnswerProblems(ctx: Context, source: YamlSource, problems: AnswerProblem[]): void {
  for (const p of problems) ctx.stderr(`eis: ${source.file}:${p.line}:${p.column}: ${p.message}${p.hint ? ` ${p.hint}` : ''}\n`);
}

async function mergeAnswersFile(ctx: Context, opened: Opened, spec: string | YamlSource): Promise<number> {
  const source = typeof spec === 'string' ? readAnswersSource(ctx, spec) : spec;
  const problems = answerProblems(opened.model, source);
  if (problems.length) {
    printAnswerProblems(ctx, source, problems);
    ctx.stderr(`eis: nothing was written to ${opened.shown}; fix the answers and run again.\n`);
    return ExitCode.failure;
  }
  // The statement as opened, read and parsed once: the write checks the file still has the text
  // the answers were merged into, and refuses if someone changed it meanwhile.
  const { statement } = opened;
  const answers = source.data as Record<string, unknown>;
  const paths = answerPaths(answers);
  let changed = 0;
  const text = paths.length ? changeStatement(statement, paths, (doc) => void (changed = mergeAnswers(doc, opened.model, statement.data, answers))) : '';
  if (changed) writeAtomic(opened.file, text, statement.hash);
  const summary = summarize(ctx, opened.config, opened.file);
  ctx.stderr(`${changed ? `Saved ${changed} ${changed === 1 ? 'answer' : 'answers'} from ${source.file} to ${opened.shown}.` : `${source.file} holds no answers; ${opened.shown} is unchanged.`}\n`);
  const missing = missingText(summary);
  if (missing) ctx.stderr(`Still to do:\n${missing}`);
  else ctx.stderr(`Every required answer is given.\n`);
  return summary.exitCode;
}

/** `--section ID` checked against the questionnaire, with a suggestion for a typo. */
export function sectionMode(model: Questionnaire, id: string): Mode {
  if (!model.sections.some((s) => s.id === id)) {
    const best = closest(
      id,
      model.sections.map((s) => s.id),
    );
    throw new EisError(`"${id}" is not a section of ${model.ref}${best ? `; did you mean "${best}"?` : '.'}`, { hint: `Sections: ${model.sections.map((s) => s.id).join(', ')}.` });
  }
  return { kind: 'section', section: id };
}

export { summaryText };
