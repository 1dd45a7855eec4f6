// eis.config.yaml: found by walking up from the working directory (or given with --config),
// validated with zod, problems pointed at their line.
import { dirname, resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { z } from 'zod';
import { EisError } from './errors.js';
import { fsError, readBytes } from './statement/file.js';
import { decodeText, parseYamlSource, positionOf } from './yaml/source.js';
import { closest } from './questionnaire/model.js';
import { displayPath } from './discover.js';

export const CONFIG_NAMES = ['eis.config.yaml', 'eis.config.yml'];

const severity = z.enum(['error', 'warning', 'off']);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** A built-in questionnaire id, or a path to a questionnaire file relative to the config. */
  questionnaire: z.string().default('equity-impact'),
  initiatives: z
    .strictObject({
      /** Globs of memo files that must each have a statement beside them. */
      memos: z.array(z.string()).default([]),
      /** Globs of initiative folders that must each hold a statement. */
      folders: z.array(z.string()).default([]),
      /** Globs of paths that are never initiatives. */
      exclude: z.array(z.string()).default([]),
    })
    .default({ memos: [], folders: [], exclude: [] }),
  statements: z
    .strictObject({
      /** The statement for memo `{name}.md`, beside it. */
      memo: z.string().regex(/\{name\}/, 'must contain {name}').regex(/\.eis\.ya?ml$/, 'must end in .eis.yaml').default('{name}.eis.yaml'),
      /** The statement inside an initiative folder. */
      folder: z.string().regex(/\.eis\.ya?ml$/, 'must end in .eis.yaml').default('equity-impact.eis.yaml'),
    })
    .default({ memo: '{name}.eis.yaml', folder: 'equity-impact.eis.yaml' }),
  /** Severity per finding code or rule id: error, warning or off. */
  rules: z.record(z.string(), severity).default({}),
  templates: z
    .strictObject({
      md: z.string().optional(),
      html: z.string().optional(),
      partials: z.string().optional(),
    })
    .default({}),
  lint: z
    .strictObject({
      glossary: z
        .array(z.strictObject({ term: z.union([z.string(), z.array(z.string())]), use: z.string().optional(), why: z.string() }))
        .default([]),
      ignore: z.array(z.string()).default([]),
      grade: z.number().min(1).max(20).default(8),
      builtinGlossary: z.boolean().default(true),
    })
    .default({ glossary: [], ignore: [], grade: 8, builtinGlossary: true }),
});

export type Config = z.output<typeof configSchema> & {
  /** The config file, or undefined for the embedded default. */
  file?: string;
  /** Paths in the config are relative to this folder. */
  root: string;
};

export function defaultConfig(root = process.cwd()): Config {
  return { ...configSchema.parse({}), root };
}

export function parseConfig(text: string, file: string): Config {
  const source = parseYamlSource(text, file);
  const data = source.data ?? {};
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      const known = path.length === 0 ? Object.keys(configSchema.shape) : [];
      const best = closest(key, known);
      const pos = positionOf(source, [...path, key]);
      throw new EisError(`"${key}" is not a config setting${best ? `; did you mean "${best}"?` : '.'}`, { file, ...pos, hint: 'See docs/config.md.' });
    }
    const pos = positionOf(source, path);
    throw new EisError(`${path.length ? `"${path.join('.')}" ` : ''}${issue.message.replace(/^Invalid input: /, '').replace(/^expected/, 'should be')}.`, { file, ...pos, hint: 'See docs/config.md.' });
  }
  return { ...parsed.data, file, root: dirname(resolve(file)) };
}

/** The config named by --config, or the nearest eis.config.yaml above `cwd`, or the default. */
export function loadConfig(options: { config?: string; cwd?: string } = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  if (options.config) {
    const file = resolve(cwd, options.config);
    return { ...parseConfig(decodeText(readBytes(file, 'config file'), options.config), options.config), file, root: dirname(file) };
  }
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
  const shown = displayPath(found.filepath, cwd);
  return { ...parseConfig(decodeText(readBytes(found.filepath, 'config file'), shown), shown), file: found.filepath, root: dirname(found.filepath) };
}
