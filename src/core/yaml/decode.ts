// Turning a file's bytes into text, refusing what is not UTF-8 YAML text at all.
import { EisError } from '../errors.js';

interface Position {
  line: number;
  column: number;
}

/** Largest file eis reads; a statement is a few KiB, so anything near this is not one. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Checks raw bytes for things that are not YAML text at all, then decodes them. */
/** The error for a file over MAX_FILE_BYTES: the same whether found before reading or after. */
export function tooLargeError(size: number, file: string): EisError {
  return new EisError(`the file is ${(size / 1048576).toFixed(1)} MB, larger than the ${MAX_FILE_BYTES / 1048576} MB eis reads.`, {
    file,
    hint: 'A statement is a few kilobytes; check that this is the right file.',
  });
}

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_FILE_BYTES) throw tooLargeError(bytes.length, file);
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    throw new EisError('the file is UTF-16 text; eis reads UTF-8.', { file, line: 1, column: 1, hint: 'Save it as UTF-8.' });
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionInBytes(bytes, nul);
    throw new EisError('the file holds a NUL byte, so it is binary, not YAML text.', { file, line, column, hint: 'Check that this is the right file.' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EisError('the file is not valid UTF-8 text.', { file, line: 1, column: 1, hint: 'Save it as UTF-8.' });
  }
  // A byte-order mark is harmless: drop it so columns on line 1 stay right.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // YAML counts a lone carriage return (old Mac files) as a line break; the yaml library does not,
  // and would read such a file as one long comment while js-yaml reads the answers.
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function positionInBytes(bytes: Uint8Array, index: number): Position {
  let line = 1;
  let start = 0;
  // Line breaks as the decoded text has them: LF, CRLF, or a lone CR.
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: index - start + 1 };
}
