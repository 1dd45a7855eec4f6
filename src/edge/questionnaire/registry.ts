// The questionnaires statements may pin, for checking and for every command that reads statements.
import { vocabulariesOf, type Config } from '../../core/config/config.js';
import { applyVocabularies } from '../../core/questionnaire/vocabularies.js';
import { parseQuestionnaire } from '../../core/questionnaire/load.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { loadQuestionnaire } from './resolve.js';
import { olderVersion, type OlderVersion } from './versions.js';

/** The questionnaire a statement may pin: the one the config names (any of its versions), and no other. */
export type Registry = ((id: string) => Questionnaire | undefined) & {
  main: Questionnaire;
  /** An earlier version of the config's questionnaire, with the migrations from it. */
  older: (id: string, version: number) => OlderVersion | undefined;
};

/**
 * The questionnaires statements may pin. Only the config's: a statement that pins another (the
 * built-in one, in a repository whose config names a stricter one) would choose its own rules.
 */
export function questionnaireRegistry(config: Config, questionnaire = loadQuestionnaire(config.questionnaire, config.root)): Registry {
  const main = withVocabularies(questionnaire, config);
  return Object.assign((id: string) => (id === main.id ? main : undefined), {
    main,
    older: (id: string, version: number) => (id === main.id ? olderVersion(main, version) : undefined),
  });
}

/**
 * A questionnaire read from a git ref (the gate's policy) rather than from the working tree, with
 * the earlier versions its `previous` entries name, read from the same ref.
 */
export interface QuestionnaireSource {
  text: string;
  name: string;
  earlier?: Array<{ text: string; name: string }> | undefined;
}

/** The registry for checking: a questionnaire read from a git ref (its text), or the config's. */
export function registryFor(options: { config: Config; questionnaireSource?: QuestionnaireSource | undefined }): Registry {
  const source = options.questionnaireSource;
  if (!source) return questionnaireRegistry(options.config);
  // Its earlier versions come from the same ref, never from the branch's files.
  const main = parseQuestionnaire(source.text, source.name);
  const earlier = (source.earlier ?? []).map((e) => parseQuestionnaire(e.text, e.name));
  const previous = (model: Questionnaire) => earlier.find((m) => m.id === model.id && m.version === model.previous?.version);
  return Object.assign(questionnaireRegistry(options.config, main), {
    older: (id: string, version: number) => (id === main.id ? olderVersion(main, version, previous) : undefined),
  });
}

const applied = new WeakMap<Config, WeakMap<Questionnaire, Questionnaire>>();

/** The questionnaire with the config's agency lists as the choices of the questions naming them; made once per config. */
export function withVocabularies(model: Questionnaire, config: Config): Questionnaire {
  let byModel = applied.get(config);
  if (!byModel) applied.set(config, (byModel = new WeakMap()));
  let result = byModel.get(model);
  if (!result) byModel.set(model, (result = applyVocabularies(model, vocabulariesOf(config))));
  return result;
}

/** The questionnaire the config names, with its agency lists: what `eis new`, `eis questions` and `eis schema` show. */
export function configuredQuestionnaire(config: Config): Questionnaire {
  return withVocabularies(loadQuestionnaire(config.questionnaire, config.root), config);
}
