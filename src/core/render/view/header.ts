// The statement's header: the first section. Its first text answer is the title, its first
// Markdown answer the summary, and its other short answers the title block (kind, status, author).
import type { Field, Questionnaire } from '../../questionnaire/model.js';
import type { Visibility } from '../../questionnaire/visibility.js';
import type { QuestionView, QuestionViewer } from './question.js';

export interface HeaderViews {
  title: QuestionView | null;
  summary: QuestionView | null;
  meta: QuestionView[];
  /** The question the summary comes from: the sections leave it out. */
  summaryQuestion: Field | undefined;
}

export function headerViews(model: Questionnaire, shown: Visibility, questionView: QuestionViewer): HeaderViews {
  const header = model.sections[0]!; // a questionnaire has one section at least
  const headerShown = shown.section(header.id).shown;
  const titleQuestion = header.questions.find((q) => q.type === 'text');
  const summaryQuestion = header.questions.find((q) => q.type === 'markdown');
  const title = titleQuestion ? questionView(header, titleQuestion) : null;
  const summary = summaryQuestion && headerShown ? questionView(header, summaryQuestion) : null;
  const meta = headerShown
    ? header.questions
        .filter((q) => q !== titleQuestion && q !== summaryQuestion && q.type !== 'markdown')
        .map((q) => questionView(header, q))
        .filter((q): q is QuestionView => q !== null && (q.answered || q.required || q.placeholder !== null))
    : [];
  return { title, summary, meta, summaryQuestion };
}
