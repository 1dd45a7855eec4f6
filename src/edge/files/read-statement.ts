// The one way a statement file is read: bytes from disk, decoded, hashed (a save checks the file
// still has them), then parsed by core. Parsing and positions live in core/statement/change.ts.
import { statementFromText, type StatementText } from '../../core/statement/change.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { hashText, readBytes } from './statement-file.js';

export function readStatementText(file: string): StatementText {
  const bytes = readBytes(file, 'statement');
  return statementFromText(file, decodeLines(bytes, file), hashText(bytes));
}
