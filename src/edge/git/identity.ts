// Who is at the keyboard, as git knows them: the identity their commits will carry.
import { spawnSync } from 'node:child_process';

export function gitIdentity(cwd: string): { name?: string | undefined; email?: string | undefined } {
  const read = (key: string) => {
    const result = spawnSync('git', ['config', '--get', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const value = result.status === 0 ? result.stdout.trim() : '';
    return value || undefined;
  };
  return { name: read('user.name'), email: read('user.email') };
}
