// One answer in Word, by its type, as the HTML partials show it: Markdown as Word paragraphs,
// lists as tables with a header row that repeats on every page, choices and references as lists,
// and a gap marked with a sign and words, never with colour alone.
import { Paragraph, type ParagraphChild, Table, TableCell, TableRow, WidthType } from 'docx';
import type { AnswerView, CellView, ItemView } from '../view.js';
import { type Block, markdownBlocks, type MarkdownContext } from './markdown.js';
import { columnWidths, INK } from './runs.js';

export function answerBlocks(answer: AnswerView & { label?: string }, ctx: MarkdownContext): Block[] {
  const { runs } = ctx;
  if (answer.type === 'list' && answer.list?.count) {
    const out: Block[] = [listTable(answer, ctx)];
    if (answer.missing) out.push(gap(ctx, `${ctx.say('not_complete')}: ${ctx.say('list_needs_more')}.`));
    return out;
  }
  if (!answer.answered) return [gap(ctx, unansweredText(answer, ctx))];
  if (answer.type === 'markdown' && answer.markdown !== null) return markdownBlocks(answer.markdown, ctx);
  if ((answer.type === 'multi-choice' || answer.type === 'reference') && answer.items.length) return answer.items.map((item) => new Paragraph({ children: itemRuns(item, ctx), bullet: { level: 0 } }));
  return [new Paragraph({ children: [runs.text(answer.text ?? '')] })];
}

/** An answer in one line, for the title block and table cells. */
export function shortRuns(answer: AnswerView, ctx: MarkdownContext): ParagraphChild[] {
  if (answer.answered) return [ctx.runs.text(answer.text ?? '')];
  const { say } = ctx;
  const text =
    answer.placeholder !== null
      ? `${say('not_answered')} (${say('is_placeholder', { placeholder: answer.placeholder })})`
      : `${say('not_answered')}${answer.required ? ` ${say('required_note')}` : ''}`;
  return gapRuns(ctx, text);
}

export function gap(ctx: MarkdownContext, text: string): Paragraph {
  return new Paragraph({ children: gapRuns(ctx, text) });
}

export function gapRuns(ctx: MarkdownContext, text: string): ParagraphChild[] {
  return [ctx.runs.text('! ', { bold: true, color: INK.gap }), ctx.runs.text(text, { bold: true, color: INK.gap })];
}

function unansweredText(a: AnswerView, { say }: MarkdownContext): string {
  if (a.placeholder !== null) return `${say('not_answered')}: ${say(a.required ? 'is_placeholder_required' : 'is_placeholder', { placeholder: a.placeholder })}.`;
  return `${say('not_answered')}${a.required ? ` ${say('required_note')}` : ''}.`;
}

function itemRuns(item: ItemView, ctx: MarkdownContext): ParagraphChild[] {
  if (!item.known) return gapRuns(ctx, `${item.text} (${ctx.say('no_such_entry')})`);
  return ctx.runs.internal(item.href, [ctx.runs.text(item.text, item.href ? { style: 'Hyperlink' } : {})]);
}

function listTable(answer: AnswerView & { label?: string }, ctx: MarkdownContext): Table {
  const list = answer.list!;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: list.columns.map((c) => new TableCell({ children: [new Paragraph({ children: [ctx.runs.text(c.label, { bold: true })] })] })),
  });
  const rows = list.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        // The entry's bookmark sits in its first cell, so that findings and references reach the row.
        children: row.cells.map((cell, i) => new TableCell({ children: cellBlocks(cell, ctx, i === 0 ? row.anchor : null) })),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: columnWidths(list.columns.length), rows: [header, ...rows] });
}

function cellBlocks(cell: CellView, ctx: MarkdownContext, anchor: string | null): Block[] {
  const label = cell.isLabel ? { bold: true } : {};
  const marked = (children: ParagraphChild[]) => (anchor ? ctx.runs.bookmarked(anchor, children) : children);
  if (anchor && (!cell.answered || cell.markdown !== null)) return [new Paragraph({ children: marked([]) }), ...cellBlocks(cell, ctx, null)];
  if (!cell.answered) {
    if (cell.placeholder !== null) return [gap(ctx, ctx.say(cell.required ? 'placeholder_cell_required' : 'placeholder_cell', { placeholder: cell.placeholder }))];
    return [cell.required ? gap(ctx, ctx.say('not_answered')) : new Paragraph({ children: [] })];
  }
  if (cell.markdown !== null) {
    const blocks = markdownBlocks(cell.markdown, ctx);
    return blocks.length ? blocks : [new Paragraph({ children: [] })];
  }
  if (cell.items.length) return [new Paragraph({ children: marked(cell.items.flatMap((item, i) => [...(i ? [ctx.runs.text(', ')] : []), ...itemRuns(item, ctx)])) })];
  return [new Paragraph({ children: marked([ctx.runs.text(cell.text ?? '', label)]) })];
}
