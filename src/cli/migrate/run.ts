// eis migrate: statements written for an earlier version of the questionnaire, moved to a newer
// one with the steps the newer version declares. Each statement is migrated on its own: one that
// would lose an answer is refused and left as it is; the others are written.
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { MigrateOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { displayPath, findStatements, resolvePaths } from '../../edge/files/discover.js';
import { questionnaireRegistry } from '../../edge/questionnaire/registry.js';
import { olderVersion } from '../../edge/questionnaire/versions.js';
import { readStatementText } from '../../edge/files/read-statement.js';
import { writeAtomic } from '../../edge/files/statement-file.js';
import { changeStatement } from '../../core/statement/change.js';
import { patchDocument } from '../../core/statement/edit.js';
import { parsePin } from '../../core/statement/pin.js';
import { isPlainObject } from '../../core/questionnaire/answers.js';
import { migrateData } from '../../core/migrate/migrate.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';

export async function migrate(ctx: Context, paths: string[], options: MigrateOptions): Promise<number> {
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const main = questionnaireRegistry(config).main;
  const target = targetOf(main, options.to);
  const files = findStatements(resolvePaths(paths, ctx.cwd));
  let refused = 0;
  let migrated = 0;
  for (const file of files) {
    const shown = displayPath(file, ctx.cwd);
    let statement: ReturnType<typeof readStatementText>;
    try {
      statement = readStatementText(file);
    } catch (error) {
      // One unreadable file is that file's problem: the others are still migrated.
      if (!(error instanceof EisError)) throw error;
      ctx.stderr(`eis: ${error.format()}\n`);
      refused++;
      continue;
    }
    const data = statement.data;
    const pin = parsePin(isPlainObject(data) ? data.questionnaire : undefined);
    if (!pin || pin.id !== target.id) {
      ctx.stderr(`eis: ${shown}: it answers ${pin ? `${pin.id}@${pin.version}` : 'no questionnaire eis can read'}, not ${target.id}; left as it is.\n`);
      refused++;
      continue;
    }
    if (pin.version === target.version) continue;
    if (pin.version > target.version) {
      ctx.stderr(`eis: ${shown}: it answers ${pin.id}@${pin.version}, newer than ${target.ref}; eis does not migrate back.\n`);
      refused++;
      continue;
    }
    const older = olderVersion(main, pin.version);
    if (!older) {
      ctx.stderr(`eis: ${shown}: ${main.ref} declares no migration from ${pin.id}@${pin.version}; left as it is.\n`);
      refused++;
      continue;
    }
    const chain = older.chain.filter((link) => link.to.version <= target.version);
    const result = migrateData(data, chain);
    if (result.problems.length) {
      ctx.stderr(`eis: ${shown}: not migrated to ${target.ref}, nothing written:\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
      refused++;
      continue;
    }
    const records = Array.isArray((data as Record<string, unknown>).migrated) ? [...((data as Record<string, unknown>).migrated as unknown[])] : [];
    for (const link of chain) records.push({ from: link.from.ref, to: link.to.ref, date: ctx.today });
    const after = { ...result.data, migrated: records };
    const changes = result.links.flatMap((link) => link.changes);
    ctx.stdout(`${shown}: ${pin.id}@${pin.version} -> ${target.ref}${options.dryRun ? ' (dry run, nothing written)' : ''}\n${changes.map((c) => `  ${c}\n`).join('')}`);
    migrated++;
    if (options.dryRun) continue;
    const touched = [...new Set([...Object.keys(data as object), ...Object.keys(after)])].map((key) => [key]);
    writeAtomic(
      file,
      changeStatement(statement, touched, (doc) => patchDocument(doc, target, data, after)),
      statement.hash,
    );
  }
  const verb = options.dryRun ? 'would be migrated' : 'migrated';
  ctx.stderr(`eis: ${migrated} statement${migrated === 1 ? '' : 's'} ${verb} to ${target.ref}${refused ? `; ${refused} left as they are` : ''}.\n`);
  return refused ? 2 : 0;
}

/** The version --to names (the config's questionnaire, this or an earlier version), or the newest. */
function targetOf(main: Questionnaire, to: string | undefined): Questionnaire {
  if (to === undefined) return main;
  const pin = parsePin(to);
  if (!pin) throw new EisError(`--to ${to} is not written id@version.`, { hint: `For example: --to ${main.ref}` });
  if (pin.id !== main.id) throw new EisError(`--to names ${pin.id}, but the config's questionnaire is ${main.id}.`, { hint: `Migrate to a version of ${main.id}, such as ${main.ref}.` });
  if (pin.version === main.version) return main;
  const older = pin.version < main.version ? olderVersion(main, pin.version) : undefined;
  if (!older) throw new EisError(`${main.id} has no version ${pin.version} eis can reach.`, { hint: `The newest is ${main.ref}.` });
  return older.model;
}
