// eis questions --check-translations: what a translation lacks, has too much of, or has out of date.
import type { Context } from '../../edge/context.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import type { LoadedTranslation, PlacedTranslationProblem } from '../../edge/questionnaire/translations.js';

const KINDS = ['missing', 'stale', 'unknown'] as const;

/**
 * Exit 1 for anything listed: a stale entry says something the English no longer says, and an
 * unknown key is usually a misspelt one, whose question then shows in English.
 */
export function translationReport(ctx: Context, model: Questionnaire, loaded: LoadedTranslation, problems: PlacedTranslationProblem[], format: string): number {
  const counts = Object.fromEntries(KINDS.map((k) => [k, problems.filter((p) => p.kind === k).length])) as Record<(typeof KINDS)[number], number>;
  if (format === 'json') {
    ctx.stdout(
      `${JSON.stringify({ questionnaire: model.ref, language: loaded.translation.language, file: loaded.shown, summary: { ...counts, ok: problems.length === 0 }, problems: problems.map(({ path: _path, ...p }) => p) }, null, 2)}\n`,
    );
    return problems.length ? 1 : 0;
  }
  const c = ctx.color;
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${c.bold(p.kind)} ${p.key}: ${p.message}${p.source && p.kind === 'missing' ? c.dim(` (source: ${p.source})`) : ''}`);
  const summary = KINDS.map((k) => `${counts[k]} ${k}`).join(', ');
  lines.push(
    problems.length
      ? `${loaded.shown}: ${summary}; the entries shown in English until then are listed above.`
      : `${loaded.shown}: the ${loaded.translation.language} translation of ${model.ref} is complete and up to date.`,
  );
  ctx.stdout(`${lines.join('\n')}\n`);
  return problems.length ? 1 : 0;
}
