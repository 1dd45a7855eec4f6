// Where the person is in the interview: section n of m, required answers given, what remains. Pure.
import type { Questionnaire, Section } from '../questionnaire/model.js';
import { checkStatementData } from '../check/statement.js';
import { askedSections, type Mode } from './flow.js';

export interface Progress {
  /** 1-based position of the current section among the sections this walk asks. */
  index: number;
  total: number;
  section: Section;
  answered: number;
  required: number;
  /** Titles of sections, from the current one on, that still miss required answers. */
  remaining: string[];
  /** The screening level (the first computed value), when the questionnaire has one. */
  level?: string | undefined;
}

export function progressAt(model: Questionnaire, answers: Record<string, unknown>, mode: Mode, sectionId: string, today: string): Progress | undefined {
  const sections = askedSections(model, answers, mode, today);
  const at = sections.findIndex((s) => s.id === sectionId);
  if (at === -1) return undefined;
  const { findings, completeness } = checkStatementData(model, answers, { today });
  const missing = new Set(findings.filter((f) => f.code === 'required' || ((f.code === 'placeholder' || f.code === 'placeholder/inside') && f.severity === 'error')).map((f) => String(f.path[0])));
  return {
    index: at + 1,
    total: sections.length,
    section: sections[at]!,
    answered: completeness.answered,
    required: completeness.required,
    remaining: sections
      .slice(at)
      .filter((s) => missing.has(s.id))
      .map((s) => s.title),
    level: completeness.level,
  };
}

/** The heading of a section: its place and title. */
export function progressHeading(p: Progress): string {
  return `Section ${p.index} of ${p.total}: ${p.section.title}`;
}

/** Under the heading: required answers given, the level, and the sections still to do. */
export function progressLine(p: Progress): string {
  const parts = [`${p.answered} of ${p.required} required answers given`];
  if (p.level) parts.push(`level ${p.level}`);
  parts.push(p.remaining.length ? `to do: ${p.remaining.join(', ')}` : 'nothing required left');
  return parts.join(' · ');
}
