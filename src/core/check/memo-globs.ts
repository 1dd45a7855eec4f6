// The config's initiative globs as coverage reads them: the folder each starts from, whether a path
// matches a memo glob (the extension in any case: `x.MD` is a memo), and why a file that looks like
// a memo was missed. Pure: paths relative to the config's folder, with `/`, in; answers out.
import picomatch from 'picomatch';

/** The extensions of files that look like memos, whatever their case. */
export const MEMO_LIKE = /\.(md|markdown|docx)$/i;
export const MEMO_LIKE_EXTENSIONS = '{md,markdown,docx}';

export interface ConfigGlob {
  key: 'memos' | 'folders';
  /** Its index in the config's list, for the line of an error. */
  index: number;
  glob: string;
  /** The folder it starts from, relative to the config ('' for the config's own folder). */
  base: string;
}

/** The part of a glob before its first wildcard: `memos` for `memos/**\/*.md`, '' for `*.md`. */
export function globBase(glob: string): string {
  const scan = picomatch.scan(glob);
  // A plain path names one file (or folder): it starts from the folder that holds it.
  const base = scan.isGlob ? scan.base : glob.replace(/\/+$/, '').replace(/\/?[^/]*$/, '');
  return base
    .replace(/^(\.\/)+/, '')
    .replace(/^\.$/, '')
    .replace(/\/+$/, '');
}

export function configGlobs(initiatives: { memos: string[]; folders: string[] }): ConfigGlob[] {
  const list = (key: 'memos' | 'folders') => initiatives[key].flatMap((glob, index) => (glob.startsWith('!') ? [] : [{ key, index, glob, base: globBase(glob) }]));
  return [...list('memos'), ...list('folders')];
}

function extension(rel: string): { stem: string; ext: string } {
  const slash = rel.lastIndexOf('/');
  const dot = rel.lastIndexOf('.');
  return dot > slash + 1 ? { stem: rel.slice(0, dot), ext: rel.slice(dot) } : { stem: rel, ext: '' };
}

/** Whether a path matches any of the globs, with its extension in any case. */
export function memoMatcher(globs: string | string[]): (rel: string) => boolean {
  const exact = picomatch(globs);
  return (rel) => {
    if (exact(rel)) return true;
    const { stem, ext } = extension(rel);
    if (!ext) return false;
    return exact(stem + ext.toLowerCase()) || exact(stem + ext.toUpperCase());
  };
}

/** Whether `rel` lies under a glob's base folder. */
export function isUnder(rel: string, base: string): boolean {
  return base === '' || rel.startsWith(`${base}/`);
}

/** The glob whose folder holds `rel` most closely: the one it nearly matched. */
export function nearestGlob(rel: string, globs: ConfigGlob[]): ConfigGlob | undefined {
  let best: ConfigGlob | undefined;
  for (const g of globs) if (isUnder(rel, g.base) && (!best || g.base.length > best.base.length || (g.base.length === best.base.length && g.key === 'memos' && best.key !== 'memos'))) best = g;
  return best;
}

/** A glob that takes every memo-like file under a folder. */
export function recursiveMemoGlob(base: string): string {
  return `${base ? `${base}/` : ''}**/*.${MEMO_LIKE_EXTENSIONS}`;
}

/** Why a memo glob does not take `rel`, a file under its folder, in words that follow the glob. */
export function whyMissed(rel: string, glob: ConfigGlob): string {
  const quoted = `"${glob.glob}"`;
  if (glob.key === 'folders') return `it lies beside the initiative folders of ${quoted}, not inside one`;
  const matches = memoMatcher(glob.glob);
  const { ext } = extension(rel);
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const dir = rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
  const inBase = glob.base ? `${glob.base}/${name}` : name;
  const otherExtensions = ['.md', '.markdown', '.docx', '.txt'].filter((e) => e !== ext.toLowerCase());
  const withExt = (path: string) => otherExtensions.some((e) => matches(extension(path).stem + e));
  const deeper = dir !== glob.base;
  if (deeper && matches(inBase)) return `${quoted} does not reach into subfolders`;
  if (!deeper && withExt(rel)) return `${quoted} does not take ${ext || 'extensionless'} files`;
  if (deeper && withExt(inBase)) return `${quoted} does not reach into subfolders, nor take ${ext || 'extensionless'} files`;
  return `${quoted} does not match it`;
}
