// One walk of the folders the config's initiative globs start from: the memos the globs take, the
// initiative folders, the files that look like memos but no glob takes, and the globs that take
// nothing. check, status and lint share it (once per config), so the tree is walked once a run.
import { resolve } from 'node:path';
import { globSync, escapePath } from 'tinyglobby';
import type { Config } from '../../core/config/config.js';
import { configGlobs, isUnder, MEMO_LIKE, MEMO_LIKE_EXTENSIONS, memoMatcher, nearestGlob, type ConfigGlob } from '../../core/check/memo-globs.js';

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const STATEMENT = /\.eis\.ya?ml$/i;

export interface UncoveredMemo {
  /** Absolute path. */
  file: string;
  /** The glob whose folder holds it. */
  near: ConfigGlob;
}

export interface MemoScan {
  /** Absolute paths of the files the memo globs take (statements never). */
  memoFiles: string[];
  /** Absolute paths of the initiative folders, without a trailing separator. */
  folderPaths: string[];
  uncovered: UncoveredMemo[];
  /** Globs that take nothing once the excluded paths are left out. */
  empty: ConfigGlob[];
  globs: ConfigGlob[];
}

const scans = new WeakMap<Config, MemoScan>();

export function scanMemos(config: Config): MemoScan {
  let scan = scans.get(config);
  if (!scan) {
    scan = scan_(config);
    scans.set(config, scan);
  }
  return scan;
}

function scan_(config: Config): MemoScan {
  const { memos, folders, exclude } = config.initiatives;
  const globs = configGlobs(config.initiatives);
  const negated = [...memos, ...folders].filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const ignore = [...IGNORE, ...exclude, ...negated];
  const options = { cwd: config.root, ignore, followSymbolicLinks: false, expandDirectories: false } as const;
  const memoGlobs = globs.filter((g) => g.key === 'memos');
  const folderGlobs = globs.filter((g) => g.key === 'folders');

  // Folders first: files inside an initiative folder are its statement's, never uncovered.
  const folderRel = new Map<ConfigGlob, string[]>();
  for (const g of folderGlobs)
    folderRel.set(
      g,
      globSync(g.glob, { ...options, onlyDirectories: true }).map((f) => f.replace(/\/+$/, '')),
    );
  const folderSet = [...new Set([...folderRel.values()].flat())].sort();
  const inFolder = (rel: string) => folderSet.some((f) => rel.startsWith(`${f}/`));

  // One case-blind walk for the memo globs (x.MD is a memo) and the memo-like files under their
  // folders; each path found is then matched exactly, the extension in any case.
  const bases = [...new Set(globs.map((g) => g.base))];
  // A glob that starts at the config's own folder would make the whole repository a memo folder:
  // there, only the files beside the config are looked at.
  const lookAt = bases.map((b) => (b ? `${escapePath(b)}/**/*.${MEMO_LIKE_EXTENSIONS}` : `*.${MEMO_LIKE_EXTENSIONS}`));
  const positive = memoGlobs.map((g) => g.glob);
  const found = positive.length || lookAt.length ? globSync([...positive, ...lookAt], { ...options, onlyFiles: true, caseSensitiveMatch: false }) : [];

  const matchers = memoGlobs.map((g) => ({ glob: g, matches: memoMatcher(g.glob) }));
  const taken = new Set<ConfigGlob>();
  const memoFiles: string[] = [];
  const uncovered: UncoveredMemo[] = [];
  for (const rel of found) {
    if (STATEMENT.test(rel)) continue;
    const hits = matchers.filter((m) => m.matches(rel));
    if (hits.length) {
      for (const h of hits) taken.add(h.glob);
      memoFiles.push(resolve(config.root, rel));
      continue;
    }
    if (!MEMO_LIKE.test(rel) || inFolder(rel)) continue;
    const near = nearestGlob(
      rel,
      globs.filter((g) => (g.base === '' ? !rel.includes('/') : isUnder(rel, g.base))),
    );
    if (near) uncovered.push({ file: resolve(config.root, rel), near });
  }
  for (const [g, list] of folderRel) if (list.length) taken.add(g);
  return {
    memoFiles: memoFiles.sort(),
    folderPaths: folderSet.map((f) => resolve(config.root, f)),
    uncovered: uncovered.sort((a, b) => (a.file < b.file ? -1 : 1)),
    empty: globs.filter((g) => !taken.has(g)),
    globs,
  };
}
