// Finding eis.config.yaml (walking up from the working directory, or given with --config),
// reading it, and keeping the questionnaire it names inside the repository.
import { dirname, resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { EisError } from '../../core/errors.js';
import { CONFIG_NAMES, defaultConfig, parseConfigSource, type Config } from '../../core/config/config.js';
import { decodeText, parseYamlSource, positionOf, type Position, type YamlSource } from '../../core/yaml/source.js';
import { fsError, readBytes } from '../files/statement-file.js';
import { displayPath } from '../files/discover.js';
import { loadQuestionnaire, questionnaireFile } from '../questionnaire/resolve.js';
import { namesRules, ruleIdProblem, ruleKeyError, ruleKeysIn } from '../../core/config/rule-keys.js';
import { vocabulariesUsed, vocabularyProblems } from '../../core/questionnaire/vocabularies.js';
import { closest } from '../../core/questionnaire/model.js';
import { isWithin, realPathOf, repositoryRoot } from '../git/repository.js';

export interface LoadConfigOptions {
  config?: string | undefined;
  cwd?: string;
  /** The person running eis trusts this config to name a questionnaire anywhere on the machine. */
  allowExternalQuestionnaire?: boolean | undefined;
}

/** The config named by --config, or the nearest eis.config.yaml above `cwd`, or the default. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  let file: string;
  let shown: string;
  if (options.config) {
    file = resolve(cwd, options.config);
    shown = options.config;
  } else {
    let found: { filepath: string } | null;
    try {
      found = lilconfigSync('eis', {
        searchPlaces: CONFIG_NAMES,
        loaders: { '.yaml': (_path, content) => content, '.yml': (_path, content) => content },
        ignoreEmptySearchPlaces: false,
      }).search(cwd);
    } catch (error) {
      throw fsError(error, cwd, 'config file');
    }
    if (!found) return defaultConfig(cwd);
    file = found.filepath;
    shown = displayPath(found.filepath, cwd);
  }
  const { config: parsed, source } = parseConfigSource(decodeText(readBytes(file, 'config file'), shown), shown, dirname(file));
  const config = { ...parsed, file };
  if (!options.allowExternalQuestionnaire) assertQuestionnaireInside(config, source, shown);
  assertRulesKnown(config, source, shown);
  assertVocabulariesUsed(config, source, shown);
  return config;
}

/**
 * Keys under `rules` that name questionnaire rules (`rule/burden-evidence`, `burden-evidence`) are
 * known only with the questionnaire: checked here, when there are any, so that a misspelt one is
 * an error at its line rather than a setting that does nothing. The questionnaire is cached, so
 * the command reading it next pays nothing; one that cannot be read is the command's to report.
 */
function assertRulesKnown(config: Config, source: YamlSource, shown: string): void {
  const keys = ruleKeysIn(source, config.rules);
  if (!namesRules(keys)) return;
  let model: ReturnType<typeof loadQuestionnaire>;
  try {
    model = loadQuestionnaire(config.questionnaire, config.root);
  } catch {
    return;
  }
  const problem = ruleIdProblem(keys, model);
  if (problem) throw ruleKeyError(problem, source, shown);
}

/**
 * A list under `vocabularies` that no question names does nothing: a misspelt name is an error at
 * its line, as is an entry the questions using it cannot take (a choice value that is no id).
 */
function assertVocabulariesUsed(config: Config, source: YamlSource, shown: string): void {
  const names = Object.keys(config.vocabularies);
  if (!names.length) return;
  let model: ReturnType<typeof loadQuestionnaire>;
  try {
    model = loadQuestionnaire(config.questionnaire, config.root);
  } catch {
    return;
  }
  const used = vocabulariesUsed(model);
  for (const name of names) {
    if (!used.has(name)) {
      const best = closest(
        name,
        [...used].filter((n) => n !== 'disaggregation'),
      );
      throw new EisError(`no question of ${model.ref} takes its choices from "${name}"${best ? `; did you mean "${best}"?` : '.'}`, {
        file: shown,
        ...positionOf(source, ['vocabularies', name]),
        hint: `Lists its questions use: ${[...used].filter((n) => n !== 'disaggregation').join(', ') || 'none'}. See docs/config.md#vocabularies-the-agencys-own-lists.`,
      });
    }
    const [problem] = vocabularyProblems(name, config.vocabularies[name]!, model);
    if (problem)
      throw new EisError(`vocabularies.${name}: ${problem.message}.`, {
        file: shown,
        ...positionOf(source, ['vocabularies', name, problem.index]),
        hint: 'See docs/config.md#vocabularies-the-agencys-own-lists.',
      });
  }
}

/**
 * A config arrives with a pull request, and CI then reads the questionnaire it names (a YAML error
 * can quote a line of it into a public log). So a questionnaire path must stay inside the
 * repository that holds the config, after following links, unless the person running eis allows
 * it with --allow-external-questionnaire. The same rule as for templates in `eis render`.
 */
function assertQuestionnaireInside(config: Config, source: YamlSource, shown: string): void {
  const file = questionnaireFile(config.questionnaire, config.root);
  if (file === undefined) return;
  const real = realPathOf(file);
  const folder = realPathOf(config.root);
  // Inside the config's own folder is inside its repository: no need to ask git.
  if (isWithin(real, folder)) return;
  const root = repositoryRoot(config.root);
  if (isWithin(real, root)) return;
  throw new EisError(`"questionnaire" names ${config.questionnaire}, which is outside the repository (${root}).`, {
    file: shown,
    ...positionOf(source, ['questionnaire']),
    hint: 'Move the questionnaire into the repository, or run with --allow-external-questionnaire if you trust this config.',
  });
}

/**
 * Where a key sits in the config file, for problems found after loading (a template path that does
 * not exist): the file is read again, which costs nothing beside the error it places.
 */
export function configKeyPosition(config: Config, path: ReadonlyArray<string | number>): Position | undefined {
  if (!config.file) return undefined;
  try {
    return positionOf(parseYamlSource(decodeText(readBytes(config.file, 'config file'), config.file), config.file), path);
  } catch {
    return undefined;
  }
}
