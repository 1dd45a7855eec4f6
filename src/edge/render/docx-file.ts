// Word output at the edge: the document built by core, and its bytes written where they belong.
// A .docx is binary: it goes to a file or a pipe, never to a terminal, where it would be garbage
// and could send control sequences to the terminal.
import { EisError } from '../../core/errors.js';
import { buildDocx } from '../../core/render/docx/document.js';
import { packDocx } from '../../core/render/docx/pack.js';
import type { StatementView } from '../../core/render/view.js';

export function docxBytes(view: StatementView, referenceStyles: string | undefined): Promise<Uint8Array> {
  return packDocx(buildDocx(view, { referenceStyles }), view);
}

/** Refuses to start when the Word document would go to a terminal. */
export function refuseTerminal(isTerminal = Boolean(process.stdout.isTTY)): void {
  if (isTerminal)
    throw new EisError('a Word document is binary and cannot be shown in a terminal.', {
      hint: 'Write it to a file with --out FILE.docx, or send it into a pipe or a file: eis render STATEMENT --format docx > FILE.docx',
    });
}

export function writeStdoutBytes(bytes: Uint8Array): void {
  process.stdout.write(bytes);
}
