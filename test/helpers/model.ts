// The built-in questionnaire and fixtures, loaded from source for unit tests of the pure core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { ROOT } from './cli.js';

/**
 * The built-in questionnaire as the fixtures and examples answer it: version 1, kept beside the
 * newest (its `previous:`). Statements written for it are still checked against it.
 */
export const builtin = () => loadQuestionnaire(join(ROOT, 'schemas', 'questionnaires', 'equity-impact.v1.yaml'));
/** The newest built-in questionnaire: the one new statements answer. */
export const builtinLatest = () => loadQuestionnaire('equity-impact');

export function fixture(...parts: string[]): string {
  return join(ROOT, 'test', 'fixtures', ...parts);
}

export function readYaml(file: string): unknown {
  return parseYamlSource(readFileSync(file, 'utf8'), file).data;
}
