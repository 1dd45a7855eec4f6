// eis schema: JSON Schema of statements (or of questionnaire files) for editors and validators.
import { z } from 'zod';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { SchemaOptions } from './flags.js';
import { loadQuestionnaire } from '../../edge/questionnaire/resolve.js';
import { withVocabularies } from '../../edge/questionnaire/registry.js';
import { statementJsonSchema } from '../../core/questionnaire/statement-schema.js';
import { questionnaireSchema } from '../../core/questionnaire/format.js';

export async function schema(ctx: Context, options: SchemaOptions): Promise<number> {
  if (options.questionnaireFormat) {
    const json = z.toJSONSchema(questionnaireSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    ctx.stdout(`${JSON.stringify({ ...json, $id: 'urn:eis:questionnaire-format:1', title: 'eis questionnaire' }, null, 2)}\n`);
    return 0;
  }
  // With --questionnaire the config's own questionnaire is not read, so where it lies does not matter.
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire || Boolean(options.questionnaire) });
  const model = withVocabularies(options.questionnaire ? loadQuestionnaire(options.questionnaire, ctx.cwd) : loadQuestionnaire(config.questionnaire, config.root), config);
  ctx.stdout(`${JSON.stringify(statementJsonSchema(model), null, 2)}\n`);
  return 0;
}
