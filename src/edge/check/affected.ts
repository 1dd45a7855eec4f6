// Which statements a set of changed files affects (for --since): a statement is affected when it
// changed, or when a memo it covers changed, was added or was deleted. A memo it covers is one
// beside it by the config's naming, one in its initiative folder, or one its memo list names.
import { basename, dirname, extname, resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { readBytes } from '../files/statement-file.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { readStatement } from '../../core/statement/reader.js';
import { listedMemos } from '../review/memo-hash.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { isPlainObject } from '../../core/questionnaire/answers.js';

const MEMO = /\.(md|markdown|txt|docx)$/i;

export function affectedStatements(statements: string[], changed: Set<string>, config: Pick<Config, 'statements'>, known: (id: string) => Questionnaire | undefined): string[] {
  const memos = [...changed].filter((f) => MEMO.test(f));
  // `folder/stem` of each changed memo: the statement beside it has the same.
  const stems = new Set(memos.map((m) => resolve(dirname(m), basename(m, extname(m)))));
  const folders = new Set(memos.map((m) => dirname(m)));
  const [prefix, suffix] = config.statements.memo.split('{name}') as [string, string]; // the config makes sure it holds {name}
  return statements.filter((file) => {
    if (changed.has(file)) return true;
    const name = basename(file);
    if (name.startsWith(prefix) && name.endsWith(suffix) && stems.has(resolve(dirname(file), name.slice(prefix.length, name.length - suffix.length)))) return true;
    if (name === config.statements.folder && folders.has(dirname(file))) return true;
    return memos.length > 0 && listsAny(file, memos, known);
  });
}

/** Whether the statement's memo list names one of these memos; the file is parsed only when it mentions one by name. */
function listsAny(file: string, memos: string[], known: (id: string) => Questionnaire | undefined): boolean {
  let text: string;
  try {
    text = decodeLines(readBytes(file, 'statement'), file).text;
  } catch {
    return false; // the check itself reports an unreadable statement when it is checked
  }
  if (!memos.some((m) => text.includes(basename(m)))) return false;
  let data: unknown;
  try {
    data = readStatement(text, file).data;
  } catch {
    return true; // unparsable and naming the memo: check it, and the check says why
  }
  const pin = isPlainObject(data) && typeof data.questionnaire === 'string' ? /^([a-z][a-z0-9_-]*)@/.exec(data.questionnaire.trim()) : null;
  const model = pin ? known(pin[1]!) : undefined;
  if (!model) return true;
  const dir = dirname(file);
  return listedMemos(model, data).some((p) => memos.includes(resolve(dir, p)));
}
