// The sections of the statement, each with the questions worth showing: those answered, required,
// holding a placeholder or with findings. The header shows here only for its longer answers.
import type { Field, Questionnaire } from '../../questionnaire/model.js';
import type { Visibility } from '../../questionnaire/visibility.js';
import { slug, type AnchorMaker } from './anchors.js';
import type { QuestionView, QuestionViewer } from './question.js';
import type { Sayer } from './say.js';

export interface SectionView {
  id: string;
  title: string;
  description: string | null;
  anchor: string;
  /** False when the screening level (or another condition) does not ask for this section. */
  required: boolean;
  /** Why the section is empty, when it is. */
  note: string | null;
  questions: QuestionView[];
}

export function sectionViews(model: Questionnaire, shown: Visibility, questionView: QuestionViewer, anchor: AnchorMaker, summaryQuestion: Field | undefined, { say }: Sayer): SectionView[] {
  const header = model.sections[0];
  const sections: SectionView[] = [];
  for (const section of model.sections) {
    const { shown: sectionShown, required } = shown.section(section.id);
    if (!sectionShown) continue;
    const isHeader = section === header;
    const questions = section.questions
      .filter((q) => !isHeader || (q.type === 'markdown' && q !== summaryQuestion))
      .map((q) => questionView(section, q))
      .filter((q): q is QuestionView => q !== null && (q.answered || q.required || q.placeholder !== null || q.findings.length > 0));
    if (isHeader && !questions.length) continue;
    sections.push({
      id: section.id,
      title: section.title,
      description: section.description ?? null,
      anchor: anchor(`s-${slug(section.id)}`) ?? `s-${slug(section.id)}-2`,
      required,
      note: questions.length ? null : required ? say('no_answers_yet') : say('not_needed'),
      questions,
    });
  }
  return sections;
}
