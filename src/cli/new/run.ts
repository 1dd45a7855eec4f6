// eis new: create the statement beside a memo (or inside an initiative folder), then interview.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { NewOptions } from './flags.js';
import { EisError, ExitCode } from '../../core/errors.js';
import { displayPath, findInitiatives, isStatementName } from '../../edge/files/discover.js';
import { checkStatementData } from '../../core/check/statement.js';
import { statementPathForFolder, statementPathForMemo, statementPathForRegistered } from '../../core/check/coverage.js';
import { withVocabularies } from '../../edge/questionnaire/registry.js';
import { languageOf } from '../../edge/i18n/language.js';
import { closest, type Questionnaire } from '../../core/questionnaire/model.js';
import { newStatementText } from '../../core/statement/edit.js';
import { answersYaml, memoTitle, prefillAnswers, wordTitle, type Prefill, type PrefilledAnswers } from '../../core/statement/prefill.js';
import { readBytes, writeAtomic } from '../../edge/files/statement-file.js';
import { decodeText } from '../../core/yaml/decode.js';
import { packageRoot } from '../../edge/files/package-root.js';
import { readWordParagraphs } from '../../edge/files/word.js';
import { discardSkeleton, interviewOrMerge, openStatement, printAnswerProblems, readAnswersSource, type Opened } from '../../edge/interview/command.js';
import { answerProblems } from '../../core/interview/answers-file.js';
import { parseYamlSource, type YamlSource } from '../../core/yaml/source.js';
import { PACKAGE_NAME, VERSION } from '../../core/version.js';
import { accessibleMode } from '../../core/interview/accessible.js';

/**
 * The statement JSON Schema shipped with eis, for editor completion (the yaml-language-server
 * line). A relative link when eis lives inside the repository (in node_modules), so it works on
 * every clone and offline; otherwise the schema of this very version on the npm CDN, which every
 * editor can fetch. A questionnaire of the agency's own gets none: `eis schema` writes its schema.
 */
function schemaUrl(model: Questionnaire, statement: string, root: string): string | undefined {
  if (!model.source.startsWith('builtin:')) return undefined;
  const name = `${model.id}.schema.json`;
  const schema = join(packageRoot(), 'schemas', name);
  if (!existsSync(schema)) return undefined;
  const inside = relative(root, schema);
  if (inside.startsWith('..') || isAbsolute(inside)) return `https://unpkg.com/${PACKAGE_NAME}@${VERSION}/schemas/${name}`;
  return relative(dirname(statement), schema).split(sep).join('/');
}

export async function newStatement(ctx: Context, target: string | undefined, options: NewOptions): Promise<number> {
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const accessible = accessibleMode(options.accessible, ctx.env, config.interview?.accessible);
  // Before anything is written: a language with no translation is refused with the ones there are.
  const language = languageOf(config, options.lang, ctx.cwd);
  const registered = options.initiative !== undefined ? registeredInitiative(config, options.initiative, target) : undefined;
  if (target === undefined && !registered)
    throw new EisError('name the memo or initiative folder the statement is for.', {
      hint: 'For example: eis new memos/child-care-credit.md, or eis new --initiative ID for one in initiatives.registry.',
    });
  let file: string;
  let path: string;
  if (registered) {
    file = statementPathForRegistered(config, registered.id);
    path = file;
  } else {
    path = resolve(ctx.cwd, target!);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new EisError('the memo or folder does not exist.', { file: target, hint: 'Give the path of the memo (such as memos/child-care-credit.md) or of the initiative folder.' });
    }
    if (!isFolder && isStatementName(path)) throw new EisError('this is a statement already, not a memo.', { file: target, hint: `Continue it with: eis answer ${target}` });
    if (isFolder) assertInitiativeFolder(ctx, config, path, target!);
    file = isFolder ? statementPathForFolder(config, path) : statementPathForMemo(config, path);
  }
  const shown = displayPath(file, ctx.cwd);
  const again = registered ? `--initiative ${registered.id}` : target!;

  if (existsSync(file)) {
    if (!ctx.interactive || options.answers !== undefined)
      throw new EisError(`the statement ${shown} exists already; eis new does not overwrite it.`, {
        hint: `Continue it with: eis answer ${shown}${options.answers !== undefined ? ` --answers ${options.answers}` : ''}`,
      });
    ctx.stderr(`${shown} exists already.\n`);
    let resume: boolean;
    try {
      resume = await (await import('../../edge/interview/interactive.js')).confirmFirst(ctx, `Continue answering ${shown}?`, accessible);
    } catch (error) {
      if (error instanceof Error && error.name === 'ExitPromptError') return ExitCode.interrupted;
      throw error;
    }
    if (!resume) return ExitCode.ok;
    return interviewOrMerge(ctx, openStatement(config, file, shown, language.questionnaire), { mode: { kind: 'resume' }, accessible });
  }

  const model = withVocabularies(language.questionnaire, config);
  const header = newStatementText(model, { schemaUrl: schemaUrl(model, file, config.root), title: registered?.title ?? (displayPath(path, dirname(file)) || undefined) });
  const prefill = prefillAnswers(model, registered ?? (await memoPrefill(path)));
  const text = `${header}${answersYaml(prefill)}`;
  // Whatever can fail before the first answer is checked before the file exists: a failed run
  // leaves nothing to trip over (a second `eis new` would find "the statement exists already").
  let answers: YamlSource | undefined;
  if (options.answers !== undefined) {
    answers = readAnswersSource(ctx, options.answers);
    const problems = answerProblems(model, answers);
    if (problems.length) {
      printAnswerProblems(ctx, answers, problems);
      ctx.stderr(`eis: nothing was written, and ${shown} was not created; fix the answers and run again.\n`);
      return ExitCode.failure;
    }
  } else if (!ctx.interactive) {
    ctx.stderr(`eis: no terminal to ask in (stdin or stdout is not a terminal, or CI is set), and no --answers file was given; ${shown} was not created.\n`);
    const required = skeletonMissing(model, config, text, ctx.today);
    if (required) ctx.stderr(`Required for ${shown}:\n${required}`);
    ctx.stderr(`Give the answers with: eis new ${again} --answers answers.yaml (or --answers - for stdin); eis questions lists every question.\n`);
    return ExitCode.failure;
  }

  // A registered initiative's folder (initiatives/ by default) may not exist yet.
  if (registered) mkdirSync(dirname(file), { recursive: true });
  const skeleton = writeAtomic(file, text, null);
  ctx.stdout(`${shown}\n`);
  const given = prefilledText(model, prefill);
  if (given && options.answers === undefined) ctx.stderr(`${given} Change ${given.includes(';') ? 'them' : 'it'} with: eis answer ${shown} --section ${model.roles.title?.split('.')[0]}\n`);
  const opened: Opened = { ...openStatement(config, file, shown, language.questionnaire), skeleton };
  let code: number;
  try {
    code = await interviewOrMerge(ctx, opened, { mode: { kind: 'resume', fromStart: true }, answers, accessible });
  } catch (error) {
    discardSkeleton(opened);
    throw error;
  }
  // Interrupted before the first answer, the session has removed the file and said so already.
  if (code === ExitCode.failure && discardSkeleton(opened)) ctx.stderr(`eis: no answer was saved, so ${shown} was removed.\n`);
  return code;
}

/**
 * A folder gets a statement only when the config names it an initiative folder: `eis check` and
 * `eis status` look for folder statements nowhere else, so one made elsewhere would never be
 * required, listed or found missing.
 */
function assertInitiativeFolder(ctx: Context, config: Config, folder: string, target: string): void {
  if (findInitiatives(config, [folder]).some((i) => i.kind === 'folder' && i.path === folder)) return;
  const memo = readdirSync(folder)
    .filter((f) => /\.(md|markdown|txt)$/i.test(f))
    .sort()[0];
  const example = memo ? `eis new ${join(target, memo).split(sep).join('/')}` : 'eis new memos/child-care-credit.md';
  const where = config.file ? displayPath(config.file, ctx.cwd) : undefined;
  const why = !where
    ? 'there is no eis.config.yaml, so no folder is an initiative folder'
    : config.initiatives.folders.length
      ? `no glob in initiatives.folders of ${where} matches it`
      : `${where} names no initiative folders`;
  throw new EisError(`this is a folder, and ${why}.`, {
    file: target,
    hint: `Name a memo (${example}), or add the folder's glob to initiatives.folders in ${where ?? 'eis.config.yaml (eis init writes one)'}.`,
  });
}

/** The required answers of an empty statement, one line each: what an answers file must hold. */
function skeletonMissing(model: Questionnaire, config: Config, text: string, today: string): string {
  const { findings } = checkStatementData(model, parseYamlSource(text, '').data, { today, severities: config.rules });
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => `  ${f.path.join('.')}: ${f.message}\n`)
    .join('');
}

type RegistryEntry = Config['initiatives']['registry'][number];

/** The initiatives.registry entry --initiative names; a typo gets the closest id. */
function registeredInitiative(config: Config, id: string, target: string | undefined): RegistryEntry {
  if (target !== undefined)
    throw new EisError(`give a memo or folder, or --initiative ${id}, not both.`, { hint: 'An initiative in the registry has no memo: its statement goes where statements.registry says.' });
  const entry = config.initiatives.registry.find((e) => e.id === id);
  if (entry) return entry;
  const ids = config.initiatives.registry.map((e) => e.id);
  const best = closest(id, ids);
  throw new EisError(`"${id}" is not an initiative in initiatives.registry${config.file ? ` of ${displayPath(config.file, process.cwd())}` : ''}.`, {
    hint: ids.length ? `${best ? `Did you mean "${best}"? ` : ''}Registered: ${ids.join(', ')}.` : 'List it under initiatives.registry (id, title, kind, division, owner); see docs/config.md.',
  });
}

/** What the registry already says, as the first answers: the title, and the kind and division when the questionnaire asks them that way. */

/**
 * What a memo says of itself: its title (a Word memo's first heading), and that it is a memo. A
 * folder, or a memo that cannot be read, gives what it can; the interview asks the rest.
 */
async function memoPrefill(path: string): Promise<Prefill> {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return {};
  }
  if (!isFile) return {};
  const word = /\.docx$/i.test(path);
  if (!word && !/\.(md|markdown|txt)$/i.test(path)) return { kind: 'memo' };
  let title: string | undefined;
  try {
    title = word ? wordTitle(await readWordParagraphs(path, path)) : memoTitle(decodeText(readBytes(path, 'memo'), path));
  } catch {
    // A memo eis cannot read is reported by eis check; here it only means no title to offer.
  }
  return { title, kind: 'memo' };
}

/** What the skeleton already answers, in words: `Title: "X"; Kind of work: Policy memo.` */
function prefilledText(model: Questionnaire, answers: PrefilledAnswers): string {
  const parts: string[] = [];
  for (const [section, given] of Object.entries(answers))
    for (const [id, value] of Object.entries(given)) {
      const q = model.questions.get(`${section}.${id}`);
      if (!q) continue;
      const label = q.choices?.find((c) => c.value === value)?.label;
      parts.push(`${q.label}: ${label ?? JSON.stringify(value)}`);
    }
  return parts.length ? `Filled in from the memo and the defaults: ${parts.join('; ')}.` : '';
}
