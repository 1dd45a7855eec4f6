// Finds and reads a questionnaire's translations: `<stem>.<lang>.yaml` beside the questionnaire
// file, or beside the built-in one in schemas/questionnaires/. Problems point at the translation's
// line and column, with the closest key when one is misspelt.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EisError } from '../../core/errors.js';
import { closest, type Questionnaire } from '../../core/questionnaire/model.js';
import { translateQuestionnaire, translationProblems, type Digest, type TranslationProblem } from '../../core/questionnaire/translate.js';
import { LANGUAGE_TAG, TRANSLATION_KEYS, translationSchema, type Translation } from '../../core/questionnaire/translation-format.js';
import { decodeText } from '../../core/yaml/decode.js';
import { parseYamlSource, positionOf, type YamlSource } from '../../core/yaml/source.js';
import { displayPath } from '../files/discover.js';
import { readBytes } from '../files/statement-file.js';
import { builtinFolder } from './resolve.js';

export const sha256: Digest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The language questionnaires are written in; a translation is never needed for it. */
export const SOURCE_LANGUAGE = 'en';

export interface LoadedTranslation {
  file: string;
  /** The file as messages name it. */
  shown: string;
  translation: Translation;
  yaml: YamlSource;
}

export interface PlacedTranslationProblem extends TranslationProblem {
  file: string;
  line: number;
  column: number;
}

/** The folder and file-name stem a questionnaire's translations sit beside it with. */
function home(model: Questionnaire): { folder: string; stem: string } {
  if (model.source.startsWith('builtin:')) return { folder: builtinFolder(), stem: model.source.slice('builtin:'.length) };
  return { folder: dirname(model.source), stem: basename(model.source).replace(/\.ya?ml$/i, '') };
}

/** The folder a questionnaire file sits in, for the locales/ beside it; undefined for a built-in one. */
export function questionnaireFolder(model: Questionnaire): string | undefined {
  return model.source.startsWith('builtin:') ? undefined : dirname(model.source);
}

export function isSourceLanguage(lang: string): boolean {
  return lang.toLowerCase().split('-')[0] === SOURCE_LANGUAGE;
}

/** Where the translation of `model` into `lang` is, or would be. */
export function translationFile(model: Questionnaire, lang: string): string {
  const { folder, stem } = home(model);
  return join(folder, `${stem}.${lang}.yaml`);
}

/** The languages `model` can be shown in: its own, and every one with a translation file beside it. */
export function translationLanguages(model: Questionnaire): string[] {
  const { folder, stem } = home(model);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    names = [];
  }
  const found = names
    .filter((n) => n.startsWith(`${stem}.`) && n.endsWith('.yaml'))
    .map((n) => n.slice(stem.length + 1, -'.yaml'.length))
    // `<stem>.v1.yaml` is an earlier version of the questionnaire, not a language.
    .filter((lang) => LANGUAGE_TAG.test(lang) && !/^v\d+$/.test(lang));
  return [SOURCE_LANGUAGE, ...found.sort()];
}

/** The translation file for `lang`: the tag itself, else its base language (`es` for `es-MX`). */
function findFile(model: Questionnaire, lang: string): string | undefined {
  const available = translationLanguages(model).map((l) => l.toLowerCase());
  for (const candidate of [lang, lang.split('-')[0]!]) {
    const i = available.indexOf(candidate.toLowerCase());
    if (i > 0) return translationFile(model, translationLanguages(model)[i]!);
  }
  return undefined;
}

/** Reads and validates a translation file; every problem is an EisError at its line and column. */
export function readTranslationFile(file: string, cwd: string, lang?: string): LoadedTranslation {
  const shown = displayPath(file, cwd);
  const yaml = parseYamlSource(decodeText(readBytes(file, 'translation file'), shown), shown);
  const parsed = translationSchema.safeParse(yaml.data);
  const fail = (path: ReadonlyArray<PropertyKey>, message: string, hint = 'See docs/translations.md.'): never => {
    const pos = positionOf(
      yaml,
      path.map((p) => (typeof p === 'number' ? p : String(p))),
    );
    throw new EisError(`translation ${message}`, { file: shown, line: pos.line, column: pos.column, hint });
  };
  if (!parsed.success) {
    // A misspelt key also leaves the key it meant missing: naming the misspelling says more.
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
    const path = issue.path.map(String);
    const where = path.length ? `at ${path.join(' › ')}` : 'at the top level';
    const more = parsed.error.issues.length - 1;
    const tail = more ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const best = closest(key, knownKeys(path));
      fail([...path, key], `${where}: "${key}" is not a key here${best ? `; did you mean "${best}"?` : ''}${tail}.`, `Keys here: ${knownKeys(path).join(', ')}. See docs/translations.md.`);
    }
    fail(path, `${where}: ${issue.message.replace(/^Invalid input: /, '').toLowerCase()}${tail}.`);
  }
  const translation = parsed.data!;
  if (lang !== undefined && translation.language.toLowerCase() !== lang.toLowerCase())
    fail(['language'], `says language: ${translation.language}, but its file name says ${lang}.`, 'Make the file name and the language: line agree.');
  return { file, shown, translation, yaml };
}

function knownKeys(path: string[]): readonly string[] {
  if (path.length === 0) return TRANSLATION_KEYS.top;
  if (path[0] === 'questions' && path[2] === 'choices' && path.length === 4) return TRANSLATION_KEYS.choice;
  if (path.length === 2 && (path[0] === 'sections' || path[0] === 'questions' || path[0] === 'computed' || path[0] === 'rules')) return TRANSLATION_KEYS[path[0]];
  return [];
}

/** The translation of `model` into `lang`, or undefined for the questionnaire's own language. */
export function loadTranslation(model: Questionnaire, lang: string, cwd: string): LoadedTranslation | undefined {
  if (isSourceLanguage(lang)) return undefined;
  const file = findFile(model, lang);
  if (!file) {
    const available = translationLanguages(model);
    throw new EisError(`${model.ref} has no translation into "${lang}".`, {
      hint: `Languages available: ${available.join(', ')}. To add one, write ${displayPath(translationFile(model, lang), cwd)} (see docs/translations.md).`,
    });
  }
  const loaded = readTranslationFile(file, cwd, basename(file, '.yaml').split('.').pop());
  // A translation of another questionnaire would put its words on the wrong questions.
  const id = loaded.translation.questionnaire.split('@')[0];
  if (id !== model.id) {
    const pos = positionOf(loaded.yaml, ['questionnaire']);
    throw new EisError(`translation is for questionnaire "${id}", but it sits beside ${model.ref}.`, {
      file: loaded.shown,
      line: pos.line,
      column: pos.column,
      hint: `Write questionnaire: ${model.ref}.`,
    });
  }
  return loaded;
}

/** `model` in `lang`: translated when there is a translation, itself for English. Exit 2 when there is none. */
export function inLanguage(model: Questionnaire, lang: string, cwd: string): Questionnaire {
  const loaded = loadTranslation(model, lang, cwd);
  return loaded ? translateQuestionnaire(model, loaded.translation) : model;
}

/** What a translation lacks, has too much of, or has out of date, each at its line in the translation. */
export function placedProblems(model: Questionnaire, loaded: LoadedTranslation): PlacedTranslationProblem[] {
  return translationProblems(model, loaded.translation, sha256).map((p) => ({ ...p, file: loaded.shown, ...placeOf(loaded.yaml, p.path) }));
}

function placeOf(yaml: YamlSource, path: string[]): { line: number; column: number } {
  const pos = positionOf(yaml, path);
  return { line: pos.line, column: pos.column };
}
