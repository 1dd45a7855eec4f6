// Where files went: renames and deletions between a commit and the working tree, from one
// `git diff`. Used to say where a memo went when its statement is left behind.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { git } from './run.js';
import { repoRoot } from './repo.js';

export interface FileMoves {
  /** Absolute (real) old path -> absolute new path, as git's rename detection found them. */
  renamed: Map<string, string>;
  /** Absolute (real) path of a deleted file -> its blob id at the base commit. */
  deleted: Map<string, string>;
  /** The blob id of a file's content as git computes it (sha1, or sha256 in such repositories). */
  blobId(content: Buffer): string;
}

/**
 * Renames and deletions from the merge base of `since` and HEAD (or HEAD itself) to the working
 * tree, including what is staged. Undefined when `folder` is in no repository or git fails: then
 * nothing is known about where files went.
 */
export function fileMoves(folder: string, since?: string): FileMoves | undefined {
  try {
    const root = realpathSync(repoRoot(folder));
    let base = 'HEAD';
    if (since) {
      try {
        base = git(['merge-base', '--end-of-options', since, 'HEAD'], root).trim() || since;
      } catch {
        base = since;
      }
    }
    const out = git(['diff', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color', base, '--'], root);
    const renamed = new Map<string, string>();
    const deleted = new Map<string, string>();
    let idLength = 40;
    const fields = out.split('\0');
    // Each status is followed by its paths: the reads below stay within the fields.
    for (let i = 0; i < fields.length - 1; ) {
      const meta = fields[i++]!;
      if (!meta.startsWith(':')) continue;
      // ":<mode> <mode> <old id> <new id> <status>"
      const [, , oldId = '', , status = ''] = meta.split(' ');
      if (oldId) idLength = oldId.length;
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = fields[i++]!;
        const to = fields[i++]!;
        if (status.startsWith('R')) renamed.set(resolve(root, from), resolve(root, to));
      } else {
        const path = fields[i++]!;
        if (status === 'D') deleted.set(resolve(root, path), oldId);
      }
    }
    const algorithm = idLength === 64 ? 'sha256' : 'sha1';
    return {
      renamed,
      deleted,
      blobId: (content) => createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest('hex'),
    };
  } catch {
    return undefined;
  }
}
