// An answer's Markdown as Word content, from marked's tokens: paragraphs, lists, emphasis, code,
// quotes, tables and links become Word's own, never raw Markdown or HTML. Raw HTML in an answer
// gives only its text (the HTML page drops the tags the same way); images become "[image: alt]",
// since a picture would have to be fetched. Headings inside an answer sit below the question's own.
import { AlignmentType, BorderStyle, type IParagraphOptions, LevelFormat, type NumberingDefinition, Paragraph, type ParagraphChild, Table, TableCell, TableRow, WidthType } from 'docx';
import { Marked, type Token, type Tokens } from 'marked';
import { columnWidths, type RunMaker, type RunStyle } from './runs.js';

const marked = new Marked({ gfm: true, async: false });

export type Block = Paragraph | Table;

/** The numbered list's levels; bulleted lists use docx's built-in bullets. */
export const ORDERED: NumberingDefinition = {
  reference: 'eis-ordered',
  levels: Array.from({ length: 9 }, (_, level) => ({
    level,
    format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  })),
};

/** Elements whose content is never text: what is inside them goes with them. */
const NON_TEXT = /<(script|style|textarea|option|noscript|template|iframe|object|embed|svg|math|title|head|xmp|noembed|noframes)\b[\s\S]*?(<\/\1\s*>|$)/gi;

export interface MarkdownContext {
  runs: RunMaker;
  /** The heading level of the question the answer belongs to: headings in the answer go below it. */
  headingLevel: number;
  /** A new number for each numbered list, so each starts at its own first number. */
  nextList: () => number;
  /** A fixed word in the document's language (core/i18n/words.ts). */
  say: (key: string, params?: Record<string, unknown>) => string;
}

/** Markdown source to Word blocks. */
export function markdownBlocks(source: string, ctx: MarkdownContext): Block[] {
  return blocks(marked.lexer(source.replace(/\r\n?/g, '\n')), ctx, { quote: false });
}

interface Place {
  quote: boolean;
  /** The list item the blocks are in: its first paragraph carries the bullet or number, the rest are indented under it. */
  item?: { ordered: boolean; level: number; instance: number; marked: boolean };
}

function blocks(tokens: Token[], ctx: MarkdownContext, place: Place): Block[] {
  const out: Block[] = [];
  const para = (children: ParagraphChild[], extra: Omit<IParagraphOptions, 'children'> = {}) => new Paragraph({ children, ...(place.quote ? { style: 'Quote' } : {}), ...listing(place), ...extra });
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'paragraph':
      case 'text': {
        const t = token as Tokens.Paragraph | Tokens.Text;
        out.push(para(inline(t.tokens ?? [{ type: 'text', raw: t.text, text: t.text } as Tokens.Text], ctx, {})));
        break;
      }
      case 'heading': {
        const t = token as Tokens.Heading;
        const level = Math.min(6, t.depth + ctx.headingLevel);
        out.push(new Paragraph({ children: inline(t.tokens, ctx, {}), style: `Heading${level}`, ...listing(place) }));
        break;
      }
      case 'code': {
        const lines = (token as Tokens.Code).text.split('\n');
        out.push(
          para(
            lines.flatMap((line, i) => [ctx.runs.text(line, { font: 'Courier New', ...(i ? { break: 1 } : {}) })]),
            { border: codeBorder() },
          ),
        );
        break;
      }
      case 'blockquote':
        out.push(...blocks((token as Tokens.Blockquote).tokens, ctx, { ...place, quote: true }));
        break;
      case 'list': {
        const t = token as Tokens.List;
        const level = Math.min(8, place.item ? place.item.level + 1 : 0);
        const instance = t.ordered ? ctx.nextList() : 0;
        for (const entry of t.items) {
          const item = { ordered: t.ordered, level, instance, marked: false };
          const inner: Place = { quote: place.quote, item };
          const itemBlocks = blocks(entry.tokens, ctx, inner);
          // An empty item, or one that starts with a table, still shows its bullet or number.
          if (!item.marked) out.push(new Paragraph({ children: [], ...listing(inner) }));
          out.push(...itemBlocks);
        }
        break;
      }
      case 'table':
        out.push(markdownTable(token as Tokens.Table, ctx));
        break;
      case 'hr':
        out.push(new Paragraph({ children: [], ...listing(place), border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } }));
        break;
      case 'html': {
        const text = htmlText((token as Tokens.HTML).text).trim();
        if (text) out.push(para([ctx.runs.text(text)]));
        break;
      }
      default: {
        // Anything else marked may give (a definition, an extension's token) shows its text.
        const text = 'text' in token && typeof token.text === 'string' ? token.text : '';
        if (text.trim()) out.push(para([ctx.runs.text(decodeEntities(text))]));
      }
    }
  }
  return out;
}

/** A paragraph's place in a list: the bullet or number for an item's first paragraph, an indent for the others. */
function listing(place: Place): Omit<IParagraphOptions, 'children'> {
  const item = place.item;
  if (!item) return {};
  if (item.marked) return { indent: { left: 720 * (item.level + 1) } };
  item.marked = true;
  return item.ordered ? { numbering: { reference: ORDERED.reference, level: item.level, instance: item.instance } } : { bullet: { level: item.level } };
}

function codeBorder() {
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'C9C9C9', space: 4 };
  return { top: line, bottom: line, left: line, right: line };
}

function markdownTable(t: Tokens.Table, ctx: MarkdownContext): Table {
  const cell = (c: Tokens.TableCell, header: boolean) => new TableCell({ children: [new Paragraph({ children: inline(c.tokens, ctx, header ? { bold: true } : {}) })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columnWidths(t.header.length),
    rows: [new TableRow({ tableHeader: true, children: t.header.map((c) => cell(c, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))],
  });
}

const NON_TEXT_OPEN = /^<(script|style|textarea|option|noscript|template|iframe|object|embed|svg|math|title|head|xmp|noembed|noframes)\b/i;

function inline(tokens: Token[], ctx: MarkdownContext, style: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  // Inside an inline <script> or the like, up to its end tag: its content is not text.
  let skipping: string | null = null;
  for (const token of tokens) {
    if (skipping !== null) {
      if (token.type === 'html' && new RegExp(`^</${skipping}\\s*>$`, 'i').test(token.raw.trim())) skipping = null;
      continue;
    }
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) out.push(...inline(t.tokens, ctx, style));
        else if (t.text) out.push(ctx.runs.text(decodeEntities(t.text), style));
        break;
      }
      case 'escape':
        out.push(ctx.runs.text((token as Tokens.Escape).text, style));
        break;
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, ctx, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, ctx, { ...style, italics: true }));
        break;
      case 'del':
        out.push(...inline((token as Tokens.Del).tokens, ctx, { ...style, strike: true }));
        break;
      case 'codespan':
        out.push(ctx.runs.text(decodeEntities((token as Tokens.Codespan).text), { ...style, font: 'Courier New' }));
        break;
      case 'br':
        out.push(ctx.runs.text('', { ...style, break: 1 }));
        break;
      case 'link': {
        const t = token as Tokens.Link;
        const text = inline(t.tokens, ctx, { ...style, style: 'Hyperlink' });
        out.push(...ctx.runs.external(t.href, text));
        break;
      }
      case 'image':
        out.push(ctx.runs.text(`[image: ${decodeEntities((token as Tokens.Image).text)}]`, style));
        break;
      case 'html':
        // An inline tag alone: the text around it is in the tokens beside it.
        if (/^<br\s*\/?>$/i.test((token as Tokens.HTML).text.trim())) out.push(ctx.runs.text('', { ...style, break: 1 }));
        else if (!/\/>$/.test(token.raw.trim())) skipping = NON_TEXT_OPEN.exec(token.raw.trim())?.[1] ?? null;
        break;
      default: {
        const text = 'text' in token && typeof token.text === 'string' ? token.text : '';
        if (text) out.push(ctx.runs.text(decodeEntities(text), style));
      }
    }
  }
  return out;
}

/** The text of a block of raw HTML: tags, comments and the content of scripts and the like removed. */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<!\[CDATA\[[\s\S]*?(\]\]>|$)/g, '')
      .replace(NON_TEXT, '')
      .replace(/<\/?[a-z!?][^>]*(>|$)/gi, ''),
  );
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** Character references, as a browser shows them. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
