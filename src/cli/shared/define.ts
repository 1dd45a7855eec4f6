// What a command's flags file gives the program: a function that adds the command to it. The
// command's work is imported lazily when it runs, so `eis --help` loads none of them.
import type { Command } from 'commander';
import type { Context } from '../../edge/context.js';

export type CommandRunner = (ctx: Context) => Promise<number>;

export type Define = (program: Command, run: (runner: CommandRunner) => Promise<void>) => void;
