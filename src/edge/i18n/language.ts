// The configured questionnaire and the fixed words in the language a command was asked for
// (--lang): what render, questions, new, answer and status show.
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import type { Words } from '../../core/i18n/words.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { LANGUAGE_TAG } from '../../core/questionnaire/translation-format.js';
import { loadLocale } from './locale.js';
import { loadQuestionnaire } from '../questionnaire/resolve.js';
import { inLanguage, questionnaireFolder } from '../questionnaire/translations.js';

export interface InLanguage {
  lang: string;
  /** The config's questionnaire in `lang`, before the config's vocabularies (the registry adds them). */
  questionnaire: Questionnaire;
  words: Words;
}

export function checkLanguageTag(lang: string): void {
  if (!LANGUAGE_TAG.test(lang)) throw new EisError(`"${lang}" is not a language tag.`, { hint: 'Use a tag such as en, es or en-US.' });
}

/** Exit 2, naming the languages there are, when the questionnaire has no translation into `lang`. */
export function languageOf(config: Config, lang: string, cwd: string, questionnaire = loadQuestionnaire(config.questionnaire, config.root)): InLanguage {
  checkLanguageTag(lang);
  return { lang, questionnaire: inLanguage(questionnaire, lang, cwd), words: loadLocale(lang, cwd, questionnaireFolder(questionnaire)).words };
}
