// A statement as a Word document, built from the same view model as the HTML page: Word's own
// heading styles (so the navigation pane and a table of contents work), tables with a header row
// that repeats on each page, the impact matrix in symbols and words as well as colour, and page
// numbers, title, state and date in the header and footer. Pure: docx objects are data.
import { AlignmentType, Document, Footer, Header, type IStylesOptions, PageNumber, Paragraph, type ParagraphChild, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { MatrixView, QuestionView, StatementView } from '../view.js';
import { say } from '../../i18n/words.js';
import type { Tone } from '../matrix.js';
import { answerBlocks, gap, shortRuns } from './answers.js';
import { type Block, markdownBlocks, type MarkdownContext, ORDERED } from './markdown.js';
import { columnWidths, INK, runMaker } from './runs.js';

export interface DocxOptions {
  /** word/styles.xml of a reference document (the agency's house template), whose styles replace the built-in ones. */
  referenceStyles?: string | undefined;
}

/** Matrix cells: the HTML page's tone colours, which pass WCAG AA with their text. */
const TONE_COLOURS: Record<Tone, { fill: string; ink: string }> = {
  favourable: { fill: 'E3F4E8', ink: '0C4A21' },
  unfavourable: { fill: 'FDEBE7', ink: '8C1D00' },
  neutral: { fill: 'EBF0F6', ink: '243548' },
  mixed: { fill: 'F2EAFA', ink: '4A2466' },
  unknown: { fill: 'FFF6D8', ink: '5A4100' },
  other: { fill: 'EFEFEF', ink: '333333' },
};

/** The state in a few words, for the page header: approval first, as the HTML shows it first. */
export function stateLine(view: StatementView): string {
  return [view.approval?.label ?? null, view.completeness.status].filter((s): s is string => s !== null).join(' · ');
}

export function buildDocx(view: StatementView, options: DocxOptions = {}): Document {
  const runs = runMaker(view.lang);
  let lists = 0;
  const w = (key: string, params?: Record<string, unknown>) => say(view.words, view.lang, key, params);
  const ctx: MarkdownContext = { runs, headingLevel: 2, nextList: () => ++lists, say: w };
  const text = (t: string, style?: Parameters<typeof runs.text>[1]) => runs.text(t, style);
  const para = (children: ParagraphChild[], style?: string) => new Paragraph({ children, ...(style ? { style } : {}) });
  const heading = (level: 1 | 2 | 3, label: string, anchor: string | null) => {
    const children = [text(label)];
    return new Paragraph({ style: `Heading${level}`, keepNext: true, children: anchor ? runs.bookmarked(anchor, children) : children });
  };
  const body: Block[] = [];

  // The title block: what it is, and its real state, before anything else.
  body.push(para([text(view.questionnaire.title, { color: INK.muted, allCaps: true, bold: true })]));
  body.push(new Paragraph({ style: 'Title', children: view.titleAnchor ? runs.bookmarked(view.titleAnchor, [text(view.title)]) : [text(view.title)] }));
  if (view.approval) body.push(para([text(`${view.approval.label}. `, { bold: true }), text(view.approval.text)]));
  body.push(para([text(`${view.completeness.status}. `, { bold: true }), text(`${view.completeness.text}.`)]));
  if (view.titleMissing) body.push(gap(ctx, w('title_missing')));
  body.push(detailsTable(view, ctx));

  if (view.summary) {
    body.push(heading(1, view.summary.label, null));
    body.push(...withAnchor(view.summary, ctx, answerBlocks(view.summary, ctx)));
  }

  body.push(heading(1, w('at_a_glance'), null));
  body.push(heading(2, w('completeness'), null));
  body.push(para([text(`${view.completeness.status}. `, { bold: true }), text(`${view.completeness.text}.`)]));
  for (const f of view.findings)
    body.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          text(`${f.severityLabel}: `, { bold: true, color: f.severity === 'error' ? INK.gap : INK.warning }),
          ...runs.internal(f.href, [text(f.where, f.href ? { style: 'Hyperlink' } : {})]),
          text(`. ${f.message}${f.hint ? ` ${f.hint}` : ''}`),
        ],
      }),
    );
  for (const matrix of view.matrices) {
    body.push(heading(2, w('impact_matrix', { name: matrix.listLabel }), null));
    body.push(para([text(`${matrix.caption}. ${w('matrix_note', { field: matrix.fieldLabel })}`, { italics: true })], 'Caption'));
    body.push(matrixTable(matrix, ctx));
    if (matrix.unanswered) body.push(gap(ctx, w('without_answer', { count: matrix.unanswered, field: matrix.fieldLabel })));
  }

  for (const section of view.sections) {
    body.push(heading(1, section.title, section.anchor));
    if (section.description) body.push(...markdownBlocks(section.description, { ...ctx, headingLevel: 1 }));
    if (section.note) body.push(para([text(section.note, { color: INK.muted })]));
    for (const q of section.questions) {
      body.push(heading(2, q.label, q.anchor));
      body.push(...answerBlocks(q, ctx));
      for (const f of q.findings)
        body.push(para([text(`${f.severityLabel}: `, { bold: true, color: f.severity === 'error' ? INK.gap : INK.warning }), text(`${f.message}${f.hint ? ` ${f.hint}` : ''}`)]));
    }
  }
  body.push(para([text(w('footer', { title: view.questionnaire.title, version: view.questionnaire.version, ref: view.questionnaire.ref }), { color: INK.muted })]));

  const date = view.renderedOnText ? ` · ${view.renderedOnText}` : '';
  const small = { size: 18, color: INK.muted };
  return new Document({
    title: view.title,
    subject: view.questionnaire.title,
    creator: 'eis',
    lastModifiedBy: 'eis',
    ...(view.summary?.text ? { description: view.summary.text } : {}),
    ...(options.referenceStyles !== undefined ? { externalStyles: options.referenceStyles } : { styles: DEFAULT_STYLES }),
    numbering: { config: [ORDERED] },
    sections: [
      {
        headers: { default: new Header({ children: [para([text(view.title, small)])] }) },
        footers: {
          default: new Footer({
            children: [
              para([text(`${stateLine(view)}${date}`, small)]),
              new Paragraph({
                alignment: AlignmentType.END,
                children: [new TextRun({ ...small, language: { value: view.lang }, children: [`${w('page')} `, PageNumber.CURRENT, ` ${w('page_of')} `, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

/** The summary keeps its question's anchor, which findings link to. */
function withAnchor(q: QuestionView, ctx: MarkdownContext, blocks: Block[]): Block[] {
  return [new Paragraph({ children: ctx.runs.bookmarked(q.anchor, []) }), ...blocks];
}

/** The title block's details, as a table of two columns with its header row. */
function detailsTable(view: StatementView, ctx: MarkdownContext): Table {
  const { runs } = ctx;
  const row = (label: string, value: ParagraphChild[], anchor?: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          children: [new Paragraph({ children: anchor ? runs.bookmarked(anchor, [runs.text(label, { bold: true })]) : [runs.text(label, { bold: true })] })],
        }),
        new TableCell({ children: [new Paragraph({ children: value })] }),
      ],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: [ctx.say('detail'), ctx.say('answer')].map((h) => new TableCell({ shading: headerShade, children: [new Paragraph({ children: [runs.text(h, { bold: true })] })] })),
    }),
    ...view.meta.map((q) => row(q.label, shortRuns(q, ctx), q.anchor)),
    ...view.computed.map((c) => row(c.label, [runs.text(c.text)])),
    row(ctx.say('questionnaire'), [runs.text(ctx.say('questionnaire_version', { title: view.questionnaire.title, version: view.questionnaire.version }))]),
    ...(view.renderedOnText ? [row(ctx.say('rendered_on'), [runs.text(view.renderedOnText)])] : []),
  ];
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: columnWidths(2, 0.35), rows });
}

const headerShade = { type: ShadingType.CLEAR, color: 'auto', fill: 'F5F6F7' };

function matrixTable(matrix: MatrixView, ctx: MarkdownContext): Table {
  const { runs } = ctx;
  const cell = (children: ParagraphChild[], extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ ...extra, children: [new Paragraph({ children })] });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell([runs.text(matrix.listLabel, { bold: true })], { shading: headerShade }),
      ...matrix.columns.map((c) => cell([runs.text(`${c.symbol} ${c.label}`, { bold: true })], { shading: headerShade })),
    ],
  });
  const rows = matrix.rows.length
    ? matrix.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(runs.internal(r.href, [runs.text(r.name, { bold: true, ...(r.href ? { style: 'Hyperlink' } : {}) })])),
              ...r.cells.map((c) => {
                if (!c.match) return cell([]);
                const tone = TONE_COLOURS[c.tone];
                return cell([runs.text(`${c.symbol} ${c.label}`, { bold: true, color: tone.ink })], { shading: { type: ShadingType.CLEAR, color: 'auto', fill: tone.fill } });
              }),
            ],
          }),
      )
    : [new TableRow({ children: [cell([runs.text(ctx.say('no_entries'))], { columnSpan: matrix.columns.length + 1 })] })];
  const total = new TableRow({ cantSplit: true, children: [cell([runs.text('Total', { bold: true })]), ...matrix.columns.map((c) => cell([runs.text(String(c.count), { bold: true })]))] });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: columnWidths(matrix.columns.length + 1, 0.3), rows: [header, ...rows, total] });
}

/** Styles used beside docx's built-in ones when no reference document gives its own. */
const DEFAULT_STYLES: IStylesOptions = {
  paragraphStyles: [
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: INK.muted }, paragraph: { indent: { left: 720 } } },
    { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 18, color: INK.muted } },
  ],
};
