// eis.config.yaml: found by walking up from the working directory (or given with --config),
// validated with zod, problems pointed at their line.
import { dirname, join, resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { z } from 'zod';
import { EisError } from '../errors.js';
import { fsError, readBytes } from '../../edge/files/statement-file.js';
import { decodeText, parseYamlSource, positionOf, type YamlSource } from '../yaml/source.js';
import { closest } from '../questionnaire/model.js';
import { displayPath } from '../../edge/files/discover.js';
import { questionnaireFile } from '../../edge/questionnaire/resolve.js';
import { isWithin, realPathOf, repositoryRoot } from '../../edge/git/repository.js';

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
  /** The people who may approve statements, like CODEOWNERS: who they are and which roles they hold. */
  reviewers: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        email: z.string().trim().regex(/^[^\s@]+@[^\s@]+$/, 'should be an email address'),
        roles: z.array(z.string().trim().min(1)).min(1),
      }),
    )
    .default([]),
  /**
   * Which roles must approve a statement at each screening level (keys are the level's values;
   * `default` for levels not listed). Without it, one approval by any reviewer is needed.
   */
  approvals: z.record(z.string(), z.array(z.string().trim().min(1))).optional(),
  /** The roles whose approval a change to this config or its questionnaire needs (eis signoff --policy). */
  policyOwners: z.array(z.string().trim().min(1)).default([]),
  /** Approvals of the policy as it stands (written by eis signoff --policy; see docs/review.md). */
  policyApprovals: z
    .array(
      z.strictObject({
        name: z.string(),
        email: z.string(),
        date: z.string(),
        policy_hash: z.string(),
      }),
    )
    .default([]),
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
  return parseWithSource(text, file).config;
}

function parseWithSource(text: string, file: string): { config: Config; source: YamlSource } {
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
  return { config: { ...parsed.data, file, root: dirname(resolve(file)) }, source };
}

export interface LoadConfigOptions {
  config?: string;
  cwd?: string;
  /** The person running eis trusts this config to name a questionnaire anywhere on the machine. */
  allowExternalQuestionnaire?: boolean;
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
  const { config: parsed, source } = parseWithSource(decodeText(readBytes(file, 'config file'), shown), shown);
  const config = { ...parsed, file, root: dirname(file) };
  if (!options.allowExternalQuestionnaire) assertQuestionnaireInside(config, source, shown);
  return config;
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

