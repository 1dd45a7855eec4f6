// The view model: everything a template shows, worked out from the questionnaire, the statement
// and its check. Pure data with every key present (null when there is nothing), so that templates
// compiled in strict mode can rely on the shape. Strings here are raw; the renderer escapes them
// for the output format before any template sees them. Each part is built in view/, named for it.
import type { Questionnaire } from '../questionnaire/model.js';
import { visibility } from '../questionnaire/visibility.js';
import { isPlainObject } from '../questionnaire/answers.js';
import type { StatementCheck } from '../check/statement.js';
import type { ApprovalSummary } from '../review/approval-findings.js';
import { approvalView, type ApprovalView } from './approval-view.js';
import { anchorMaker, entryAnchorsOf } from './view/anchors.js';
import { listLookup } from './view/lookup.js';
import { completenessView, type CompletenessView } from './view/completeness.js';
import { computedViews, type ComputedView } from './view/computed.js';
import { findingView, type FindingView } from './view/finding.js';
import { headerViews } from './view/header.js';
import { matrixViews, type MatrixView } from './view/matrices.js';
import { questionViewer, type QuestionView } from './view/question.js';
import { sectionViews, type SectionView } from './view/sections.js';
import { sayer } from './view/say.js';
import { ENGLISH_WORDS, type Words } from '../i18n/words.js';

export type { AnswerView, CellView, ColumnView, ItemView, ListView, RowView } from './view/answer.js';
export type { CompletenessView } from './view/completeness.js';
export type { ComputedView } from './view/computed.js';
export type { FindingView } from './view/finding.js';
export type { MatrixCellView, MatrixColumnView, MatrixRowView, MatrixView } from './view/matrices.js';
export type { QuestionView } from './view/question.js';
export type { SectionView } from './view/sections.js';
export { plural } from './view/completeness.js';

export interface StatementView {
  /** The language of the page: of its fixed words and the questionnaire's texts. */
  lang: string;
  /** The language the answers are written in (the statement's `language:`) when it is not the page's, else null. */
  answerLang: string | null;
  /** The fixed words in the page's language (core/i18n/words.ts); templates show them with {{t "key"}}. */
  words: Words;
  title: string;
  /** The title question is not answered. */
  titleMissing: boolean;
  /** The title question's anchor, which findings about it link to. */
  titleAnchor: string | null;
  /** The title's language when it is not the page's (an answer, in the statement's language). */
  titleLang: string | null;
  questionnaire: { id: string; version: number; ref: string; title: string; description: string | null };
  /** The header section's short answers (kind, status, author...), shown under the title. */
  meta: QuestionView[];
  /** The header section's first Markdown answer (the plain-language summary), shown first. */
  summary: QuestionView | null;
  computed: ComputedView[];
  completeness: CompletenessView;
  findings: FindingView[];
  matrices: MatrixView[];
  sections: SectionView[];
  /** YYYY-MM-DD, only when a render date was asked for. */
  renderedOn: string | null;
  /** The render date in the page's language. */
  renderedOnText: string | null;
  /** The real state of approval, shown at the top of the page: never only the status someone typed. */
  approval: ApprovalView | null;
}

export interface ViewOptions {
  today: string;
  lang?: string;
  /** The fixed words in `lang`; English when not given. */
  words?: Words | undefined;
  /** The language the statement's answers are written in (its `language:`); the page's when not given. */
  answersIn?: string | undefined;
  renderedOn?: string | null;
  /** Whether reviewers approved the statement as it is (from the sign-offs and the config). */
  approval?: ApprovalSummary | undefined;
}

export function buildStatementView(model: Questionnaire, data: unknown, check: StatementCheck, options: ViewOptions): StatementView {
  const answers = isPlainObject(data) ? data : {};
  const shown = visibility(model, answers, { today: options.today, computed: check.computed });
  // Anchors are handed out first come, first served, so the order of the parts below is the
  // order of the anchors: entries first, so that references can link to them.
  const lang = options.lang ?? 'en';
  const words = sayer(options.words ?? ENGLISH_WORDS, lang);
  const answerLang = options.answersIn !== undefined && options.answersIn.toLowerCase() !== lang.toLowerCase() ? options.answersIn : null;
  const anchor = anchorMaker();
  const entryAnchors = entryAnchorsOf(model, answers, anchor);
  const lists = listLookup(answers);
  const findings = check.findings.map((f) => findingView(model, lists, f, entryAnchors, words));
  const questionView = questionViewer({ model, answers, lists, entryAnchors, words, answerLang, shown, anchor, findings: check.findings, findingViews: findings });
  const header = headerViews(model, shown, questionView);
  const sections = sectionViews(model, shown, questionView, anchor, header.summaryQuestion, words);

  return {
    lang,
    answerLang,
    words: words.words,
    title: header.title?.text ?? words.say('untitled'),
    titleMissing: !header.title?.answered,
    titleAnchor: header.title?.anchor ?? null,
    titleLang: header.title?.lang ?? null,
    questionnaire: { id: model.id, version: model.version, ref: model.ref, title: model.title, description: model.description ?? null },
    meta: header.meta,
    summary: header.summary,
    computed: computedViews(model, shown.context),
    completeness: completenessView(check, words),
    findings,
    matrices: matrixViews(model, answers, shown, entryAnchors, words),
    sections,
    renderedOn: options.renderedOn ?? null,
    renderedOnText: options.renderedOn ? words.date(options.renderedOn) : null,
    approval: options.approval ? approvalView(options.approval, words) : null,
  };
}
