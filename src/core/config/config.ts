// eis.config.yaml: its settings, validated with zod, problems pointed at their line. Finding and
// reading the file is edge/config/load.ts.
import { z } from 'zod';
import { EisError } from '../errors.js';
import { dirname } from '../paths.js';
import { parseYamlSource, positionOf, type YamlSource } from '../yaml/source.js';
import { closest } from '../questionnaire/model.js';
import { vocabularyName } from '../questionnaire/format.js';
import type { Vocabularies } from '../questionnaire/vocabularies.js';
import { ruleKeyError, ruleKeyProblem, ruleKeysIn } from './rule-keys.js';

export const CONFIG_NAMES = ['eis.config.yaml', 'eis.config.yml'];

const severity = z.enum(['error', 'warning', 'off']);

const vocabularyEntry = z.union([z.string().trim().min(1), z.strictObject({ value: z.string().trim().min(1), label: z.string().trim().min(1), help: z.string().optional() })]);

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
      /** Projects, demands and initiatives that have no memo file: each must have a statement too. */
      registry: z
        .array(
          z.strictObject({
            id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lowercase letters, digits, "-" and "_"'),
            title: z.string().trim().min(1),
            kind: z.string().optional(),
            division: z.string().optional(),
            owner: z.string().optional(),
          }),
        )
        .default([]),
    })
    .default({ memos: [], folders: [], exclude: [], registry: [] }),
  statements: z
    .strictObject({
      /** The statement for memo `{name}.md`, beside it. */
      memo: z
        .string()
        .regex(/\{name\}/, 'must contain {name}')
        .regex(/\.eis\.ya?ml$/, 'must end in .eis.yaml')
        .default('{name}.eis.yaml'),
      /** The statement inside an initiative folder. */
      folder: z
        .string()
        .regex(/\.eis\.ya?ml$/, 'must end in .eis.yaml')
        .default('equity-impact.eis.yaml'),
      /** The statement of an initiative in initiatives.registry, relative to the config. */
      registry: z
        .string()
        .regex(/\{id\}/, 'must contain {id}')
        .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'must be a path inside the repository, relative to the config')
        .regex(/\.eis\.ya?ml$/, 'must end in .eis.yaml')
        .default('initiatives/{id}.eis.yaml'),
    })
    .default({ memo: '{name}.eis.yaml', folder: 'equity-impact.eis.yaml', registry: 'initiatives/{id}.eis.yaml' }),
  /** Severity per finding code or rule id: error, warning or off. Keys are checked in rule-keys.ts. */
  rules: z.record(z.string(), severity).default({}),
  /** The people who may approve statements, like CODEOWNERS: who they are and which roles they hold. */
  reviewers: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        email: z
          .string()
          .trim()
          .regex(/^[^\s@]+@[^\s@]+$/, 'should be an email address'),
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
  /**
   * The agency's own lists, which questions naming them (`vocabulary: divisions`) take as their
   * choices: divisions, languages, engagement-bodies, reviewer-roles, or any list a questionnaire
   * names. See docs/config.md#vocabularies-the-agencys-own-lists.
   */
  vocabularies: z.record(vocabularyName, z.array(vocabularyEntry).min(1)).default({}),
  /** The disaggregation standard: the categories the agency reports by, and its small-number threshold. */
  disaggregation: z
    .strictObject({
      categories: z
        .array(
          z.strictObject({
            value: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'category values are lowercase letters, digits, "-" and "_"'),
            label: z.string().trim().min(1),
            subgroups: z.array(z.string().trim().min(1)).optional(),
            help: z.string().optional(),
          }),
        )
        .min(1)
        .optional(),
      /** Counts below this are suppressed in anything shared. */
      suppressBelow: z.number().int().min(1).max(1000).default(11),
    })
    .default({ suppressBelow: 11 }),
  /** How the interview asks. Not part of a policy approval: it changes no answer that is required. */
  interview: z
    .strictObject({
      /** Line by line, for screen readers and magnifiers (docs/interview.md#accessible-mode). */
      accessible: z.boolean().optional(),
    })
    .optional(),
  /**
   * The Chromium-family browser that prints `eis render --format pdf`: a command on PATH or an
   * absolute path, never one inside the repository (edge/render/browser.ts says why).
   */
  browser: z.string().trim().min(1).optional(),
  templates: z
    .strictObject({
      md: z.string().optional(),
      html: z.string().optional(),
      partials: z.string().optional(),
      /** A Word reference document (.docx) whose styles `eis render --format docx` uses, as pandoc's --reference-doc. */
      docx: z.string().optional(),
    })
    .default({}),
  lint: z
    .strictObject({
      glossary: z.array(z.strictObject({ term: z.union([z.string(), z.array(z.string())]), use: z.string().optional(), usePlural: z.string().optional(), why: z.string() })).default([]),
      ignore: z.array(z.string()).default([]),
      grade: z.number().min(1).max(20).default(8),
      builtinGlossary: z.boolean().default(true),
      /**
       * Who reads the text: readability applies to public text only. One value for all, or one per
       * kind; memos go to leadership (internal), statements are published (public).
       */
      audience: z
        .union([z.enum(['public', 'internal']), z.strictObject({ memos: z.enum(['public', 'internal']).default('internal'), statements: z.enum(['public', 'internal']).default('public') })])
        .default({ memos: 'internal', statements: 'public' })
        .transform((a) => (typeof a === 'string' ? { memos: a, statements: a } : a)),
    })
    .default({ glossary: [], ignore: [], grade: 8, builtinGlossary: true, audience: { memos: 'internal', statements: 'public' } }),
});

export type Config = z.output<typeof configSchema> & {
  /** The config file, or undefined for the embedded default. */
  file?: string;
  /** Paths in the config are relative to this folder. */
  root: string;
};

export function defaultConfig(root: string): Config {
  return { ...configSchema.parse({}), root };
}

/** The config in `text`; `file` is named in errors, and paths in it are relative to `root`. */
export function parseConfig(text: string, file: string, root = dirname(file)): Config {
  return parseConfigSource(text, file, root).config;
}

export function parseConfigSource(text: string, file: string, root = dirname(file)): { config: Config; source: YamlSource } {
  const source = parseYamlSource(text, file);
  const data = source.data ?? {};
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!; // a failed parse has at least one
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!; // zod names at least one
      const known = path.length === 0 ? Object.keys(configSchema.shape) : [];
      const best = closest(key, known);
      const pos = positionOf(source, [...path, key]);
      throw new EisError(`"${key}" is not a config setting${best ? `; did you mean "${best}"?` : '.'}`, { file, ...pos, hint: 'See docs/config.md.' });
    }
    const pos = positionOf(source, path);
    throw new EisError(`${path.length ? `"${path.join('.')}" ` : ''}${issue.message.replace(/^Invalid input: /, '').replace(/^expected/, 'should be')}.`, {
      file,
      ...pos,
      hint: 'See docs/config.md.',
    });
  }
  // Rule ids are checked later, with the questionnaire (edge/config/load.ts).
  const problem = ruleKeyProblem(ruleKeysIn(source, parsed.data.rules));
  if (problem) throw ruleKeyError(problem, source, file);
  const roles = roleProblem(parsed.data);
  if (roles) throw new EisError(roles.message, { file, ...positionOf(source, roles.path), hint: 'Add the role to vocabularies.reviewer-roles, or correct it.' });
  const division = divisionProblem(parsed.data);
  if (division) throw new EisError(division.message, { file, ...positionOf(source, division.path), hint: 'Add the division to vocabularies.divisions, or correct it.' });
  if (parsed.data.vocabularies.disaggregation)
    throw new EisError('"vocabularies.disaggregation" is the disaggregation standard; write it as disaggregation.categories.', {
      file,
      ...positionOf(source, ['vocabularies', 'disaggregation']),
      hint: 'See docs/config.md#vocabularies-the-agencys-own-lists.',
    });
  return { config: { ...parsed.data, file, root }, source };
}

type Use = { value: string; path: Array<string | number> };

/** The first use of a value that the config's list `name` does not hold, when there is such a list. */
function offList(config: z.output<typeof configSchema>, name: string, uses: Use[]): { path: Use['path']; message: string } | undefined {
  const list = config.vocabularies[name];
  if (!list) return undefined;
  const known = list.map((e) => (typeof e === 'string' ? e : e.value));
  const off = uses.find((u) => !known.includes(u.value));
  if (!off) return undefined;
  const best = closest(off.value, known);
  return { path: off.path, message: `"${off.value}" is not in vocabularies.${name}${best ? `; did you mean "${best}"?` : '.'}` };
}

/**
 * With a reviewer-roles list, every role the config names elsewhere (reviewers, approvals, policy
 * owners) must be on it: a role spelt two ways is an approval nobody can give.
 */
function roleProblem(config: z.output<typeof configSchema>): ReturnType<typeof offList> {
  return offList(config, 'reviewer-roles', [
    ...config.reviewers.flatMap((r, i) => r.roles.map((value, j) => ({ value, path: ['reviewers', i, 'roles', j] }))),
    ...Object.entries(config.approvals ?? {}).flatMap(([level, roles]) => roles.map((value, j) => ({ value, path: ['approvals', level, j] }))),
    ...config.policyOwners.map((value, j) => ({ value, path: ['policyOwners', j] })),
  ]);
}

/** With a divisions list, an initiative in the registry names one of them, as its statement will have to. */
function divisionProblem(config: z.output<typeof configSchema>): ReturnType<typeof offList> {
  return offList(
    config,
    'divisions',
    config.initiatives.registry.flatMap((entry, i) => (entry.division === undefined ? [] : [{ value: entry.division, path: ['initiatives', 'registry', i, 'division'] }])),
  );
}

/** The config's lists, as the questionnaire takes them (questionnaire/vocabularies.ts). */
export function vocabulariesOf(config: Config): Vocabularies {
  const lists: Vocabularies['lists'] = { ...config.vocabularies };
  const categories = config.disaggregation.categories;
  if (categories)
    lists.disaggregation = categories.map((c) => ({
      value: c.value,
      label: c.label,
      help: c.help ?? (c.subgroups?.length ? `Subgroups: ${c.subgroups.join(', ')}.` : undefined),
    }));
  return { lists, suppressBelow: config.disaggregation.suppressBelow, file: config.file };
}
