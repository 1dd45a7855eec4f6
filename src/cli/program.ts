// Every command's flags, one file each. Each file only describes flags and imports its command
// module lazily, so `eis --help` loads none of them.
import type { Define } from './shared/define.js';
import { defineCheck } from './check/flags.js';
import { defineRender } from './render/flags.js';
import { defineNew } from './new/flags.js';
import { defineAnswer } from './answer/flags.js';
import { defineQuestions } from './questions/flags.js';
import { defineSchema } from './schema/flags.js';
import { defineDiff } from './diff/flags.js';
import { defineSignoff } from './signoff/flags.js';
import { defineStatus } from './status/flags.js';
import { defineInit } from './init/flags.js';
import { defineLint } from './lint/flags.js';
import { defineMv } from './mv/flags.js';

export const commands: Define[] = [defineNew, defineAnswer, defineCheck, defineRender, defineLint, defineDiff, defineSignoff, defineStatus, defineMv, defineInit, defineQuestions, defineSchema];
