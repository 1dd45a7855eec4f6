// eis diff: two statement files, or every statement that changed in git, compared answer by answer.
import { join, resolve } from 'node:path';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { DiffOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { displayPath } from '../../edge/files/discover.js';
import { questionnaireRegistry, type Registry } from '../../edge/questionnaire/registry.js';
import { migrateData } from '../../core/migrate/migrate.js';
import { statementData } from '../../core/statement/change.js';
import { readStatementText } from '../../edge/files/read-statement.js';
import { parsePin, questionnaireFor } from '../../core/statement/pin.js';
import { isPlainObject } from '../../core/questionnaire/answers.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { compareStatements } from '../../core/diff/compare.js';
import { hasChanges, type StatementDiff } from '../../core/diff/types.js';
import { formatText } from '../../core/diff/format-text.js';
import { formatMarkdown } from '../../core/diff/format-md.js';
import { formatJson } from '../../core/diff/format-json.js';
import { repoPath, repoRoot } from '../../edge/git/repo.js';
import { changedStatements, parseRange, showFile } from '../../edge/git/statements.js';

const FORMATS = ['text', 'md', 'json'];

/** One side of a comparison: where it came from (for messages), and its text or, read from disk, its data. */
interface Side {
  name: string;
  text?: string;
  data?: unknown;
}

interface Pair {
  file: string;
  oldFile?: string | undefined;
  before?: Side | undefined;
  after?: Side | undefined;
}

export async function diff(ctx: Context, args: string[], options: DiffOptions): Promise<number> {
  if (!FORMATS.includes(options.format)) throw new EisError(`"${options.format}" is not a format for eis diff.`, { hint: `Use ${FORMATS.join(', ')}.` });
  const pairs = options.git !== undefined ? gitPairs(ctx, options.git, args) : filePairs(ctx, args);
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const known = questionnaireRegistry(config);

  const diffs: StatementDiff[] = [];
  for (const pair of pairs) {
    let before = pair.before ? dataOf(pair.before) : undefined;
    const after = pair.after ? dataOf(pair.after) : undefined;
    const migrated = migratedOldSide(before, after, known);
    if (migrated) {
      before = migrated.data;
      ctx.stderr(`eis: ${pair.file}: the old version answers ${migrated.from} and the new one ${migrated.to}; the old one is compared as eis migrate would move it.\n`);
    }
    const model = modelFor(pair, before, after, known);
    const d = compareStatements(
      model,
      { file: pair.file, oldFile: pair.oldFile, before: pair.before ? (before ?? {}) : undefined, after: pair.after ? (after ?? {}) : undefined },
      { today: ctx.today },
    );
    if (hasChanges(d)) diffs.push(d);
  }

  const text = options.format === 'json' ? formatJson(diffs) : options.format === 'md' ? formatMarkdown(diffs) : formatText(diffs, ctx.color);
  ctx.stdout(text);
  return options.exitCode && diffs.length ? 1 : 0;
}

function dataOf(side: Side): unknown {
  return side.text === undefined ? side.data : statementData(side.text, side.name);
}

function filePairs(ctx: Context, args: string[]): Pair[] {
  if (args.length !== 2)
    throw new EisError(`eis diff compares two statement files; ${args.length} ${args.length === 1 ? 'was' : 'were'} given.`, {
      hint: 'Write eis diff OLD NEW, or eis diff --git REF [paths...] for what changed in git.',
    });
  const [oldArg, newArg] = args as [string, string]; // two, as checked above
  const a = readStatementText(resolve(ctx.cwd, oldArg));
  const b = readStatementText(resolve(ctx.cwd, newArg));
  return [{ file: displayPath(b.file, ctx.cwd), before: { name: oldArg, data: a.data }, after: { name: newArg, data: b.data } }];
}

function gitPairs(ctx: Context, spec: string, paths: string[]): Pair[] {
  const root = repoRoot(ctx.cwd);
  const range = parseRange(spec, ctx.cwd);
  const specs = paths.map((p) => repoPath(p, ctx.cwd, root));
  const shown = (path: string) => displayPath(join(root, path), ctx.cwd);
  return changedStatements(range, ctx.cwd, specs).map((change) => {
    const newSide = change.newPath
      ? change.newAt
        ? { name: `${range.head}:${change.newPath}`, text: showFile(change.newAt.commit, change.newAt.path, change.newAt.cwd) }
        : { name: shown(change.newPath), data: readStatementText(join(root, change.newPath)).data }
      : undefined;
    const oldSide = change.oldAt ? { name: `${range.base}:${change.oldPath}`, text: showFile(change.oldAt.commit, change.oldAt.path, change.oldAt.cwd) } : undefined;
    return {
      file: shown(change.newPath ?? change.oldPath!),
      ...(change.oldPath && change.newPath && change.oldPath !== change.newPath ? { oldFile: shown(change.oldPath) } : {}),
      before: oldSide,
      after: newSide,
    };
  });
}

/** Both sides must answer the same questionnaire version: answers are matched question by question. */
function modelFor(pair: Pair, before: unknown, after: unknown, known: (id: string) => Questionnaire | undefined): Questionnaire {
  const pinOf = (data: unknown) => (isPlainObject(data) ? data.questionnaire : undefined);
  if (pair.before && pair.after) {
    const a = parsePin(pinOf(before));
    const b = parsePin(pinOf(after));
    if (a && b && (a.id !== b.id || a.version !== b.version))
      throw new EisError(
        `cannot compare the two versions answer by answer: the old one answers ${a.id}@${a.version} and the new one ${b.id}@${b.version}, and eis has no migration between them, so their questions cannot be matched.`,
        {
          file: pair.file,
          hint:
            a.id === b.id
              ? `Move the old statement to ${b.id}@${b.version} first (review its answers and change its pin), or compare the files as text with git diff.`
              : 'A statement moved to another questionnaire reads as a new statement; review it whole with eis render.',
        },
      );
  }
  const side = pair.after ? { data: after, name: pair.after.name } : { data: before, name: pair.before!.name };
  try {
    return questionnaireFor(side.data, known);
  } catch (error) {
    if (error instanceof EisError && !error.file) throw new EisError(error.message, { file: side.name, hint: error.hint, code: error.code });
    throw error;
  }
}

/**
 * The old side migrated to the new side's version, when the new one answers a later version of the
 * same questionnaire and the questionnaire declares the way there: the answers can then be matched
 * question by question. Undefined when no migration is needed or none is known.
 */
function migratedOldSide(before: unknown, after: unknown, known: Registry): { data: unknown; from: string; to: string } | undefined {
  const pinOf = (data: unknown) => parsePin(isPlainObject(data) ? data.questionnaire : undefined);
  const a = pinOf(before);
  const b = pinOf(after);
  if (!a || !b || a.id !== b.id || a.version >= b.version) return undefined;
  const older = known.older(a.id, a.version);
  if (!older) return undefined;
  const chain = older.chain.filter((link) => link.to.version <= b.version);
  if (chain.at(-1)?.to.version !== b.version) return undefined;
  return { data: migrateData(before, chain).data, from: `${a.id}@${a.version}`, to: `${b.id}@${b.version}` };
}
