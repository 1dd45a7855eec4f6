// Word output from the view model, read back with a second reader (mammoth) and as XML: every
// heading, answer and table there and in order, Word's own styles, the state up front, Markdown as
// Word formatting, well-formed parts, and the same bytes for the same statement.
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtin, fixture, readYaml } from '../helpers/model.js';
import { example, raceForward, viewOf } from './helpers.js';
import { docxBytes, refuseTerminal } from '../../src/edge/render/docx-file.js';
import { readReferenceStyles } from '../../src/edge/render/reference-doc.js';
import { EisError } from '../../src/core/errors.js';
import type { StatementView } from '../../src/core/render/view.js';
import { htmlOf, inOrder, markdownWords, partsOf, textOf, words } from './docx-support.js';

const model = builtin();
const complete = () => viewOf(model, example('text-payment-reminders'));

/** The example statement with its summary replaced. */
function withSummary(markdown: string): StatementView {
  const data = structuredClone(example('text-payment-reminders')) as { initiative: Record<string, unknown> };
  data.initiative.summary = markdown;
  return viewOf(model, data);
}

describe('eis render --format docx', () => {
  it('has every heading, answer and table of the statement, in order, as a second reader sees them', async () => {
    const view = complete();
    const bytes = await docxBytes(view, undefined);
    const html = await htmlOf(bytes);
    // Word's heading styles, which mammoth maps to h1/h2: the navigation pane's outline.
    const headings = [...html.matchAll(/<h([12])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]!.replace(/<[^>]*>/g, '')}`);
    const expected = [
      `1 ${view.summary!.label}`,
      '1 At a glance',
      '2 Completeness',
      ...view.matrices.map((m) => `2 Impact matrix: ${m.listLabel}`),
      ...view.sections.flatMap((s) => [`1 ${s.title}`, ...s.questions.map((q) => `2 ${q.label}`)]),
    ];
    expect(headings).toEqual(expected.map((h) => h.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    expect(view.sections.length).toBeGreaterThan(8);

    // Every answer's words, in the order of the questions.
    const all = words(await textOf(bytes));
    const answerWords = view.sections.flatMap((s) =>
      s.questions.flatMap((q) =>
        q.markdown !== null
          ? markdownWords(q.markdown)
          : q.list
            ? q.list.rows.flatMap((r) => r.cells.flatMap((c) => (c.markdown !== null ? markdownWords(c.markdown) : words(c.text ?? ''))))
            : words(q.text ?? ''),
      ),
    );
    expect(answerWords.length).toBeGreaterThan(500);
    expect(inOrder(all, answerWords)).toBe(answerWords.length);

    // One table for the details, one per matrix, one per list answered, each with a header row that repeats.
    const lists = view.sections.flatMap((s) => s.questions).filter((q) => q.list?.count).length;
    const document = partsOf(bytes).get('word/document.xml')!;
    const tables = document.match(/<w:tbl>/g)?.length ?? 0;
    expect(tables).toBe(1 + view.matrices.length + lists);
    expect(document.match(/<w:tblHeader\/>/g)?.length).toBe(tables);
  });

  it('puts the title and language in the document properties, and the title, state and page numbers in the header and footer', async () => {
    // The words stay the view's (English here); the date as the view's words wrote it.
    const view = { ...complete(), lang: 'es-MX', renderedOn: '2026-11-23', renderedOnText: '2026-11-23' };
    const parts = partsOf(await docxBytes(view, undefined));
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Text-message payment reminders</dc:title>');
    expect(core).toContain('<dc:language>es-MX</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-23T00:00:00Z</dcterms:created>');
    expect(parts.get('word/document.xml')).toContain('<w:lang w:val="es-MX"/>');
    expect(parts.get('word/header1.xml')).toContain('Text-message payment reminders');
    const footer = parts.get('word/footer1.xml')!;
    expect(footer).toContain('>Complete · 2026-11-23<');
    expect([...footer.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!.trim())).toEqual(['PAGE', 'NUMPAGES']);
  });

  it('says the real state first: not approved, stale or incomplete, as the HTML page does', async () => {
    const data = structuredClone(example('text-payment-reminders')) as Record<string, Record<string, unknown>>;
    delete data.proposal!.problem;
    const view = viewOf(model, data);
    view.approval = { state: 'stale', label: 'Approval out of date', text: "Morgan Lee's approval of 2026-04-02 no longer covers it: the memo changed." };
    const text = await textOf(await docxBytes(view, undefined));
    const start = text.indexOf('Approval out of date.');
    expect(start).toBeGreaterThan(-1);
    expect(start).toBeLessThan(text.indexOf(view.summary!.label));
    expect(text).toMatch(/1 required answer missing, 1 problem\. 35 of 36 required answers given/);
  });

  it('turns Markdown into Word paragraphs, lists, emphasis and links, never raw markup', async () => {
    const view = withSummary(
      'Some **bold** and _slanted_ text with `code` and [a link](https://example.org/a?b=1&c=2).\n\n- first\n- second\n  1. nested one\n  2. nested two\n\n> quoted\n\n### A heading\n\n| a | b |\n|---|---|\n| 1 | *2* |\n\n<b>tag</b> &amp; entity',
    );
    const bytes = await docxBytes(view, undefined);
    const html = await htmlOf(bytes);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>slanted</em>');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">a link</a>');
    expect(html).toMatch(/<ul><li>first<\/li><li>second<ol><li>nested one<\/li><li>nested two<\/li><\/ol><\/li><\/ul>/);
    expect(html).toContain('<h5>A heading</h5>');
    expect(html).toMatch(
      /<table><thead><tr><th><p><strong>a<\/strong><\/p><\/th><th><p><strong>b<\/strong><\/p><\/th><\/tr><\/thead><tbody><tr><td><p>1<\/p><\/td><td><p><em>2<\/em><\/p><\/td><\/tr><\/tbody><\/table>/,
    );
    const text = await textOf(bytes);
    expect(text).toContain('tag & entity');
    expect(text).not.toMatch(/\*\*|\]\(|<b>|&amp;|^#/m);
    const parts = partsOf(bytes);
    expect(parts.get('word/_rels/document.xml.rels')).toContain('Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"');
    expect(parts.get('word/document.xml')).toContain('<w:pStyle w:val="Quote"/>');
  });

  it('keeps links other than http, https and mailto as text, and relative ones too', async () => {
    const bytes = await docxBytes(withSummary('[web](http://a.example) [mail](mailto:x@a.example) [rel](other.md) [js](javascript:alert(1)) [ftp](ftp://a.example/f)'), undefined);
    const rels = partsOf(bytes).get('word/_rels/document.xml.rels')!;
    expect([...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => m[1])).toEqual(['http://a.example', 'mailto:x@a.example']);
    expect(await textOf(bytes)).toContain('web mail rel js ftp');
  });

  it('shows the impact matrix with symbols and words as well as colour', async () => {
    const html = await htmlOf(await docxBytes(complete(), undefined));
    expect(html).toContain('<th><p><strong>▲ Benefit</strong></p></th>');
    expect(html).toContain('<td><p><strong>▼ Burden</strong></p></td>');
    expect(html).toContain('<td><p><strong>? Unknown</strong></p></td>');
  });

  it('renders any questionnaire: Race Forward groups get a matrix too', async () => {
    const view = viewOf(raceForward(), readYaml(fixture('race-forward', 'complete.eis.yaml')));
    const html = (await htmlOf(await docxBytes(view, undefined))).replace(/<a id="[^"]*"><\/a>/g, '');
    expect(view.matrices.length).toBe(1);
    expect(html).toContain(`<h2>Impact matrix: ${view.matrices[0]!.listLabel}</h2>`);
    for (const s of view.sections) expect(html).toContain(`<h1>${s.title.replace(/&/g, '&amp;')}</h1>`);
  });

  it('writes well-formed XML parts, and the same bytes for the same statement', async () => {
    const a = await docxBytes(complete(), undefined);
    const b = await docxBytes(complete(), undefined);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const parts = partsOf(a);
    expect([...parts.keys()]).toContain('word/document.xml');
    for (const [name, xml] of parts) if (/\.(xml|rels)$/.test(name)) expect(XMLValidator.validate(xml), name).toBe(true);
  });

  it('drops control characters, which XML cannot hold', async () => {
    const parts = partsOf(await docxBytes(withSummary('bell\u0007 and null\u0000 and lone \ud800 surrogate'), undefined));
    expect(XMLValidator.validate(parts.get('word/document.xml')!)).toBe(true);
    expect(parts.get('word/document.xml')).toContain('bell and null and lone  surrogate');
  });

  it('takes the styles of a reference document, as pandoc does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eis-ref-'));
    try {
      const reference = new Document({
        styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', run: { font: 'Agency House Serif', color: '123456', size: 40 } }] },
        sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Template text that must not appear')] })] }],
      });
      writeFileSync(join(dir, 'house.docx'), await Packer.toBuffer(reference));
      const styles = readReferenceStyles(join(dir, 'house.docx'), 'house.docx');
      const bytes = await docxBytes(complete(), styles);
      expect(partsOf(bytes).get('word/styles.xml')).toContain('Agency House Serif');
      expect(await textOf(bytes)).not.toContain('Template text');
      expect(await htmlOf(bytes)).toContain('<h1>At a glance</h1>');

      writeFileSync(join(dir, 'not.docx'), 'just text');
      expect(() => readReferenceStyles(join(dir, 'not.docx'), 'not.docx')).toThrow(EisError);
      expect(() => readReferenceStyles(join(dir, 'not.docx'), 'not.docx')).toThrow('not.docx is not a Word document (.docx): it is not a zip file.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to write a Word document to a terminal', () => {
    expect(() => refuseTerminal(true)).toThrow(/a Word document is binary and cannot be shown in a terminal/);
    expect(() => refuseTerminal(false)).not.toThrow();
  });
});
