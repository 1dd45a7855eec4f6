// Reading a Word memo (.docx): its paragraphs' text, and which are headings. mammoth reads the
// document; its HTML is not wanted, only the paragraphs and their styles (word-document.ts).
import { EisError } from '../../core/errors.js';
import type { WordParagraph } from '../../core/statement/prefill.js';
import { MAX_FILE_BYTES } from '../../core/yaml/decode.js';
import { readBytes } from './statement-file.js';
import { assertZipWithin, MAX_INFLATED_BYTES } from './zip-limit.js';

/** Characters of text kept from one Word memo, as many as a text memo may hold in bytes. */
export const MAX_WORD_CHARS = MAX_FILE_BYTES;

const HEADING = /^(title|heading\s*[1-9])$/i;

interface Element {
  type: string;
  value?: string;
  children?: Element[];
  styleId?: string | null;
  styleName?: string | null;
}

/** The paragraphs of a Word file, in order, tables' cells included. Throws an EisError at `shown` when it cannot be read. */
export async function readWordParagraphs(abs: string, shown: string, maxInflated = MAX_INFLATED_BYTES): Promise<WordParagraph[]> {
  const bytes = readBytes(abs, 'memo');
  assertZipWithin(bytes, shown, maxInflated);
  const { visitWordDocument } = await import('./word-document.js');
  const paragraphs: WordParagraph[] = [];
  let chars = 0;
  const collect = (element: Element): void => {
    if (chars > MAX_WORD_CHARS) return;
    if (element.type === 'paragraph') {
      const text = textOf(element);
      chars += text.length + 2;
      paragraphs.push({ text: chars > MAX_WORD_CHARS ? text.slice(0, Math.max(0, text.length - (chars - MAX_WORD_CHARS))) : text, heading: HEADING.test(element.styleName ?? element.styleId ?? '') });
      return;
    }
    for (const child of element.children ?? []) collect(child);
  };
  try {
    await visitWordDocument(bytes, (document) => collect(document as Element));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EisError(`the Word file could not be read (${reason}).`, { file: shown, code: 'file/unreadable', hint: 'Open it in Word and save it again as .docx.' });
  }
  return paragraphs;
}

function textOf(element: Element): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  // A line break inside a paragraph (Shift+Enter) separates words.
  if (element.type === 'break') return ' ';
  let text = '';
  for (const child of element.children ?? []) text += textOf(child);
  return text;
}
