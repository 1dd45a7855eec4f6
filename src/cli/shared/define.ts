// The shared plumbing of commands. A command's flags file adds the command to the program and
// returns it, so that commander's types (from @commander-js/extra-typings) know its arguments and
// options; its run file takes exactly those. program.ts ties the two with lazyCommand: the run
// file is imported only when its command runs, so `eis --help` loads none of them.
import type { Command, OptionValues } from '@commander-js/extra-typings';
import type { Context } from '../../edge/context.js';

export type CommandRunner = (ctx: Context) => Promise<number>;

export type Define = (program: Command, run: (runner: CommandRunner) => Promise<void>) => void;

/** A flags file's function: the command it adds to the program, typed by its arguments and options. */
export type Flags<Args extends unknown[] = unknown[], Opts extends OptionValues = OptionValues> = (program: Command) => Command<Args, Opts>;

/** The options a command's flags parse to, as commander infers them from the definition. */
export type OptionsOf<F extends Flags> = ReturnType<ReturnType<F>['opts']>;

/** A command's work: the context, then its arguments in order, then its options. */
export type Work<Args extends unknown[], Opts extends OptionValues> = (ctx: Context, ...argsAndOptions: [...Args, Opts]) => Promise<number>;

/**
 * Ties a command's flags to its work. The types come from the flags alone (NoInfer), and the
 * compiler checks that the work takes what they parse to; `load` imports the work only when the
 * command runs.
 */
export function lazyCommand<Args extends unknown[], Opts extends OptionValues>(flags: Flags<Args, Opts>, load: () => Promise<NoInfer<Work<Args, Opts>>>): Define {
  return (program, run) => {
    const command = flags(program);
    // commander hands an action the same values: processedArgs, then opts().
    command.action(() => run(async (ctx) => (await load())(ctx, ...command.processedArgs, command.opts())));
  };
}
