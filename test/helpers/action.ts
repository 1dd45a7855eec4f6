// Runs the steps of this repository's composite action (action.yml) as a GitHub runner would:
// inputs with their defaults, the expressions of env:, working-directory: and if:, the files
// GitHub gives each step (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH, GITHUB_ENV) and the
// variables it sets. Only the expressions action.yml uses are understood; any other is an error,
// so that a new one cannot pass untested.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './cli.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface Action {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

export interface GitHubContext {
  base_ref?: string;
  repository?: string;
  event?: { pull_request?: { number?: number; base?: { sha?: string } } };
}

export interface StepResult {
  name: string;
  id?: string;
  outcome: 'success' | 'failure' | 'skipped';
  code?: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface ActionResult {
  steps: StepResult[];
  /** By step id. */
  step: Record<string, StepResult>;
  summary: string;
  outputs: Record<string, string>;
  failed: boolean;
}

export interface RunOptions {
  workspace: string;
  runnerTemp: string;
  inputs?: Record<string, string>;
  github?: GitHubContext;
  /** Environment of the job; GitHub's own variables are added to it. */
  env: NodeJS.ProcessEnv;
}

export function runAction(options: RunOptions): ActionResult {
  for (const name of Object.keys(options.inputs ?? {})) if (!(name in ACTION.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const github = options.github ?? {};
  const results: Record<string, StepResult> = {};
  const inputs: Record<string, string> = {};
  const context = { inputs, github: { ...github, action_path: ROOT }, steps: results };
  for (const [name, input] of Object.entries(ACTION.inputs)) inputs[name] = options.inputs?.[name] ?? substitute(input.default ?? '', context);

  let env: NodeJS.ProcessEnv = {
    ...options.env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_EVENT_NAME: github.event?.pull_request ? 'pull_request' : 'push',
    GITHUB_BASE_REF: github.base_ref ?? '',
    GITHUB_REPOSITORY: github.repository ?? '',
    RUNNER_TEMP: options.runnerTemp,
  };
  const steps: StepResult[] = [];
  let summary = '';
  let failed = false;
  ACTION.runs.steps.forEach((step, index) => {
    const name = step.name ?? step.id ?? `step ${index + 1}`;
    const record = (r: StepResult) => {
      steps.push(r);
      if (step.id) results[step.id] = r;
    };
    if (!condition(step.if, context, failed)) {
      record({ name, id: step.id, outcome: 'skipped', stdout: '', stderr: '', outputs: {} });
      return;
    }
    if (step.uses || step.run === undefined) throw new Error(`${name}: this runner runs run: steps only`);
    if (step.shell !== 'bash') throw new Error(`${name}: a composite run: step needs shell: bash`);
    const files = mkdtempSync(join(options.runnerTemp, 'step-'));
    const file = (n: string) => {
      writeFileSync(join(files, n), '');
      return join(files, n);
    };
    const stepEnv: NodeJS.ProcessEnv = { ...env, GITHUB_OUTPUT: file('output'), GITHUB_STEP_SUMMARY: file('summary'), GITHUB_PATH: file('path'), GITHUB_ENV: file('env') };
    for (const [key, value] of Object.entries(step.env ?? {})) stepEnv[key] = substitute(String(value), context);
    const script = join(files, 'script.sh');
    writeFileSync(script, step.run);
    // GitHub's bash shell: bash --noprofile --norc -eo pipefail {0}
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: resolve(options.workspace, substitute(step['working-directory'] ?? '.', context)),
      env: stepEnv,
      encoding: 'utf8',
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    const code = r.status ?? 128;
    record({
      name,
      id: step.id,
      outcome: code === 0 ? 'success' : 'failure',
      code,
      stdout: r.stdout,
      stderr: r.stderr,
      outputs: keyValues(readFileSync(stepEnv.GITHUB_OUTPUT!, 'utf8'), 'GITHUB_OUTPUT'),
    });
    if (code !== 0) failed = true;
    summary += readFileSync(stepEnv.GITHUB_STEP_SUMMARY!, 'utf8');
    const added = readFileSync(stepEnv.GITHUB_PATH!, 'utf8').split('\n').filter(Boolean);
    env = { ...env, ...keyValues(readFileSync(stepEnv.GITHUB_ENV!, 'utf8'), 'GITHUB_ENV'), PATH: [...added.reverse(), env.PATH].join(delimiter) };
  });
  const outputs = Object.fromEntries(Object.entries(ACTION.outputs).map(([k, o]) => [k, substitute(o.value, context)]));
  return { steps, step: results, summary, outputs, failed };
}

type Context = { inputs: Record<string, string>; github: object; steps: Record<string, StepResult> };

/** The value of a property path such as inputs.base or steps.install.outputs.base; '' when absent, as in GitHub. */
function lookup(path: string, context: Context): string {
  const [root, ...rest] = path.split('.');
  if (root !== 'inputs' && root !== 'github' && root !== 'steps') throw new Error(`the test runner does not know the context of "${path}"`);
  let value: unknown = context[root];
  for (const key of rest) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (value !== undefined && value !== null && typeof value === 'object') throw new Error(`"${path}" is not a value`);
  return value === undefined || value === null ? '' : String(value);
}

const PATH = /^[a-z_][\w-]*(\.[\w-]+)*$/i;

function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (!PATH.test(expression)) throw new Error(`the test runner substitutes property paths only, not "${expression}"`);
    return lookup(expression, context);
  });
}

/** if: as GitHub reads it: absent means success() (no earlier step failed); the terms action.yml uses, joined by &&. */
function condition(text: string | undefined, context: Context, failed: boolean): boolean {
  if (text === undefined) return !failed;
  const inner = /^\$\{\{\s*(.*?)\s*\}\}$/s.exec(text.trim())?.[1] ?? text.trim();
  const terms = inner.split('&&').map((t) => t.trim());
  // Without a status function, GitHub adds success().
  if (!terms.some((t) => /^!?(cancelled|success|failure|always)\(\)$/.test(t)) && failed) return false;
  return terms.every((term) => {
    if (term === '!cancelled()' || term === 'always()') return true;
    if (term === 'success()') return !failed;
    if (term === 'failure()') return failed;
    const compare = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(term);
    if (!compare || !PATH.test(compare[1]!)) throw new Error(`the test runner cannot evaluate "${term}"`);
    // Comparisons of strings in GitHub expressions ignore case.
    const equal = lookup(compare[1]!, context).toLowerCase() === compare[3]!.toLowerCase();
    return compare[2] === '==' ? equal : !equal;
  });
}

function keyValues(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').filter(Boolean)) {
    if (/^[^=]+<</.test(line) && !line.includes('=')) throw new Error(`the test runner does not read multi-line values in ${file}: ${line}`);
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`not a key=value line in ${file}: ${line}`);
    out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}
