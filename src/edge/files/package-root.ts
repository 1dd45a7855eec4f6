// Where eis's own files (schemas/, templates/) are, whether it runs from src/ in tests or from the
// bundle in dist/ (whose chunks live one folder deeper).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schemas', 'questionnaires'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('eis cannot find its schemas/ folder');
    dir = parent;
  }
  return (root = dir);
}
