// Shared setup for lint tests: settings as the default config gives them, and positions of words
// in a text computed independently of the code under test.
import { defaultConfig, type Config } from '../../src/core/config/config.js';
import type { LintOptions } from '../../src/core/lint/document.js';
import { lintOptionsFrom } from '../../src/edge/lint/options.js';

export function lintOptions(lint: Partial<Config['lint']> = {}, rules: Config['rules'] = {}): LintOptions {
  const config = defaultConfig('/tmp');
  return lintOptionsFrom({ ...config, lint: { ...config.lint, ...lint }, rules });
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: [...before[before.length - 1]].length + 1 };
}
