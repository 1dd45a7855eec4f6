// The questionnaires statements may pin, for checking and for every command that reads statements.
import type { Config } from '../../core/config/config.js';
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
export function questionnaireRegistry(config: Config, main = loadQuestionnaire(config.questionnaire, config.root)): Registry {
  return Object.assign((id: string) => (id === main.id ? main : undefined), {
    main,
    older: (id: string, version: number) => (id === main.id ? olderVersion(main, version) : undefined),
  });
}

/** The registry for checking: a questionnaire read from a git ref (its text), or the config's. */
export function registryFor(options: { config: Config; questionnaireSource?: { text: string; name: string } | undefined }): Registry {
  const source = options.questionnaireSource;
  if (!source) return questionnaireRegistry(options.config);
  // Read from a git ref (the gate's policy): its earlier versions would have to come from that ref
  // too, not from the branch's files, so none are offered and statements pinned to one are refused.
  return Object.assign(questionnaireRegistry(options.config, parseQuestionnaire(source.text, source.name)), { older: () => undefined });
}
