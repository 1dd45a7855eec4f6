// Lint settings from the config: the built-in glossary (read from schemas/glossary/), the agency's
// own entries, waivers, the target grade and rule severities.
import { join } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { packageRoot } from '../files/package-root.js';
import { readBytes } from '../files/statement-file.js';
import { decodeText, parseYamlSource, positionOf } from '../../core/yaml/source.js';
import type { LintOptions } from '../../core/lint/document.js';
import { buildGlossary, glossaryFileSchema, toEntry, type GlossaryEntry } from '../../core/lint/glossary.js';

export const BUILTIN_GLOSSARY = 'child-support';

/** Entries of a glossary file; problems are pointed at their line. */
export function parseGlossaryFile(text: string, file: string, origin: string): GlossaryEntry[] {
  const source = parseYamlSource(text, file);
  const parsed = glossaryFileSchema.safeParse(source.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!; // a failed parse has at least one
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    throw new EisError(`the glossary is not valid: ${path.length ? `"${path.join('.')}" ` : ''}${issue.message.replace(/^Invalid input: /, '')}.`, { file, ...positionOf(source, path) });
  }
  return parsed.data.entries.map((entry) => toEntry(entry, origin));
}

const cache = new Map<string, GlossaryEntry[]>();

export function builtinGlossary(id = BUILTIN_GLOSSARY): GlossaryEntry[] {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = join(packageRoot(), 'schemas', 'glossary', `${id}.yaml`);
  const entries = parseGlossaryFile(decodeText(readBytes(file, 'glossary'), file), file, `builtin:${id}`);
  cache.set(id, entries);
  return entries;
}

export function lintOptionsFrom(config: Config): LintOptions {
  const agency = config.lint.glossary.map((entry) => toEntry(entry, 'config'));
  return {
    grade: config.lint.grade,
    audience: config.lint.audience,
    glossary: buildGlossary(config.lint.builtinGlossary ? builtinGlossary() : [], agency),
    ignore: config.lint.ignore,
    rules: config.rules,
  };
}
