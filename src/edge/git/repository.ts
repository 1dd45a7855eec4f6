// Where the repository that holds a config ends: a config arrives with a pull request, so the
// files it names (a questionnaire, templates) must stay inside unless the person running eis says
// otherwise. Links are resolved before comparing.
import { realpathSync } from 'node:fs';
import { realPathOf } from '../files/real-path.js';
import { git } from './run.js';

export { isWithin, realPathOf } from '../files/real-path.js';

const roots = new Map<string, string>();

/** The top of the git work tree holding `folder` (links resolved), or the folder itself outside git. */
export function repositoryRoot(folder: string): string {
  // Asked once per folder: render checks the config's templates and each partial against it.
  let root = roots.get(folder);
  if (root === undefined) {
    try {
      root = realpathSync(git(['rev-parse', '--show-toplevel'], folder).trim());
    } catch {
      root = realPathOf(folder);
    }
    roots.set(folder, root);
  }
  return root;
}
