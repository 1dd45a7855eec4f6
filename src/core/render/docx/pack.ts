// The Word document as bytes. docx writes the creation time and the time of every part into the
// file; here the document properties are written from the statement alone (title, language, the
// render date when asked for) and the zip's times are fixed, so that the same statement gives the
// same bytes on every run, as the Markdown and HTML do.
import { type Document, Packer } from 'docx';
import type { StatementView } from '../view.js';
import { fixZipTimes } from './zip.js';

export async function packDocx(doc: Document, view: StatementView): Promise<Uint8Array> {
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(view) }]));
  return fixZipTimes(bytes);
}

const XML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_SPECIAL[c]!);
}

/** docProps/core.xml: what File > Info shows, and what screen readers and search read as the title and language. */
export function coreProperties(view: StatementView): string {
  const date = view.renderedOn ? `${view.renderedOn}T00:00:00Z` : null;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlText(view.title)}</dc:title>`,
    `<dc:subject>${xmlText(view.questionnaire.title)}</dc:subject>`,
    '<dc:creator>eis</dc:creator>',
    view.summary?.text ? `<dc:description>${xmlText(view.summary.text)}</dc:description>` : '',
    `<dc:language>${xmlText(view.lang)}</dc:language>`,
    '<cp:lastModifiedBy>eis</cp:lastModifiedBy>',
    date ? `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` : '',
    '</cp:coreProperties>',
  ].join('');
}
