// Every command's flags, one file each. Each file only describes flags and imports its command
// module lazily, so `eis --help` loads none of them.
import type { Command } from 'commander';
import type { CommandRunner } from '../cli.js';
import { defineCheck } from './check.js';
import { defineRender } from './render.js';
import { defineNew } from './new.js';
import { defineAnswer } from './answer.js';
import { defineQuestions } from './questions.js';
import { defineSchema } from './schema.js';
import { defineDiff } from './diff.js';
import { defineSignoff } from './signoff.js';
import { defineStatus } from './status.js';
import { defineInit } from './init.js';
import { defineLint } from './lint.js';
import { defineMv } from './mv.js';

export type Define = (program: Command, run: (runner: CommandRunner) => Promise<void>) => void;

export const commands: Define[] = [defineNew, defineAnswer, defineCheck, defineRender, defineLint, defineDiff, defineSignoff, defineStatus, defineMv, defineInit, defineQuestions, defineSchema];
