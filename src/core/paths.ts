// Path arithmetic for core, which imports no Node built-in. Paths reach core already absolute (the
// edges resolve them against the working directory), so only names are taken apart and joined
// here. Both separators are understood; a joined path keeps the separator its input used.

const SEPARATORS = /[\\/]/;

function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function lastSeparator(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
}

function trimTrailing(path: string): string {
  let end = path.length;
  while (end > 1 && SEPARATORS.test(path.charAt(end - 1)) && !/^[A-Za-z]:[\\/]$/.test(path.slice(0, end))) end--;
  return path.slice(0, end);
}

export function basename(path: string, ext?: string): string {
  const trimmed = trimTrailing(path);
  const name = trimmed.slice(lastSeparator(trimmed) + 1);
  return ext && name.endsWith(ext) && name !== ext ? name.slice(0, -ext.length) : name;
}

export function dirname(path: string): string {
  const trimmed = trimTrailing(path);
  const at = lastSeparator(trimmed);
  if (at < 0) return '.';
  if (at === 0) return trimmed.charAt(0);
  if (/^[A-Za-z]:$/.test(trimmed.slice(0, at))) return trimmed.slice(0, at + 1);
  return trimmed.slice(0, at);
}

export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

/** Joins and normalises ("." and ".." segments), as path.join does. */
export function join(...parts: string[]): string {
  const sep = separatorOf(parts.find((p) => p.length) ?? '/');
  const joined = parts.filter((p) => p.length).join(sep);
  if (!joined) return '.';
  const absolute = SEPARATORS.test(joined.charAt(0));
  const drive = /^[A-Za-z]:/.exec(joined)?.[0] ?? '';
  const out: string[] = [];
  for (const segment of joined.slice(drive.length).split(SEPARATORS)) {
    if (!segment || segment === '.') continue;
    if (segment === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute && !drive) out.push('..');
    } else out.push(segment);
  }
  const body = out.join(sep);
  if (drive) return `${drive}${sep}${body}`;
  return absolute ? `${sep}${body}` : body || '.';
}

export function isAbsolute(path: string): boolean {
  return SEPARATORS.test(path[0] ?? '') || /^[A-Za-z]:[\\/]/.test(path);
}

/** `path` against `base` when relative; absolute paths are only normalised. */
export function resolveFrom(base: string, path: string): string {
  return isAbsolute(path) ? join(path) : join(base, path);
}
