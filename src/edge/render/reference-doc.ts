// The agency's house template for Word output, as pandoc's --reference-doc: its styles
// (word/styles.xml) replace the built-in ones; nothing else in it is used, so its text, macros,
// fields and links never reach a rendered statement.
import { inflateRawSync } from 'node:zlib';
import { EisError } from '../../core/errors.js';
import { storedData, zipDirectory } from '../../core/render/docx/zip.js';
import { readBytes } from '../files/statement-file.js';

/** Far above any real styles part (Word's own is some 300 KB), and a bound on what a zip bomb can take. */
const MAX_PART_BYTES = 16 * 1024 * 1024;

/** The parts of a .docx by name, each unpacked only when asked for. */
export function docxParts(bytes: Uint8Array, shown: string): Map<string, () => Uint8Array> {
  const parts = new Map<string, () => Uint8Array>();
  for (const entry of zipDirectory(bytes, shown))
    parts.set(entry.name, () => {
      const stored = storedData(bytes, entry);
      if (entry.method === 0) return stored;
      if (entry.method !== 8)
        throw new EisError(`${shown}: ${entry.name} is compressed in a way eis does not read (method ${entry.method}).`, { file: shown, hint: 'Save it again from Word or LibreOffice.' });
      try {
        return inflateRawSync(stored, { maxOutputLength: MAX_PART_BYTES });
      } catch {
        throw new EisError(`${shown}: ${entry.name} cannot be unpacked (damaged, or larger than ${MAX_PART_BYTES / 1024 / 1024} MB).`, {
          file: shown,
          hint: 'Save it again from Word or LibreOffice.',
        });
      }
    });
  return parts;
}

/** word/styles.xml of a reference document. `shown` is its path as the user gave it. */
export function readReferenceStyles(file: string, shown: string): string {
  const parts = docxParts(readBytes(file, 'reference document'), shown);
  const styles = parts.get('word/styles.xml');
  if (!styles) throw new EisError(`${shown} has no styles (word/styles.xml): it is not a Word document.`, { file: shown, hint: 'Give a .docx saved from Word or LibreOffice.' });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(styles());
  if (!/<w:styles[\s>]/.test(text)) throw new EisError(`${shown}: word/styles.xml holds no Word styles.`, { file: shown, hint: 'Give a .docx saved from Word or LibreOffice.' });
  return text;
}
