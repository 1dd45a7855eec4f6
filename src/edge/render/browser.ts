// Which browser prints `eis render --format pdf`. eis downloads none: it uses a Chromium-family
// browser already on the machine, named by --browser, the config, EIS_BROWSER, or found on PATH.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { EisError } from '../../core/errors.js';
import { configKeyPosition } from '../config/load.js';
import { displayPath } from '../files/discover.js';
import { isWithin, repositoryRoot } from '../git/repository.js';

/** Names Chromium-family browsers go by on PATH, most specific first. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser'];

/** Where the installers put them on macOS and Windows, which do not add them to PATH. */
function knownPlaces(env: NodeJS.ProcessEnv): string[] {
  if (process.platform === 'darwin') return ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser'].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  if (process.platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [];
}

export const NO_BROWSER = 'no Chromium-family browser found to print the PDF; install one (apt-get install chromium, or Chrome/Edge) or name it with --browser PATH.';

export interface BrowserSearch {
  /** --browser: the person running eis chose it, wherever it is. */
  flag?: string | undefined;
  config: Config;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The browser's executable, or an EisError (exit 2) saying how to get one. */
export function findBrowser(search: BrowserSearch): string {
  const { flag, config, env, cwd } = search;
  if (flag !== undefined) return named(flag, cwd, env) ?? notRunnable(flag, '--browser', {});
  if (config.browser !== undefined) return configBrowser(config.browser, config, env, cwd);
  if (env.EIS_BROWSER) return named(env.EIS_BROWSER, cwd, env) ?? notRunnable(env.EIS_BROWSER, 'EIS_BROWSER', {});
  for (const name of BROWSER_NAMES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  const known = knownPlaces(env).find(isExecutable);
  if (known) return known;
  throw new EisError(NO_BROWSER);
}

/** A path (relative to `cwd`) when it has a folder in it, else a command looked up on PATH. */
function named(value: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (/[\\/]/.test(value)) {
    const file = resolve(cwd, value);
    return isExecutable(file) ? file : undefined;
  }
  return onPath(value, env);
}

/**
 * The config arrives with a pull request, and eis runs the browser it names: a program the pull
 * request adds to the repository must not be one. So the config names a command on PATH or an
 * absolute path outside the repository, as the machine's owner installed it.
 */
function configBrowser(value: string, config: Config, env: NodeJS.ProcessEnv, cwd: string): string {
  const place = { ...(config.file ? { file: displayPath(resolve(cwd, config.file), cwd), ...configKeyPosition(config, ['browser']) } : {}) };
  if (/[\\/]/.test(value) && !isAbsolute(value))
    throw new EisError(`"browser" in the config names ${value}, a path relative to the repository.`, {
      ...place,
      hint: 'Name a command on PATH (chromium) or an absolute path outside the repository; or use --browser PATH.',
    });
  const found = named(value, cwd, env) ?? notRunnable(value, '"browser" in the config', place);
  if (isWithin(realPath(found), repositoryRoot(config.root)))
    throw new EisError(`"browser" in the config names ${value}, which is inside the repository (${repositoryRoot(config.root)}).`, {
      ...place,
      hint: 'A pull request could change that program. Name a browser installed on the machine, or use --browser PATH.',
    });
  return found;
}

function notRunnable(value: string, source: string, place: { file?: string; line?: number; column?: number }): never {
  throw new EisError(`${source} names ${value}, which is not a program that can be run.`, {
    ...place,
    hint: 'Name the executable of Chromium, Chrome, Edge or Brave (for example /usr/bin/chromium), or a command on PATH.',
  });
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    // An empty entry means the current folder: a repository could put a "chromium" there.
    if (!dir || !isAbsolute(dir)) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
