// What a command gets from the outside world. Commands print through it and return an exit code;
// tests can build one with captured output.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Colorizer } from '../core/reporters/types.js';
import { VERSION } from '../core/version.js';

export interface Context {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour for stdout; `stderrColor` for messages on stderr. */
  color: Colorizer;
  stderrColor: Colorizer;
  /** True when prompts may be shown: stdin and stdout are terminals and CI is unset. */
  interactive: boolean;
  debug: boolean;
  /** Global --config. */
  config?: string | undefined;
  /** Global --allow-external-questionnaire: the config may name a questionnaire outside the repository. */
  allowExternalQuestionnaire?: boolean | undefined;
  /** Today as YYYY-MM-DD (EIS_TODAY overrides it, for reproducible runs). */
  today: string;
  version: string;
}

/** Colour level for a stream: --no-color and NO_COLOR win, then FORCE_COLOR, then the terminal. */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

export function colorizer(level: 0 | 1 | 2 | 3): Colorizer & { chalk: ChalkInstance } {
  const chalk = new Chalk({ level });
  return {
    chalk,
    red: (s) => chalk.red(s),
    yellow: (s) => chalk.yellow(s),
    green: (s) => chalk.green(s),
    dim: (s) => chalk.dim(s),
    bold: (s) => chalk.bold(s),
    underline: (s) => chalk.underline(s),
  };
}

export function todayIn(env: NodeJS.ProcessEnv): string {
  const fixed = env.EIS_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function processContext(options: { noColor: boolean; debug: boolean; config?: string | undefined; allowExternalQuestionnaire?: boolean }): Context {
  const env = process.env;
  return {
    cwd: process.cwd(),
    env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: colorizer(colorLevel(env, Boolean(process.stdout.isTTY), options.noColor)),
    stderrColor: colorizer(colorLevel(env, Boolean(process.stderr.isTTY), options.noColor)),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !isCI(env),
    debug: options.debug,
    config: options.config,
    allowExternalQuestionnaire: options.allowExternalQuestionnaire,
    today: todayIn(env),
    version: VERSION,
  };
}

export function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
