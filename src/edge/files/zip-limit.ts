// A Word file is a zip archive, and a few kilobytes of zip can inflate to gigabytes. Before mammoth
// (through JSZip) inflates one in memory, every entry is inflated here with a ceiling, so a zip
// bomb stops at the ceiling instead of at the end of memory. The sizes the archive declares are
// not trusted: they are what a hostile file lies about.
import { inflateRawSync } from 'node:zlib';
import { EisError } from '../../core/errors.js';

/** Inflated bytes read from one Word file at most: a long memo's XML is a few megabytes. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Throws an EisError at `file` when the archive is not one eis can read, or inflates past `limit`. */
export function assertZipWithin(bytes: Uint8Array, file: string, limit = MAX_INFLATED_BYTES): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new EisError(`the Word file is damaged or not a Word file: ${why}.`, { file, code: 'file/unreadable', hint: 'Open it in Word and save it again as .docx.' });
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : Number.NaN);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : Number.NaN);

  let end = -1;
  // The end record sits in the last 22 bytes, or before a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken('it is not a zip archive');
  const entries = u16(end + 10);
  const directory = u32(end + 16);
  // Word never needs ZIP64 for a file this small; JSZip would read its sizes from elsewhere.
  if (entries === 0xffff || directory === 0xffffffff) throw broken('it is a ZIP64 archive');

  let total = 0;
  let at = directory;
  for (let i = 0; i < entries; i++) {
    if (u32(at) !== DIRECTORY_ENTRY) throw broken('its table of contents is cut short');
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const local = u32(at + 42);
    const next = at + 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (u32(local) !== LOCAL_HEADER) throw broken('an entry is not where its table of contents says');
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (!(start + compressed <= bytes.length)) throw broken('an entry runs past the end of the file');
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) total += compressed;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') total = limit + 1;
        else throw broken('an entry does not inflate');
      }
    } else throw broken(`an entry is compressed with method ${method}, which Word does not use`);
    if (total > limit)
      throw new EisError(`the Word file inflates to more than ${limit / 1048576} MB, more than eis reads.`, {
        file,
        code: 'file/unreadable',
        hint: 'Check that this is the right file; a memo with large pictures can be saved without them for review.',
      });
    at = next;
  }
}
