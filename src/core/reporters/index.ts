// The reporter registry: a new output format is a new file and a line here.
import type { Reporter } from './types.js';
import { textReporter } from './text.js';
import { jsonReporter } from './json.js';
import { githubReporter } from './github.js';
import { junitReporter } from './junit.js';
import { sarifReporter } from './sarif.js';

export const reporters: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  github: githubReporter,
  junit: junitReporter,
  sarif: sarifReporter,
};

export type { Reporter, ReportContext, Colorizer } from './types.js';
export { plainColors } from './types.js';
