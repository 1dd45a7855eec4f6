// Word memos for tests, made with the docx package as an author's Word would save them.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A paragraph: plain text, a heading (`title` or a level), an empty paragraph, or a table of cells. */
export type WordBlock = string | { title: string } | { heading: 1 | 2 | 3; text: string } | { empty: true } | { table: string[][] } | { runs: string[] };

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function paragraph(block: Exclude<WordBlock, { table: string[][] }>): Paragraph {
  if (typeof block === 'string') return new Paragraph(block);
  if ('title' in block) return new Paragraph({ text: block.title, heading: HeadingLevel.TITLE });
  if ('heading' in block) return new Paragraph({ text: block.text, heading: LEVELS[block.heading] });
  if ('runs' in block) return new Paragraph({ children: block.runs.map((text, i) => new TextRun({ text, bold: i % 2 === 1 })) });
  return new Paragraph({});
}

export async function makeDocx(blocks: WordBlock[]): Promise<Buffer> {
  const children = blocks.map((b) =>
    typeof b === 'object' && 'table' in b ? new Table({ rows: b.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }) : paragraph(b),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
