// The directory of a zip file (a .docx is one), read without unpacking anything: the reference
// document's styles are looked up in it, and the times in it are set so that the same statement
// always gives the same bytes. Only what Office writes is read: no ZIP64, no encryption.
import { EisError } from '../../errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  localOffset: number;
  /** Where its record in the central directory starts. */
  centralOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function zipDirectory(bytes: Uint8Array, shown: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (what: string) => new EisError(`${shown} is not a Word document (.docx): ${what}.`, { file: shown, hint: 'Save the reference document from Word or LibreOffice as .docx.' });
  // The end record is within the last 64 KiB (its comment is at most that long).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw bad('it is not a zip file');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw bad('its table of contents is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      centralOffset: at,
    };
    if (entry.localOffset + 30 > bytes.length || view.getUint32(entry.localOffset, true) !== LOCAL) throw bad(`${entry.name} is damaged`);
    entries.push(entry);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The bytes of an entry as stored (compressed when `method` is 8). */
export function storedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Sets every entry's time to 1980-01-01 00:00 (the first DOS date), in place. */
export function fixZipTimes(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const DATE = (0 << 9) | (1 << 5) | 1;
  for (const entry of zipDirectory(bytes, 'the document')) {
    view.setUint16(entry.centralOffset + 12, 0, true);
    view.setUint16(entry.centralOffset + 14, DATE, true);
    view.setUint16(entry.localOffset + 10, 0, true);
    view.setUint16(entry.localOffset + 12, DATE, true);
  }
  return bytes;
}
