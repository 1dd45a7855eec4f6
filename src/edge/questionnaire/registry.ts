// The questionnaires statements may pin, for checking and for every command that reads statements.
import type { Config } from '../../core/config/config.js';
import { parseQuestionnaire } from '../../core/questionnaire/load.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { loadQuestionnaire } from './resolve.js';

/** The questionnaire a statement may pin: the one the config names, and no other. */
export type Registry = ((id: string) => Questionnaire | undefined) & { main: Questionnaire };

/**
 * The questionnaires statements may pin. Only the config's: a statement that pins another (the
 * built-in one, in a repository whose config names a stricter one) would choose its own rules.
 */
export function questionnaireRegistry(config: Config, main = loadQuestionnaire(config.questionnaire, config.root)): Registry {
  return Object.assign((id: string) => (id === main.id ? main : undefined), { main });
}

/** The registry for checking: a questionnaire read from a git ref (its text), or the config's. */
export function registryFor(options: { config: Config; questionnaireSource?: { text: string; name: string } | undefined }): Registry {
  const source = options.questionnaireSource;
  return questionnaireRegistry(options.config, source ? parseQuestionnaire(source.text, source.name) : undefined);
}
