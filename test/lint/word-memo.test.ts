// Word memos: their paragraphs read with mammoth, linted as text, and findings placed at the
// paragraph and the heading above it; damaged and inflating files are findings, not crashes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWordParagraphs } from '../../src/edge/files/word.js';
import { assertZipWithin } from '../../src/edge/files/zip-limit.js';
import { lintMemoFile } from '../../src/edge/lint/run.js';
import { lintReporters } from '../../src/core/lint/report.js';
import { wordTitle } from '../../src/core/statement/prefill.js';
import { tempTree } from '../helpers/cli.js';
import { makeDocx, type WordBlock } from '../helpers/word.js';
import { lintOptions } from './helpers.js';

const tree = tempTree();
afterAll(() => tree.cleanup());
let n = 0;
async function docx(blocks: WordBlock[]): Promise<string> {
  const file = join(tree.dir, `memo-${n++}.docx`);
  writeFileSync(file, await makeDocx(blocks));
  return file;
}

const MEMO: WordBlock[] = [
  { title: 'Benefit notice redesign' },
  { empty: true },
  { heading: 1, text: 'Background' },
  'Notices go out by mail.',
  { runs: ['Today the obligor gets a letter ', 'in bold', ' about arrears.'] },
  { heading: 1, text: 'Proposal' },
  {
    table: [
      ['Who', 'What'],
      ['Each obligor', 'A text message'],
    ],
  },
  'We stop calling anyone a deadbeat parent.',
];

describe('reading a Word memo', () => {
  it('gives every paragraph in order, tables included, with Word headings marked', async () => {
    const paragraphs = await readWordParagraphs(await docx(MEMO), 'memo.docx');
    expect(paragraphs.filter((p) => p.text)).toEqual([
      { text: 'Benefit notice redesign', heading: true },
      { text: 'Background', heading: true },
      { text: 'Notices go out by mail.', heading: false },
      { text: 'Today the obligor gets a letter in bold about arrears.', heading: false },
      { text: 'Proposal', heading: true },
      { text: 'Who', heading: false },
      { text: 'What', heading: false },
      { text: 'Each obligor', heading: false },
      { text: 'A text message', heading: false },
      { text: 'We stop calling anyone a deadbeat parent.', heading: false },
    ]);
  });

  it('takes the first heading as the title, and none from a memo without one', async () => {
    expect(wordTitle(await readWordParagraphs(await docx(MEMO), 'memo.docx'))).toBe('Benefit notice redesign');
    expect(wordTitle(await readWordParagraphs(await docx(['Plain text.', { heading: 2, text: 'Later  heading' }]), 'memo.docx'))).toBe('Later heading');
    expect(wordTitle(await readWordParagraphs(await docx(['No heading at all.']), 'memo.docx'))).toBeUndefined();
  });
});

describe('linting a Word memo', () => {
  it('places findings at the paragraph (empty ones not counted), the character, and the heading above', async () => {
    const { findings } = await lintMemoFile(await docx(MEMO), 'memos/notice.docx', lintOptions());
    expect(findings.map((f) => ({ code: f.code, phrase: f.phrase, line: f.line, column: f.column, paragraph: f.paragraph, heading: f.heading }))).toEqual([
      { code: 'lint/glossary/obligor', phrase: 'obligor', line: 4, column: 11, paragraph: 4, heading: 'Background' },
      { code: 'lint/glossary/arrears', phrase: 'arrears', line: 4, column: 47, paragraph: 4, heading: 'Background' },
      { code: 'lint/glossary/obligor', phrase: 'obligor', line: 8, column: 6, paragraph: 8, heading: 'Proposal' },
      { code: 'lint/glossary/deadbeat-parent', phrase: 'deadbeat parent', line: 10, column: 26, paragraph: 10, heading: 'Proposal' },
    ]);
  });

  it('a heading sits under the heading before it, and the first paragraphs under none', async () => {
    const { findings } = await lintMemoFile(await docx(['The obligor first.', { heading: 1, text: 'Arrears' }]), 'm.docx', lintOptions());
    expect(findings.map((f) => [f.phrase, f.paragraph, f.heading])).toEqual([
      ['obligor', 1, undefined],
      ['Arrears', 2, undefined],
    ]);
  });

  it('the config waives and rates Word findings as any other', async () => {
    const { findings, suppressed } = await lintMemoFile(await docx(MEMO), 'm.docx', lintOptions({ ignore: ['arrears'] }, { 'lint/glossary/obligor': 'error' }));
    expect(findings.filter((f) => f.code === 'lint/glossary/obligor').map((f) => f.severity)).toEqual(['error', 'error']);
    expect(suppressed.map((f) => [f.code, f.paragraph, f.suppressedBy])).toEqual([['lint/glossary/arrears', 4, { by: 'config', entry: 'arrears' }]]);
  });

  it('reporters name the paragraph: text, JSON, GitHub, SARIF (no region: a Word file has no lines)', async () => {
    const file = 'memos/notice.docx';
    const linted = await lintMemoFile(await docx(['The obligor.', { heading: 1, text: 'Next' }, 'A deadbeat parent.']), file, lintOptions());
    const report = { files: [{ file, kind: 'word' as const, ...linted }] };
    const ctx = { color: { red: String, yellow: String, green: String, dim: String, underline: String, bold: String }, strict: false, version: '0.1.0', tool: 'lint' } as never;
    const text = lintReporters.text!(report, ctx);
    expect(text).toContain('  ¶1:5    warning  Instead of "obligor", write "parent who pays support".  lint/glossary/obligor\n');
    expect(text).toContain('                   in paragraph 3 (under "Next")\n');
    expect(text).toMatch(/in paragraph 1\n/);
    const json = JSON.parse(lintReporters.json!(report, ctx));
    expect(json.files).toEqual([{ file, kind: 'word' }]);
    expect(json.findings.map((f: { paragraph: number; heading?: string; column: number }) => [f.paragraph, f.heading, f.column])).toEqual([
      [1, undefined, 5],
      [3, 'Next', 3],
    ]);
    const github = lintReporters.github!(report, ctx);
    expect(github).toContain('::error file=memos/notice.docx,title=eis lint%3A lint/glossary/deadbeat-parent::In paragraph 3 (under "Next"): Instead of "deadbeat parent"');
    expect(github).not.toContain('line=');
    const result = JSON.parse(lintReporters.sarif!(report, ctx)).runs[0].results[1];
    expect(result.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' } }, logicalLocations: [{ name: 'paragraph 3', fullyQualifiedName: 'Next > paragraph 3', kind: 'element' }] },
    ]);
    expect(result.properties).toEqual({ paragraph: 3, column: 3, heading: 'Next' });
    expect(result.message.text).toMatch(/^In paragraph 3 \(under "Next"\): Instead of "deadbeat parent"/);
    const junit = lintReporters.junit!(report, ctx);
    expect(junit).toContain('memos/notice.docx: paragraph 3 (under &quot;Next&quot;), error lint/glossary/deadbeat-parent');
  });
});

describe('a damaged or hostile Word file', () => {
  it('is one unreadable-file finding at the file, not a crash', async () => {
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['text.docx', Buffer.from('just some text, renamed'), /not a zip archive/],
      ['cut.docx', (await makeDocx(MEMO)).subarray(0, 4000), /damaged or not a Word file/],
      ['empty.docx', new Uint8Array(), /not a zip archive/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = join(tree.dir, name);
      writeFileSync(file, bytes);
      const { findings } = await lintMemoFile(file, name, lintOptions());
      expect(findings).toMatchObject([{ code: 'file/unreadable', severity: 'error', fatal: true, file: name, line: 1, column: 1, message: expect.stringMatching(message) }]);
    }
  });

  it('a zip that is not a Word document: mammoth says what is missing', async () => {
    const real = await makeDocx(MEMO);
    // The same archive with its main part renamed: a zip, but no document in it.
    const renamed = Buffer.from(real);
    for (let i = renamed.indexOf('word/document.xml'); i !== -1; i = renamed.indexOf('word/document.xml', i + 1)) renamed.write('word/documenX.xml', i);
    const file = join(tree.dir, 'no-document.docx');
    writeFileSync(file, renamed);
    const { findings } = await lintMemoFile(file, 'no-document.docx', lintOptions());
    expect(findings).toMatchObject([{ code: 'file/unreadable', fatal: true, message: expect.stringMatching(/^The Word file could not be read \(.+\)\.$/) }]);
  });

  it('stops inflating at the limit, whatever sizes the archive declares', async () => {
    // Three million characters of one letter: a few kilobytes of zip, megabytes of XML.
    const bytes = await makeDocx([`${'a'.repeat(3_000_000)}`]);
    expect(bytes.length).toBeLessThan(100_000);
    expect(() => assertZipWithin(bytes, 'bomb.docx', 1024 * 1024)).toThrow(/inflates to more than 1 MB/);
    expect(() => assertZipWithin(bytes, 'bomb.docx', 8 * 1024 * 1024)).not.toThrow();
    // A hostile archive declares small sizes: the limit holds, since the sizes are not read.
    const lying = Buffer.from(bytes);
    for (let at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1)) lying.writeUInt32LE(10, at + 24);
    expect(() => assertZipWithin(lying, 'bomb.docx', 1024 * 1024)).toThrow(/inflates to more than 1 MB/);
    const file = join(tree.dir, 'bomb.docx');
    writeFileSync(file, lying);
    await expect(readWordParagraphs(file, 'bomb.docx', 1024 * 1024)).rejects.toMatchObject({ code: 'file/unreadable', file: 'bomb.docx' });
  });
});
