// Running git: always an argument array (never a shell), refs checked before use.
import { spawnSync } from 'node:child_process';
import { EisError } from '../../core/errors.js';

export function assertSafeRef(ref: string): void {
  if (!ref || ref.startsWith('-') || /[\0\n\r]/.test(ref)) throw new EisError(`"${ref}" is not a usable git ref.`, { hint: 'Name a branch, tag or commit; refs cannot start with "-".' });
}

/** Runs git with arguments; a failure becomes an EisError with `failure` or git's own message. */
export function git(args: string[], cwd: string, failure?: string, hint?: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new EisError(code === 'ENOENT' ? 'git is not installed or not on the PATH.' : `git could not run (${code}).`);
  }
  if (result.status !== 0) {
    const message = result.stderr.trim().split('\n')[0] ?? '';
    if (/not a git repository/i.test(message)) throw new EisError('this folder is not inside a git repository.', { file: cwd, hint: 'Run eis from a git checkout, or drop --git/--since.' });
    throw new EisError(failure ?? `git ${args[0]} failed: ${message.replace(/^fatal: /, '')}`, { hint });
  }
  return result.stdout;
}
