import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const questionsCommand = (program: Command) =>
  program
    .command('questions')
    .summary("list the active questionnaire's questions")
    .description("List the active questionnaire's questions: ids, types, and when each is required.")
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-q, --questionnaire <id-or-file>', 'a questionnaire other than the configured one')
    .option('--lang <tag>', 'the questions in this language, from the translation beside the questionnaire', 'en')
    .option('--check-translations <tag>', 'list what the translation into this language lacks, has too much of, or has out of date; exit 1 when anything is listed')
    .addHelpText(
      'after',
      `
Examples:
  $ eis questions
  $ eis questions --format json | jq '.sections[].questions[].key'
  $ eis questions --lang es
  $ eis questions --check-translations es              for translators: what is missing or stale

Exit codes: 0 listed (with --check-translations: nothing missing, stale or unknown), 1 the
translation has something to fix, 2 eis could not do its job (no such translation, bad YAML).`,
    );

export type QuestionsOptions = OptionsOf<typeof questionsCommand>;
