// eis questions: the active questionnaire, for people and scripts.
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { QuestionsOptions } from './flags.js';
import { loadQuestionnaire } from '../../edge/questionnaire/resolve.js';
import { describeCondition, describeQuestionnaire } from '../../core/questionnaire/describe.js';
import { EisError } from '../../core/errors.js';

export async function questions(ctx: Context, options: QuestionsOptions): Promise<number> {
  if (!['text', 'json'].includes(options.format)) throw new EisError(`"${options.format}" is not a format for eis questions.`, { hint: 'Use text or json.' });
  // With --questionnaire the config's own questionnaire is not read, so where it lies does not matter.
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire || Boolean(options.questionnaire) });
  const model = options.questionnaire ? loadQuestionnaire(options.questionnaire, ctx.cwd) : loadQuestionnaire(config.questionnaire, config.root);
  const described = describeQuestionnaire(model);
  if (options.format === 'json') {
    ctx.stdout(`${JSON.stringify(described, null, 2)}\n`);
    return 0;
  }
  const c = ctx.color;
  const out: string[] = [`${c.bold(model.title)} (${model.ref})`, ''];
  for (const computed of model.computed)
    out.push(
      `${c.dim('computed')} ${computed.id}: ${computed.values.map((v) => v.value).join(' | ')}`,
      ...computed.cases.map((k) => `  ${k.value} when ${describeCondition(k.when)}`),
      `  otherwise ${computed.otherwise}`,
      '',
    );
  for (const section of described.sections) {
    out.push(`${c.bold(section.id)}  ${section.title}${section.required !== 'always' ? c.dim(`  (counts when ${section.required})`) : ''}`);
    for (const q of section.questions) {
      out.push(
        `  ${q.key.padEnd(34)} ${q.type.padEnd(12)} ${q.required === 'never' ? c.dim('optional') : q.required === 'always' ? 'required' : `required when ${q.required}`}${q.when ? c.dim(`  shown when ${q.when}`) : ''}`,
      );
      for (const f of q.fields ?? [])
        out.push(`    ${c.dim('- ')}${f.id.padEnd(30)} ${f.type.padEnd(12)} ${f.required === 'never' ? c.dim('optional') : f.required === 'always' ? 'required' : `required when ${f.required}`}`);
    }
    out.push('');
  }
  ctx.stdout(out.join('\n'));
  return 0;
}
