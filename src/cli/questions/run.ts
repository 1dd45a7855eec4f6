// eis questions: the active questionnaire, for people and scripts.
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { QuestionsOptions } from './flags.js';
import { loadQuestionnaire } from '../../edge/questionnaire/resolve.js';
import { withVocabularies } from '../../edge/questionnaire/registry.js';
import { describeCondition, describeQuestionnaire, type DescribedField } from '../../core/questionnaire/describe.js';
import type { Colorizer } from '../../core/reporters/types.js';
import { displayPath } from '../../edge/files/discover.js';
import { EisError } from '../../core/errors.js';
import { checkLanguageTag } from '../../edge/i18n/language.js';
import { inLanguage, isSourceLanguage, loadTranslation, placedProblems, translationLanguages } from '../../edge/questionnaire/translations.js';
import { translationReport } from './check-translations.js';

export async function questions(ctx: Context, options: QuestionsOptions): Promise<number> {
  if (!['text', 'json'].includes(options.format)) throw new EisError(`"${options.format}" is not a format for eis questions.`, { hint: 'Use text or json.' });
  // With --questionnaire the config's own questionnaire is not read, so where it lies does not matter.
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire || Boolean(options.questionnaire) });
  const base = options.questionnaire ? loadQuestionnaire(options.questionnaire, ctx.cwd) : loadQuestionnaire(config.questionnaire, config.root);
  if (options.checkTranslations !== undefined) {
    const lang = options.checkTranslations;
    checkLanguageTag(lang);
    if (isSourceLanguage(lang))
      throw new EisError(`${base.ref} is written in English: there is no translation to check.`, {
        hint: `Languages with a translation: ${translationLanguages(base).slice(1).join(', ') || 'none yet'}.`,
      });
    // The translation is of the questionnaire as written: the config's own lists are the agency's words.
    const loaded = loadTranslation(base, lang, ctx.cwd)!;
    return translationReport(ctx, base, loaded, placedProblems(base, loaded), options.format);
  }
  checkLanguageTag(options.lang);
  const model = withVocabularies(inLanguage(base, options.lang, ctx.cwd), config);
  const described = describeQuestionnaire(model);
  // The config is named as the person would type it, not by its absolute path.
  for (const section of described.sections)
    for (const q of section.questions) for (const f of [q, ...(q.fields ?? [])]) if (f.choicesFrom?.file) f.choicesFrom.file = displayPath(f.choicesFrom.file, ctx.cwd);
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
      out.push(...choiceLines(q, '      ', c));
      for (const f of q.fields ?? []) {
        out.push(`    ${c.dim('- ')}${f.id.padEnd(30)} ${f.type.padEnd(12)} ${f.required === 'never' ? c.dim('optional') : f.required === 'always' ? 'required' : `required when ${f.required}`}`);
        out.push(...choiceLines(f, '        ', c));
      }
    }
    out.push('');
  }
  ctx.stdout(out.join('\n'));
  return 0;
}

/**
 * The values a choice question takes, beside their labels (what an --answers file writes), wrapped
 * to a readable width, and where the list came from when it is an agency list.
 */
function choiceLines(field: DescribedField, indent: string, c: Colorizer): string[] {
  if (!field.choices) return [];
  const lines: string[] = [];
  const from = field.choicesFrom;
  if (from) {
    const setting = from.vocabulary === 'disaggregation' ? 'disaggregation.categories' : `vocabularies.${from.vocabulary}`;
    lines.push(`${indent}${c.dim(from.from === 'config' ? `choices from ${from.file ?? 'the config'}: ${setting}` : `choices from the questionnaire (the config may set ${setting})`)}`);
  }
  const items = field.choices.map((ch) => (ch.value === ch.label ? JSON.stringify(ch.value) : `${ch.value} (${ch.label})`));
  let line = `${indent}${c.dim('values:')}`;
  for (const [i, item] of items.entries()) {
    const piece = ` ${item}${i < items.length - 1 ? ',' : ''}`;
    if (line.length + piece.length > 100 && !line.endsWith(':')) {
      lines.push(line);
      line = `${indent}       `;
    }
    line += piece;
  }
  lines.push(line);
  return lines;
}
