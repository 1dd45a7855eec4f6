// mammoth, apart: src/edge/files/word.ts loads this module only when a Word memo is read, so
// commands that read none never load mammoth and JSZip.
import mammoth from 'mammoth';

/** Hands the document mammoth reads to `visit`, and converts nothing. */
export async function visitWordDocument(buffer: Buffer, visit: (document: unknown) => void): Promise<void> {
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: { children: unknown[] }) => {
        visit(document);
        // Nothing left to convert: the HTML would be thrown away.
        return { ...document, children: [] };
      },
    },
  );
}
