// The pieces every part of the Word document is made of: text runs in the document's language,
// the marks for gaps, and links. Word knows nothing of the view model: only these.
import { BookmarkEnd, BookmarkStart, ExternalHyperlink, InternalHyperlink, type IRunOptions, type ParagraphChild, TextRun } from 'docx';
import { isSafeUrl } from '../url.js';

/** What a run may carry besides its text. */
export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'language'>;

export interface RunMaker {
  text(text: string, style?: RunStyle): TextRun;
  /** A link to another place in the document (`#anchor`), or plain text when the place has no bookmark. */
  internal(href: string | null, children: ParagraphChild[]): ParagraphChild[];
  /** A link to a web page or an address: only http, https and mailto become links; anything else stays text. */
  external(href: string, children: ParagraphChild[]): ParagraphChild[];
  /** The bookmark name for an anchor of the view model. */
  bookmark(anchor: string): string;
  /** `children` inside the bookmark of an anchor, which links in the document go to. */
  bookmarked(anchor: string, children: ParagraphChild[]): ParagraphChild[];
}

/** Colours that pass WCAG AA contrast on white, as in the HTML page. */
export const INK = { gap: '8C1D00', warning: '5E4300', muted: '4D4D4D', link: '0A4F99' } as const;

/**
 * Word bookmark names are short, start with a letter and hold no hyphens, so the view model's
 * anchors are mapped to `_e1`, `_e2`...: a leading underscore hides them from Word's list of
 * bookmarks, which people use for their own.
 */
export function runMaker(lang: string): RunMaker {
  const language = { value: lang };
  const names = new Map<string, string>();
  const bookmark = (anchor: string) => {
    let name = names.get(anchor);
    if (!name) names.set(anchor, (name = `_e${names.size + 1}`));
    return name;
  };
  // docx's Bookmark takes its number from a counter shared by every document in the process, so a
  // statement rendered among others would get other numbers than rendered alone: each document
  // counts its own. docx documents its BookmarkStart and BookmarkEnd as paragraph children, which
  // its ParagraphChild type does not list.
  let numbers = 0;
  const bookmarked = (anchor: string, children: ParagraphChild[]): ParagraphChild[] => {
    const n = ++numbers;
    return [new BookmarkStart(bookmark(anchor), n) as unknown as ParagraphChild, ...children, new BookmarkEnd(n) as unknown as ParagraphChild];
  };
  return {
    bookmarked,
    text: (text, style) => new TextRun({ ...style, text: wordText(text), language }),
    internal: (href, children) => (href?.startsWith('#') ? [new InternalHyperlink({ anchor: bookmark(href.slice(1)), children })] : children),
    external: (href, children) => (isWebLink(href) ? [new ExternalHyperlink({ link: href.trim(), children })] : children),
    bookmark,
  };
}

/**
 * A target that may become a relationship of the document: an absolute http, https or mailto
 * URL. Relative links have no base in a Word file, so they stay text.
 */
export function isWebLink(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) && isSafeUrl(href) && !/[\u0000-\u0020"<>\\^`{|}]/.test(href.trim());
}

/**
 * Text as XML 1.0 allows it: control characters (an answer may hold any) would make the part
 * unreadable, so they go, and line breaks inside a run read as spaces.
 */
export function wordText(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** The width between the margins of docx's default page (A4, margins of an inch), in twentieths of a point. */
const TEXT_WIDTH = 9026;

/**
 * Column widths for a table across the page: the first column `first` of the width, the others
 * sharing the rest. Word takes the percentage; LibreOffice lays out by these.
 */
export function columnWidths(count: number, first = 1 / count): number[] {
  if (count <= 1) return [TEXT_WIDTH];
  const head = Math.round(TEXT_WIDTH * first);
  const rest = Math.floor((TEXT_WIDTH - head) / (count - 1));
  return [head, ...Array.from({ length: count - 1 }, () => rest)];
}
