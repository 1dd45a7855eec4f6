// eis render: statements to Markdown, HTML or PDF (the HTML, printed). Reads the statement, its
// questionnaire and the templates; the view model and the templates do the rest.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { configKeyPosition, loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { RenderOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { displayPath } from '../../edge/files/discover.js';
import { statementTarget } from '../../edge/interview/target.js';
import { questionnaireRegistry } from '../../edge/questionnaire/registry.js';
import { readBytes } from '../../edge/files/statement-file.js';
import { decodeText } from '../../core/yaml/source.js';
import { packageRoot } from '../../edge/files/package-root.js';
import { writeOutput } from '../../edge/files/output.js';
import { isWithin, repositoryRoot } from '../../edge/git/repository.js';
import { renderFile, type RenderFileOptions } from '../../edge/render/file.js';
import { createRenderer, type Format, type TemplateSet, type TemplateSource } from '../../core/render/render.js';
import { docxBytes, refuseTerminal, writeStdoutBytes } from '../../edge/render/docx-file.js';
import { readReferenceStyles } from '../../edge/render/reference-doc.js';

import { pdfPrinter } from '../../edge/render/pdf.js';
import { languageOf } from '../../edge/i18n/language.js';

const FORMATS: Array<RenderOptions['format']> = ['md', 'html', 'docx', 'pdf'];

export async function render(ctx: Context, files: string[], options: RenderOptions): Promise<number> {
  // commander's choices() refuse any other format; this guards calls that do not come through it.
  const format = options.format;
  if (!FORMATS.includes(format)) throw new EisError(`"${options.format}" is not a format eis render knows.`, { hint: 'Use --format md, html, docx or pdf.' });
  if (options.referenceDoc !== undefined && format !== 'docx') throw new EisError('--reference-doc is for Word output.', { hint: 'Add --format docx, or leave out --reference-doc.' });
  if (format === 'docx' && options.out === undefined) refuseTerminal();
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(options.lang)) throw new EisError(`"${options.lang}" is not a language tag.`, { hint: 'Use a tag such as en, es or en-US.' });
  if (!files.length) throw new EisError('name the statement to render.', { hint: 'For example: eis render memos/child-care-credit.eis.yaml' });
  const outIsDir = options.out !== undefined && (files.length > 1 || /[\\/]$/.test(options.out) || isDirectory(resolve(ctx.cwd, options.out)));
  if (files.length > 1 && options.out === undefined) throw new EisError(`${files.length} statements cannot all go to standard output.`, { hint: 'Give a folder to write them to with --out DIR.' });
  if (outIsDir && existsSync(resolve(ctx.cwd, options.out!)) && !isDirectory(resolve(ctx.cwd, options.out!)))
    throw new EisError('--out names a file, but several statements need a folder.', { file: options.out, hint: 'Give a folder (it is created if missing).' });

  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  if (format === 'docx') return renderWord(ctx, config, files, options, outIsDir);
  // A PDF is the HTML page, printed.
  const templates: Format = format === 'pdf' ? 'html' : format;
  const pdf = format === 'pdf' ? pdfPrinter({ flag: options.browser, config, env: ctx.env, cwd: ctx.cwd, toStdout: options.out === undefined }) : undefined;
  const renderer = createRenderer(loadTemplates(templates, config, ctx.cwd, options), templates, () => performance.now());
  const language = languageOf(config, options.lang, ctx.cwd);
  const known = questionnaireRegistry(config, language.questionnaire);
  const absolute = files.map((f) => statementTarget(ctx, config, f, { memos: 'text' }).file);
  const base = commonFolder(absolute.map((f) => dirname(f)));
  let shortfall = false;

  const fileOptions = renderFileOptions(ctx, config, options, language.words);
  for (const file of absolute) {
    const result = renderFile(file, known, renderer, fileOptions);
    if ('refused' in result) {
      shortfall = true;
      ctx.stderr(result.refused);
    } else {
      const output = pdf ? await pdf.print(result.text) : result.text;
      if (options.out === undefined) {
        if (typeof output === 'string') ctx.stdout(output);
        else pdf!.toStdout(output);
      } else {
        const target = outIsDir ? join(options.out, outputName(file, base, format)) : options.out;
        ctx.stdout(`${displayPath(writeOutput(target, output, ctx.cwd), ctx.cwd)}\n`);
      }
    }
  }
  return shortfall ? 1 : 0;
}

/** Word documents: the same reading and checking as the other formats, then bytes instead of text. */
async function renderWord(ctx: Context, config: Config, files: string[], options: RenderOptions, outIsDir: boolean): Promise<number> {
  let referenceStyles: string | undefined;
  if (options.referenceDoc !== undefined) referenceStyles = readReferenceStyles(resolve(ctx.cwd, options.referenceDoc), options.referenceDoc);
  else if (config.templates.docx) {
    const file = configPath(config, config.templates.docx, 'templates.docx', ctx.cwd, options.allowExternalTemplates);
    referenceStyles = readReferenceStyles(file, displayPath(file, ctx.cwd));
  }
  const language = languageOf(config, options.lang, ctx.cwd);
  const known = questionnaireRegistry(config, language.questionnaire);
  const absolute = files.map((f) => statementTarget(ctx, config, f, { memos: 'text' }).file);
  const base = commonFolder(absolute.map((f) => dirname(f)));
  const fileOptions = renderFileOptions(ctx, config, options, language.words);
  let shortfall = false;
  for (const file of absolute) {
    const result = renderFile(file, known, (view) => view, fileOptions);
    if ('refused' in result) {
      shortfall = true;
      ctx.stderr(result.refused);
      continue;
    }
    const bytes = await docxBytes(result.text, referenceStyles);
    if (options.out === undefined) writeStdoutBytes(bytes);
    else {
      const target = outIsDir ? join(options.out, outputName(file, base, 'docx')) : options.out;
      ctx.stdout(`${displayPath(writeOutput(target, bytes, ctx.cwd), ctx.cwd)}\n`);
    }
  }
  return shortfall ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `memos/a.eis.yaml` -> `memos/a.eis.md`, relative to the folder all the statements share. */
function outputName(file: string, base: string, format: string): string {
  const rel = relative(base, file) || basename(file);
  return /\.ya?ml$/i.test(rel) ? rel.replace(/\.ya?ml$/i, `.${format}`) : `${rel}.${format}`;
}

function commonFolder(folders: string[]): string {
  let common = folders[0] ?? ''; // no folders, no files to name
  for (const folder of folders.slice(1)) {
    while (common !== folder && !folder.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}

/** The main template and partials for a format: built-in ones, overridden by the config and --template. */
export function loadTemplates(format: Format, config: Config, cwd: string, options: Pick<RenderOptions, 'template' | 'allowExternalTemplates'>): TemplateSet {
  const builtin = join(packageRoot(), 'templates');
  const suffix = `.${format}.hbs`;
  let main: TemplateSource;
  if (options.template !== undefined) {
    const flag = options.template;
    if (/[\\/]/.test(flag) || flag.endsWith('.hbs')) {
      // Named on the command line: the person running eis chose it, wherever it is.
      main = readTemplate('statement', resolve(cwd, flag), flag);
    } else {
      const names = readdirSync(builtin)
        .filter((f) => f.endsWith(suffix))
        .map((f) => f.slice(0, -suffix.length));
      if (!names.includes(flag)) throw new EisError(`there is no built-in ${format} template "${flag}".`, { hint: `Built-in: ${names.join(', ')}; or give the path of a .hbs file.` });
      main = readTemplate('statement', join(builtin, `${flag}${suffix}`), `templates/${flag}${suffix}`);
    }
  } else if (config.templates[format]) {
    const file = configPath(config, config.templates[format]!, `templates.${format}`, cwd, options.allowExternalTemplates);
    main = readTemplate('statement', file, displayPath(file, cwd));
  } else {
    main = readTemplate('statement', join(builtin, `statement${suffix}`), `templates/statement${suffix}`);
  }

  const partials = new Map<string, TemplateSource>();
  const addFolder = (folder: string, shown: (name: string) => string, allowed: (file: string) => void = () => {}) => {
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith(suffix)) continue;
      const id = name.slice(0, -suffix.length);
      allowed(join(folder, name));
      partials.set(id, readTemplate(id, join(folder, name), shown(name)));
    }
  };
  addFolder(join(builtin, 'partials'), (name) => `templates/partials/${name}`);
  if (config.templates.partials) {
    const key = 'templates.partials';
    const folder = configPath(config, config.templates.partials, key, cwd, options.allowExternalTemplates);
    if (!isDirectory(folder)) throw new EisError(`"${key}" in the config names ${config.templates.partials}, which is not a folder.`, configFile(config, cwd, key));
    // The folder being inside is not enough: a link in it could lead anywhere.
    const root = options.allowExternalTemplates ? undefined : repositoryRoot(config.root);
    const allowed = (file: string) => {
      if (root === undefined) return;
      let real: string;
      try {
        real = realpathSync(file);
      } catch {
        return; // a broken link: reading it reports that it does not exist
      }
      if (!isWithin(real, root))
        throw new EisError(`"${key}" in the config names ${config.templates.partials}, whose ${basename(file)} leads outside the repository (${root}).`, {
          ...configFile(config, cwd, key),
          hint: 'Move the templates into the repository, or run with --allow-external-templates if you trust this config.',
        });
    };
    addFolder(folder, (name) => displayPath(join(folder, name), cwd), allowed);
  }
  return { main, partials: [...partials.values()] };
}

function readTemplate(name: string, file: string, shown: string): TemplateSource {
  const text = decodeText(readBytes(file, 'template'), shown);
  // Template files end with a newline; a partial used inside a line must not add one.
  return { name, file: shown, text: name === 'statement' ? text : text.replace(/\r?\n$/, '') };
}

/**
 * A template path from the config, which must stay inside the repository that holds the config:
 * a config (which arrives with a pull request) may not make eis read files elsewhere on the
 * machine unless the person running it says so with --allow-external-templates.
 */
function configPath(config: Config, path: string, key: string, cwd: string, allowExternal: boolean | undefined): string {
  const file = isAbsolute(path) ? path : resolve(config.root, path);
  if (!existsSync(file))
    throw new EisError(`"${key}" in the config names ${path}, which does not exist.`, { ...configFile(config, cwd, key), hint: 'Paths in the config are relative to the config file.' });
  if (allowExternal) return file;
  const root = repositoryRoot(config.root);
  const real = realpathSync(file);
  if (!isWithin(real, root))
    throw new EisError(`"${key}" in the config names ${path}, which is outside the repository (${root}).`, {
      ...configFile(config, cwd, key),
      hint: 'Move the templates into the repository, or run with --allow-external-templates if you trust this config.',
    });
  return file;
}

/** The config file and the line and column of `key` in it (`templates.md`), for an error about its value. */
function configFile(config: Config, cwd: string, key?: string): { file?: string; line?: number; column?: number } {
  if (!config.file) return {};
  return { file: displayPath(resolve(cwd, config.file), cwd), ...(key ? configKeyPosition(config, key.split('.')) : {}) };
}

/** What rendering each file needs, whatever the format. */
function renderFileOptions(ctx: Context, config: Config, options: RenderOptions, words: RenderFileOptions['words']): RenderFileOptions {
  return { cwd: ctx.cwd, today: ctx.today, lang: options.lang, words, date: options.date, strict: options.strict, severities: config.rules, approvals: config };
}
