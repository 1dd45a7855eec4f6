// Reading answers out of a statement's data, whatever shape it has: a section or a list that is
// not what it should be reads as empty (the check reports it).
import type { Section } from '../../questionnaire/model.js';
import { isPlainObject } from '../../questionnaire/answers.js';

export function sectionAnswers(answers: Record<string, unknown>, section: Section): Record<string, unknown> {
  const value = answers[section.id];
  return isPlainObject(value) ? value : {};
}

/** The answer to `section.question`. */
export function getList(answers: Record<string, unknown>, key: string): unknown {
  const [s, q] = key.split('.') as [string, string];
  const section = answers[s];
  return isPlainObject(section) ? section[q] : undefined;
}
