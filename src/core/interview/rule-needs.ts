// What the questionnaire's rules ask of the interview. A rule is checked by `eis check` after the
// fact; the interview uses the same rules while it asks, so that it does not end with an error
// it could have prevented: an answer that breaks a rule about its own question is refused with
// the rule's words, and a list a failing rule needs entries in is offered with "yes" as default.
import { checkStatementData, type CheckOptions } from '../check/statement.js';
import type { Condition } from '../questionnaire/format.js';
import { forEachLeaf } from '../questionnaire/condition-visitor.js';
import { isPlainObject } from '../questionnaire/answers.js';
import type { Questionnaire } from '../questionnaire/model.js';
import type { RawFinding } from '../findings/findings.js';

function ruleFindings(model: Questionnaire, answers: Record<string, unknown>, options: CheckOptions): RawFinding[] {
  return checkStatementData(model, answers, options).findings.filter((f) => f.code.startsWith('rule/'));
}

/** The answers with `value` at a top-level question's place, on plain data. */
function withAnswer(answers: Record<string, unknown>, path: readonly [string, string], value: unknown): Record<string, unknown> {
  const [s, q] = path;
  const section = isPlainObject(answers[s]) ? answers[s] : {};
  return { ...answers, [s]: { ...section, [q]: value } };
}

/**
 * Why `value` cannot be the answer to the top-level question at `path`: a rule pointing at this
 * question that would fail with it (a review date in the past with no review written, "nobody"
 * picked with a group). Keeping the current answer is never refused, so a
 * person revisiting is not trapped by a rule they mean to satisfy later.
 */
export function ruleObjection(model: Questionnaire, answers: Record<string, unknown>, path: readonly [string, string], value: unknown, options: CheckOptions): string | undefined {
  const section = answers[path[0]];
  const current = isPlainObject(section) ? section[path[1]] : undefined;
  if (JSON.stringify(current) === JSON.stringify(value)) return undefined;
  const at = path.join('.');
  const broken = ruleFindings(model, withAnswer(answers, path, value), options).find((f) => f.path.join('.') === at);
  if (!broken) return undefined;
  return [broken.message.replace(/\s+/g, ' ').trim(), broken.hint?.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ');
}

/** The lists (`section.list`) whose entries would satisfy a rule that fails now. */
export function listsRulesNeed(model: Questionnaire, answers: Record<string, unknown>, options: CheckOptions): Set<string> {
  const failing = new Set(ruleFindings(model, answers, options).map((f) => f.code.slice('rule/'.length)));
  const lists = new Set<string>();
  for (const rule of model.rules) {
    if (!failing.has(rule.id)) continue;
    forEachLeaf(rule.require as Condition, (leaf) => {
      if ('referencedBy' in leaf) lists.add(leaf.referencedBy.split('.').slice(0, 2).join('.'));
      else if (leaf.question !== undefined && model.questions.get(leaf.question)?.type === 'list') lists.add(leaf.question);
    });
  }
  return lists;
}
