// A questionnaire's earlier versions, loaded from the files its `previous` entries name, so that a
// statement pinned to an earlier version is still checked against its own questions, and can be
// migrated along the chain. Loaded only when a statement asks for one.
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { EisError } from '../../core/errors.js';
import type { MigrationLink } from '../../core/migrate/migrate.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { realpathSync } from 'node:fs';
import { builtinFolder, loadQuestionnaire } from './resolve.js';

export interface OlderVersion {
  model: Questionnaire;
  /** From `model` up to the newest version, oldest link first. */
  chain: MigrationLink[];
}

/** The folder a questionnaire's relative paths start from. */
function folderOf(model: Questionnaire): string {
  return model.source.startsWith('builtin:') ? builtinFolder() : dirname(model.source);
}

/** The version before `model`, from the file its `previous` names; undefined when it names none. */
export function previousOf(model: Questionnaire): Questionnaire | undefined {
  const previous = model.previous;
  if (!previous) return undefined;
  const folder = folderOf(model);
  const file = resolve(folder, previous.file);
  // The questionnaire itself was held inside the repository (config/load.ts); its earlier versions
  // must sit in its folder or below, links followed, so a config cannot lead eis anywhere else.
  if (!model.source.startsWith('builtin:') && !inside(file, folder))
    throw new EisError(`${model.ref} names its previous version ${previous.file}, which is outside the questionnaire's folder.`, {
      file: model.source,
      hint: 'Keep earlier versions beside the questionnaire, or in a folder below it.',
    });
  const older = loadQuestionnaire(file, folder);
  if (older.id !== model.id || older.version !== previous.version)
    throw new EisError(`${model.ref} says its previous version is ${model.id}@${previous.version} in ${previous.file}, but that file holds ${older.ref}.`, {
      file: model.source,
      hint: 'Point previous.file at the earlier version of this questionnaire.',
    });
  if (older.version >= model.version) throw new EisError(`${model.ref} names ${older.ref} as its previous version, which is not older.`, { file: model.source });
  return older;
}

/** The earlier `version` of `model` and the migrations from it, or undefined when the chain does not reach it. */
export function olderVersion(model: Questionnaire, version: number, previous: (model: Questionnaire) => Questionnaire | undefined = previousOf): OlderVersion | undefined {
  const chain: MigrationLink[] = [];
  let current = model;
  while (current.version > version) {
    const older = previous(current);
    if (!older) return undefined;
    chain.unshift({ from: older, to: current, steps: current.previous!.migrate });
    current = older;
  }
  return current.version === version ? { model: current, chain } : undefined;
}

function inside(file: string, folder: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return true; // missing: loading it says so
  }
  const rel = relative(realpathSync(folder), real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
