// The commander program: flags in, a lazily imported command module out. This is the one place
// that sets the exit code and decides how errors are shown.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { EisError, ExitCode } from '../core/errors.js';
import { processContext, type Context } from '../edge/context.js';
import { PACKAGE_NAME, VERSION } from '../core/version.js';
import { commands } from './program.js';
import type { CommandRunner } from './shared/define.js';
import { setBuildId } from '../edge/files/build-id.js';

// The return type is left to inference: it carries the global options' types to program.opts().
function buildProgram(run: (runner: CommandRunner) => Promise<void>) {
  const program = new Command('eis')
    .description('Equity Impact Statements: write them, check them in CI, render, diff and review them.')
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('-c, --config <file>', 'use this eis.config.yaml instead of the nearest one'))
    .option('--allow-external-questionnaire', 'let the config name a questionnaire outside the repository')
    .option('--no-color', 'no colour in output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'show stack traces for unexpected errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  $ eis new memos/child-care-credit.md       walk through the questionnaire for a memo
  $ eis check                                every statement and initiative under .
  $ eis check --format github,junit --output eis.xml
  $ eis render memos/child-care-credit.eis.yaml --format html --out site/
  $ eis diff --git origin/main --format md   what changed in this pull request

Exit codes: 0 ok, 1 statements fall short, 2 eis could not do its job, 130 interrupted.
Docs: docs/ in the npm package ${PACKAGE_NAME} (questionnaire format, config, CI setup).
`,
  );
  for (const define of commands) define(program, run);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  let ctx: Context | undefined;
  const run = async (runner: CommandRunner) => {
    const opts = program.opts();
    ctx = processContext({ noColor: opts.color === false, debug: Boolean(opts.debug), config: opts.config, allowExternalQuestionnaire: Boolean(opts.allowExternalQuestionnaire) });
    exitCode = await runner(ctx);
  };
  const program = buildProgram(run);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitCode = handleError(error, argv.includes('--debug'));
  }
  return exitCode;
}

function handleError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed its message.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    // `eis help` asked for help; `eis` with no command shows it on stderr as a usage error.
    if (error.code === 'commander.help' && process.argv[2] === 'help') return ExitCode.ok;
    return ExitCode.failure;
  }
  if (error instanceof EisError) {
    process.stderr.write(`eis: ${error.format()}\n`);
    if (debug && error.cause) process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    process.stderr.write('\neis: stopped. Every answer given so far is saved.\n');
    return ExitCode.interrupted;
  }
  if (debug) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  else process.stderr.write(`eis: unexpected error: ${error instanceof Error ? error.message : String(error)}\n     This is a bug in eis. Run again with --debug for details, and report it.\n`);
  return ExitCode.failure;
}

/** Runs eis as a process: the exit code is set, not returned. */
export async function runCli(argv: string[], build: string): Promise<void> {
  setBuildId(build);
  for (const stream of [process.stdout, process.stderr]) stream.on('error', (error: NodeJS.ErrnoException) => outputFailed(stream === process.stdout ? 'standard output' : 'standard error', error));
  process.exitCode = await main(argv);
}

/**
 * Output that cannot be written. Output piped into `head` or a closed pager is no error worth a
 * word. Anything else (a full disk, `> /dev/full`, a device error) is one line and exit 2: it once
 * threw from here, a stack trace and exit 1, which CI reads as "statements fall short".
 */
function outputFailed(stream: string, error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  const reason = error.code === 'ENOSPC' ? 'the disk is full' : error.message;
  if (stream === 'standard output') {
    try {
      process.stderr.write(`eis: cannot write to standard output (${reason}). Free some space, or send the output elsewhere with --output or a redirect.\n`);
    } catch {
      // Standard error cannot be written either: the exit code is all there is.
    }
  }
  process.exit(ExitCode.failure);
}
