// Which initiatives must have a statement, and where it is expected. Pure: the caller lists files.
import { basename, dirname, extname, join } from '../paths.js';
import type { Config } from '../config/config.js';

export interface Initiative {
  /** The memo file or initiative folder, absolute. */
  path: string;
  kind: 'memo' | 'folder';
  /** Where its statement is expected, absolute. */
  statement: string;
  /** Memo files whose content the statement covers (for sign-off hashes). */
  memos: string[];
}

export function statementPathForMemo(config: Pick<Config, 'statements'>, memo: string): string {
  const name = basename(memo, extname(memo));
  return join(dirname(memo), config.statements.memo.replace(/\{name\}/g, name));
}

export function statementPathForFolder(config: Pick<Config, 'statements'>, folder: string): string {
  return join(folder, config.statements.folder);
}

export function initiativesFrom(config: Pick<Config, 'statements'>, memos: string[], folders: string[], folderMemos: (folder: string) => string[]): Initiative[] {
  return [
    ...memos.map((memo) => ({ path: memo, kind: 'memo' as const, statement: statementPathForMemo(config, memo), memos: [memo] })),
    ...folders.map((folder) => ({ path: folder, kind: 'folder' as const, statement: statementPathForFolder(config, folder), memos: folderMemos(folder) })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}
