// The built-in questionnaire and fixtures, loaded from source for unit tests of the pure core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { ROOT } from './cli.js';

export const builtin = () => loadQuestionnaire('equity-impact');

export function fixture(...parts: string[]): string {
  return join(ROOT, 'test', 'fixtures', ...parts);
}

export function readYaml(file: string): unknown {
  return parseYamlSource(readFileSync(file, 'utf8'), file).data;
}
