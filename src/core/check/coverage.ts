// Which initiatives must have a statement, and where it is expected. Pure: the caller lists files.
import { basename, dirname, extname, join } from '../paths.js';
import type { Config } from '../config/config.js';

export interface Initiative {
  /** The memo file or initiative folder, absolute; for one in the config's registry, its statement. */
  path: string;
  kind: 'memo' | 'folder' | 'registered';
  /** For a registered initiative: its entry in initiatives.registry, and where that entry is. */
  registered?: { id: string; title: string; index: number } | undefined;
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

/** Where the statement of a registered initiative goes: statements.registry, relative to the config. */
export function statementPathForRegistered(config: Pick<Config, 'statements' | 'root'>, id: string): string {
  return join(config.root, config.statements.registry.replace(/\{id\}/g, id));
}

export function initiativesFrom(config: Pick<Config, 'statements' | 'root' | 'initiatives'>, memos: string[], folders: string[], folderMemos: (folder: string) => string[]): Initiative[] {
  const registered = config.initiatives.registry.map((entry, index): Initiative => {
    const statement = statementPathForRegistered(config, entry.id);
    return { path: statement, kind: 'registered', registered: { id: entry.id, title: entry.title, index }, statement, memos: [] };
  });
  return [
    ...memos.map((memo) => ({ path: memo, kind: 'memo' as const, statement: statementPathForMemo(config, memo), memos: [memo] })),
    ...folders.map((folder) => ({ path: folder, kind: 'folder' as const, statement: statementPathForFolder(config, folder), memos: folderMemos(folder) })),
    ...registered,
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}
