// The policy at a git ref: the config and the questionnaire as committed there. With --since, the
// gate checks a branch against the policy of the branch it merges into, as CODEOWNERS is read from
// the base branch: a pull request cannot loosen the rules it is checked against.
import { readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { CONFIG_NAMES, defaultConfig, parseConfig, type Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { parseQuestionnaire } from '../../core/questionnaire/load.js';
import { loadQuestionnaire, questionnaireFile } from '../questionnaire/resolve.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { hashText } from '../files/statement-file.js';
import { decodeText } from '../../core/yaml/decode.js';
import { git } from './run.js';
import { repoRoot } from './repo.js';

export interface Policy {
  config: Config;
  questionnaire: Questionnaire;
  /** The questionnaire file's text when the config names a file (for the policy hash). */
  questionnaireText?: string | undefined;
  /** Where the config was read: a path in the working tree, or `REF:path`; undefined for the default. */
  where?: string | undefined;
  /** The questionnaire's earlier versions (its `previous` chain), read from the same ref. */
  earlier?: Array<{ text: string; name: string }> | undefined;
}

/** The policy in the working tree. */
export function workingPolicy(config: Config): Policy {
  const file = questionnaireFile(config.questionnaire, config.root);
  const questionnaire = loadQuestionnaire(config.questionnaire, config.root);
  return { config, questionnaire, questionnaireText: file ? readFileSync(file, 'utf8') : undefined, where: config.file, earlier: file ? earlierInTree(questionnaire, file) : undefined };
}

/** The files a questionnaire's `previous` entries name, in the working tree (what a branch proposes). */
function earlierInTree(questionnaire: Questionnaire, file: string): Array<{ text: string; name: string }> {
  return earlierVersions(
    questionnaire,
    file,
    (from, named) => {
      const next = resolve(dirname(from), named);
      try {
        return { text: readFileSync(next, 'utf8'), name: next, at: next };
      } catch {
        return undefined;
      }
    },
    (text, name) => {
      try {
        return parseQuestionnaire(text, name);
      } catch {
        return undefined;
      }
    },
  );
}

/**
 * Follows a questionnaire's `previous` entries: `find` reads the file an entry names (relative to
 * the version naming it), or says to stop; `parse` reads the version it holds, or says to stop.
 */
function earlierVersions(
  questionnaire: Questionnaire,
  at: string,
  find: (from: string, named: string) => { text: string; name: string; at: string } | undefined,
  parse: (text: string, name: string) => Questionnaire | undefined,
): Array<{ text: string; name: string }> {
  const earlier: Array<{ text: string; name: string }> = [];
  let current: Questionnaire | undefined = questionnaire;
  let from = at;
  while (current?.previous && earlier.length < 50) {
    const found = find(from, current.previous.file);
    if (!found) break;
    earlier.push({ text: found.text, name: found.name });
    current = parse(found.text, found.name);
    from = found.at;
  }
  return earlier;
}

/**
 * The policy committed at `ref`: the config at the working config's place (or, with none in the
 * working tree, the nearest one above `cwd` at the ref), and the questionnaire it names, read
 * from the ref too. A built-in questionnaire comes from this eis.
 */
export function policyAt(ref: string, cwd: string, working: Config): Policy {
  const root = repoRoot(cwd);
  const inRepo = (abs: string) => relative(root, abs).split(sep).join('/');
  const candidates = working.file ? [working.file] : configCandidates(cwd, root);
  for (const file of candidates) {
    const text = blobAt(ref, inRepo(file), root);
    if (text === undefined) continue;
    const shown = `${ref}:${inRepo(file)}`;
    const config: Config = { ...parseConfig(text, shown), file, root: dirname(file) };
    const qfile = questionnaireFile(config.questionnaire, config.root);
    if (!qfile) return { config, questionnaire: loadQuestionnaire(config.questionnaire), where: shown };
    const qpath = inRepo(qfile);
    if (qpath.startsWith('..'))
      throw new EisError(`the config at ${shown} names a questionnaire outside the repository (${config.questionnaire}).`, { hint: 'The policy must live in the repository to be read from a ref.' });
    const qtext = blobAt(ref, qpath, root);
    if (qtext === undefined)
      throw new EisError(`the config at ${shown} names ${config.questionnaire}, which is not in ${ref}.`, { hint: `Commit the questionnaire to ${ref}, or check against another ref.` });
    const questionnaire = parseQuestionnaire(qtext, `${ref}:${qpath}`);
    return { config, questionnaire, questionnaireText: qtext, where: shown, earlier: earlierAt(ref, questionnaire, qpath, root) };
  }
  const config = defaultConfig(working.file ? dirname(working.file) : cwd);
  return { config, questionnaire: loadQuestionnaire(config.questionnaire) };
}

/** Config files that would be found from `cwd` upwards, within the repository. */
function configCandidates(cwd: string, root: string): string[] {
  const out: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) out.push(join(dir, name));
    if (dir === resolve(root) || dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  return out;
}

/** A file's text at a ref, or undefined when it is not there. */
function blobAt(ref: string, path: string, root: string): string | undefined {
  const listed = git(['ls-tree', '--full-tree', '-z', '--end-of-options', ref, '--', path], root);
  if (!listed) return undefined;
  // ls-tree prints `<mode> <type> <id>\t<path>`.
  const id = listed.split('\t')[0]!.split(' ')[2]!;
  return decodeText(Buffer.from(git(['cat-file', 'blob', id], root), 'utf8'), `${ref}:${path}`);
}

/** What a policy approval covers: the settings that decide what is required, and the questionnaire. */
export function policyHash(policy: Policy): string {
  const { file: _file, root: _root, policyApprovals: _approvals, templates: _templates, lint: _lint, interview: _interview, browser: _browser, ...settings } = policy.config;
  // The earlier versions count too: statements still pinned to one are checked against it.
  const earlier = (policy.earlier ?? []).map((e) => `\0${e.text}`).join('');
  return `sha256:${hashText(`${stableJson(settings)}\0${policy.questionnaireText ?? policy.questionnaire.ref}${earlier}`)}`;
}

/** JSON with keys sorted, so that reordering a mapping in the config does not change the hash. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** The files a questionnaire's `previous` entries name, read from `ref` as the questionnaire was: a branch cannot change them. */
function earlierAt(ref: string, questionnaire: Questionnaire, path: string, root: string): Array<{ text: string; name: string }> {
  // In the questionnaire's folder or below, as in the working tree (questionnaire/versions.ts).
  const folder = posix.dirname(path);
  return earlierVersions(
    questionnaire,
    path,
    (from, named) => {
      const next = posix.normalize(posix.join(posix.dirname(from), named));
      if (next.startsWith('..') || (folder !== '.' && !next.startsWith(`${folder}/`))) return undefined;
      const text = blobAt(ref, next, root);
      return text === undefined ? undefined : { text, name: `${ref}:${next}`, at: next };
    },
    parseQuestionnaire,
  );
}
