// Reading a rendered Word document back, for the tests: its parts through eis's own zip reader,
// its text and structure through mammoth, a second reader that shares no code with docx.
import mammoth from 'mammoth';
import { Marked } from 'marked';
import { docxParts } from '../../src/edge/render/reference-doc.js';

export function partsOf(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, read] of docxParts(bytes, 'test.docx')) parts.set(name, new TextDecoder().decode(read()));
  return parts;
}

export async function htmlOf(bytes: Uint8Array): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
}

export async function textOf(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** The words of a text, for comparing what two renderings say without their markup. */
export function words(text: string): string[] {
  return text.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
}

const marked = new Marked({ gfm: true, async: false });

/** The words a reader sees in a Markdown answer: its text without the syntax, links by their text. */
export function markdownWords(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false });
  return words(html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' '));
}

/** Whether `part` appears in `whole` in order, other words allowed between. */
export function inOrder(whole: string[], part: string[]): number {
  let i = 0;
  for (const w of whole) if (i < part.length && w === part[i]) i++;
  return i;
}
