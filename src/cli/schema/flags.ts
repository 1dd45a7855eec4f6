import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/define.js';

export const schemaCommand = (program: Command) =>
  program
    .command('schema')
    .summary('print the JSON Schema of statements')
    .description('Print the JSON Schema (draft 2020-12) of statements for the active questionnaire, for editors and other validators.')
    .option('-q, --questionnaire <id-or-file>', 'a questionnaire other than the configured one')
    .option('--questionnaire-format', 'print the JSON Schema of questionnaire files instead')
    .addHelpText('after', '\nExamples:\n  $ eis schema > schemas/statement.schema.json\n');

export type SchemaOptions = OptionsOf<typeof schemaCommand>;
