// Every command: its flags (src/cli/<command>/flags.ts) tied to its work (run.ts). The work is
// imported only when its command runs, so `eis --help` loads none of it; the compiler checks that
// each run takes the arguments and options its flags parse to.
import { lazyCommand, type Define } from './shared/define.js';
import { checkCommand } from './check/flags.js';
import { renderCommand } from './render/flags.js';
import { newCommand } from './new/flags.js';
import { answerCommand } from './answer/flags.js';
import { questionsCommand } from './questions/flags.js';
import { schemaCommand } from './schema/flags.js';
import { diffCommand } from './diff/flags.js';
import { signoffCommand } from './signoff/flags.js';
import { statusCommand } from './status/flags.js';
import { reportCommand } from './report/flags.js';
import { initCommand } from './init/flags.js';
import { lintCommand } from './lint/flags.js';
import { mvCommand } from './mv/flags.js';
import { migrateCommand } from './migrate/flags.js';

export const commands: Define[] = [
  lazyCommand(newCommand, async () => (await import('./new/run.js')).newStatement),
  lazyCommand(answerCommand, async () => (await import('./answer/run.js')).answer),
  lazyCommand(checkCommand, async () => (await import('./check/run.js')).check),
  lazyCommand(renderCommand, async () => (await import('./render/run.js')).render),
  lazyCommand(lintCommand, async () => (await import('./lint/run.js')).lint),
  lazyCommand(diffCommand, async () => (await import('./diff/run.js')).diff),
  lazyCommand(signoffCommand, async () => (await import('./signoff/run.js')).signoff),
  lazyCommand(statusCommand, async () => (await import('./status/run.js')).status),
  lazyCommand(reportCommand, async () => (await import('./report/run.js')).report),
  lazyCommand(mvCommand, async () => (await import('./mv/run.js')).mv),
  lazyCommand(migrateCommand, async () => (await import('./migrate/run.js')).migrate),
  lazyCommand(initCommand, async () => (await import('./init/run.js')).init),
  lazyCommand(questionsCommand, async () => (await import('./questions/run.js')).questions),
  lazyCommand(schemaCommand, async () => (await import('./schema/run.js')).schema),
];
