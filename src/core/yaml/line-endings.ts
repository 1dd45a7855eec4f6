// Line endings: statements saved by Windows editors end their lines with CRLF.
import { decodeText } from './decode.js';

/**
 * A text whose every line ends with CRLF (as Windows editors write them), as LF text and the
 * ending to write back. YAML reads both endings the same, so the data does not change; the fast
 * readers and the line-keeping rewrite work on LF, and a file of mixed endings is kept as it is.
 */
export function lineEndings(text: string): { text: string; eol?: '\r\n' } {
  // Scans made by the regular expression engine: a loop over the characters of a 9 MB statement
  // took a fifth of a second.
  if (!text.includes('\r') || LONE_CR.test(text) || LF_ALONE.test(text)) return { text };
  return { text: withoutCr(text), eol: '\r\n' };
}

/**
 * A file's text (decodeText) with LF line endings, and `eol` when every line of the file ended with
 * CRLF. The CR bytes are dropped before decoding: the same text as lineEndings gives, without a
 * second copy of a large statement. Lines and columns are the same either way.
 */
export function decodeLines(bytes: Uint8Array, file: string): { text: string; eol?: '\r\n' } {
  const lf = withoutCrBytes(bytes);
  return lf ? { text: decodeText(lf, file), eol: '\r\n' } : { text: decodeText(bytes, file) };
}

/** The bytes without their CRs when every line ends with CRLF, else undefined; one pass, no text made. */
function withoutCrBytes(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.indexOf(13) === -1) return undefined;
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 13) {
      if (bytes[i + 1] !== 10) return undefined;
    } else {
      if (byte === 10 && bytes[i - 1] !== 13) return undefined;
      out[length++] = byte;
    }
  }
  return out.subarray(0, length);
}

/**
 * The text without its CRs. A string replace builds the new text a piece at a time (0.2 s for a
 * statement of a million lines); dropping the CR bytes from its UTF-8 takes a tenth of that, and
 * is exact: a CR byte is never part of another character. A string that is not well-formed
 * UTF-16 would not survive the round trip, and takes the replace.
 */
function withoutCr(text: string): string {
  // isWellFormed is in Node 20; TypeScript lists it from its ES2024 library on.
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return text.replaceAll('\r\n', '\n');
  const bytes = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 13) out[length++] = byte;
  }
  return out.toString('utf8', 0, length);
}

/** A CR not followed by LF (decodeText makes those LF, but not every text comes from a file). */
const LONE_CR = /\r(?!\n)/;
/** A LF without a CR before it: a file of mixed endings. */
const LF_ALONE = /(?<!\r)\n/;

/** The text with CRLF line endings, for writing back a statement that had them; fast as withoutCr. */
export function withCrlf(text: string): string {
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return text.replaceAll('\n', '\r\n');
  const bytes = Buffer.from(text, 'utf8');
  let lines = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  const out = Buffer.allocUnsafe(bytes.length + lines);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 10) out[length++] = 13;
    out[length++] = byte;
  }
  return out.toString('utf8', 0, length);
}
