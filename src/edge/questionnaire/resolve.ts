// Finds and reads questionnaires: the built-in ones shipped in schemas/questionnaires/, or a file.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { EisError } from '../../core/errors.js';
import { packageRoot } from '../files/package-root.js';
import { decodeText } from '../../core/yaml/decode.js';
import { readBytes } from '../files/statement-file.js';
import { parseQuestionnaire } from '../../core/questionnaire/load.js';
import { compileQuestionnaire, type Questionnaire } from '../../core/questionnaire/model.js';
import type { QuestionnaireInput } from '../../core/questionnaire/format.js';
import { createHash } from 'node:crypto';

/**
 * Built-in questionnaires are validated when eis is built and stored as JSON beside the bundle,
 * with the hash of the YAML they came from: reading that is much faster than validating the YAML
 * on every run. A stale or missing copy is simply ignored.
 */
function precompiled(stem: string, yamlBytes: Uint8Array, source: string): Questionnaire | undefined {
  try {
    const stored = JSON.parse(readFileSync(join(packageRoot(), 'dist', 'builtin', `${stem}.json`), 'utf8')) as { sha256: string; input: QuestionnaireInput };
    if (stored.sha256 !== createHash('sha256').update(yamlBytes).digest('hex')) return undefined;
    return compileQuestionnaire(stored.input, source);
  } catch {
    return undefined;
  }
}

/**
 * The folder of the built-in questionnaires; earlier versions sit beside them as `<id>.v<N>.yaml`,
 * translations as `<id>.<lang>.yaml` (a BCP 47 tag, `es` or `zh-Hant`): neither is a questionnaire of its own.
 */
export function builtinFolder(): string {
  return join(packageRoot(), 'schemas', 'questionnaires');
}

export function builtinQuestionnaireIds(): string[] {
  return (
    readdirSync(builtinFolder())
      // Ids have no dot: `<id>.v<N>.yaml` is an earlier version and `<id>.<lang>.yaml` a translation.
      .filter((f) => /^[a-z][a-z0-9_-]*\.yaml$/.test(f))
      .map((f) => f.slice(0, -'.yaml'.length))
  );
}

const cache = new Map<string, Questionnaire>();

/** The file a questionnaire path names, relative to `baseDir`; undefined for a built-in id. */
export function questionnaireFile(nameOrPath: string, baseDir: string): string | undefined {
  if (!/[\\/]|\.ya?ml$/.test(nameOrPath)) return undefined;
  return isAbsolute(nameOrPath) ? nameOrPath : resolve(baseDir, nameOrPath);
}

/** A built-in id (`equity-impact`) or a path to a questionnaire YAML file, relative to `baseDir`. */
export function loadQuestionnaire(nameOrPath: string, baseDir = process.cwd()): Questionnaire {
  const path = questionnaireFile(nameOrPath, baseDir);
  const isPath = path !== undefined;
  const file = path ?? join(packageRoot(), 'schemas', 'questionnaires', `${nameOrPath}.yaml`);
  const cached = cache.get(file);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    // Only a regular file of a sane size: a config naming /dev/zero or a named pipe must not hang eis.
    bytes = readBytes(file, 'questionnaire file');
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    if (!isPath && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
      throw new EisError(`there is no built-in questionnaire "${nameOrPath}".`, { hint: `Built-in: ${builtinQuestionnaireIds().join(', ')}; or give a path to a questionnaire file.` });
    // Named as the config or the flag names it, not by its absolute path.
    throw new EisError(error.message, { file: isPath ? nameOrPath : error.file, hint: error.hint, cause: error.cause ?? error });
  }
  const shown = isPath ? nameOrPath : file;
  const source = isPath ? file : `builtin:${nameOrPath}`;
  // A built-in's earlier version is named by its path, from the built-in's `previous`: precompiled too.
  const stem = isPath ? (dirname(file) === builtinFolder() ? basename(file, '.yaml') : undefined) : nameOrPath;
  const model = (stem !== undefined && precompiled(stem, bytes, source)) || parseQuestionnaire(decodeText(bytes, shown), shown, source);
  cache.set(file, model);
  return model;
}
