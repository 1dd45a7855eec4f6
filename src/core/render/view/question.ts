// A question with its answer, as the header and the sections show it: its label, help, anchor and
// the findings about it.
import type { Field, Section } from '../../questionnaire/model.js';
import type { Visibility } from '../../questionnaire/visibility.js';
import type { RawFinding } from '../../findings/findings.js';
import { slug, type AnchorMaker } from './anchors.js';
import { answerView, type AnswerContext, type AnswerView } from './answer.js';
import type { FindingView } from './finding.js';
import { sectionAnswers } from './lookup.js';

export interface QuestionView extends AnswerView {
  id: string;
  key: string;
  label: string;
  help: string | null;
  anchor: string;
  /** Problems about this question other than its being unanswered. */
  findings: FindingView[];
}

/** Builds a question's view, or null for a question whose `when` does not hold. */
export type QuestionViewer = (section: Section, q: Field) => QuestionView | null;

export interface QuestionContext extends AnswerContext {
  shown: Visibility;
  anchor: AnchorMaker;
  /** The check's findings and their views, in the same order. */
  findings: RawFinding[];
  findingViews: FindingView[];
}

export function questionViewer(ctx: QuestionContext): QuestionViewer {
  // Grouped once by question, in the check's order: a statement with 30,000 entries has some
  // 100,000 findings, and filtering them all again for each question took seconds.
  const byQuestion = new Map<string, FindingView[]>();
  ctx.findings.forEach((f, i) => {
    if (f.code === 'required' || f.code === 'placeholder' || f.path.length < 2) return;
    const key = `${String(f.path[0])}\u0000${String(f.path[1])}`;
    let views = byQuestion.get(key);
    if (!views) byQuestion.set(key, (views = []));
    views.push(ctx.findingViews[i]!);
  });
  const findingsAt = (section: string, question: string) => byQuestion.get(`${section}\u0000${question}`) ?? [];

  return (section, q) => {
    const value = sectionAnswers(ctx.answers, section)[q.id];
    const state = ctx.shown.question(q.key);
    // Its own condition, not its section's: the title is the title even when the header is hidden.
    if (!state.ownWhen) return null;
    // The answer's own object grows into the question's (spreading it into a new one costs a
    // copy per question, thousands per statement); the keys keep the same order.
    const view = answerView(ctx, q, value, state.required, state) as QuestionView;
    view.id = q.id;
    view.key = q.key;
    view.label = q.label;
    view.help = q.help ?? null;
    view.anchor = ctx.anchor(`q-${slug(section.id)}-${slug(q.id)}`) ?? `q-${slug(section.id)}-${slug(q.id)}-2`;
    view.findings = findingsAt(section.id, q.id);
    return view;
  };
}
