import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const questionsCommand = (program: Command) =>
  program
    .command('questions')
    .summary("list the active questionnaire's questions")
    .description("List the active questionnaire's questions: ids, types, and when each is required.")
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-q, --questionnaire <id-or-file>', 'a questionnaire other than the configured one')
    .addHelpText('after', "\nExamples:\n  $ eis questions\n  $ eis questions --format json | jq '.sections[].questions[].key'\n");

export type QuestionsOptions = OptionsOf<typeof questionsCommand>;
