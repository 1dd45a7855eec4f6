// A file the user could not write in place is never replaced (a save renames a new file over the
// old one, which needs only the folder to be writable), and a write refused by the system says it
// could not write, and why. As root, for whom access() allows everything, a file without its
// owner's write bit (chmod 444) counts as read-only; the rules for other users run as nobody.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, tempTree } from '../helpers/cli.js';
import { runEis } from './run.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const tree = tempTree();
afterAll(() => tree.cleanup());
// Folders nobody can reach.
chmodSync(tree.dir, 0o755);

const STATEMENT = readFileSync(join(EXAMPLES, 'memos', 'online-application-portal.eis.yaml'), 'utf8');

let count = 0;
function folder(mode = 0o755): string {
  const dir = join(tree.dir, `case-${++count}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 's.eis.yaml'), STATEMENT);
  writeFileSync(join(dir, 'answers.yaml'), 'proposal:\n  desired_results: Fewer missed payments, in every group.\n');
  chmodSync(join(dir, 'answers.yaml'), 0o644);
  chmodSync(dir, mode);
  return dir;
}

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('a read-only statement', () => {
  it('is not replaced by eis answer (chmod 444): exit 2, one line, the file as it was', async () => {
    const dir = folder();
    const file = join(dir, 's.eis.yaml');
    chmodSync(file, 0o444);
    const run = await runEis(['answer', 's.eis.yaml', '--answers', 'answers.yaml'], { cwd: dir, timeoutMs: 20_000 });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^eis: \S*s\.eis\.yaml: the statement is read-only \(you have no permission to write it\); eis did not change it\./)]);
    expect(run.stdout).not.toMatch(/saved/i);
    expect(readFileSync(file, 'utf8')).toBe(STATEMENT);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('is not replaced by eis signoff either', async () => {
    const dir = folder();
    chmodSync(join(dir, 's.eis.yaml'), 0o444);
    const run = await runEis(['signoff', '--name', 'Ana Souza', '--role', 'Equity officer', '--decision', 'changes-requested', 's.eis.yaml'], { cwd: dir, timeoutMs: 20_000 });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(/the statement is read-only/);
    expect(readFileSync(join(dir, 's.eis.yaml'), 'utf8')).toBe(STATEMENT);
  });

  it('is not replaced by eis render --out (a read-only page)', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'page.md'), 'kept\n');
    chmodSync(join(dir, 'page.md'), 0o444);
    const run = await runEis(['render', 's.eis.yaml', '--out', 'page.md'], { cwd: dir, timeoutMs: 20_000 });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^eis: \S*page\.md: the output file is read-only/)]);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe('kept\n');
  });

  it.skipIf(!isRoot)('owned by another user, who alone may write it, is not replaced by nobody in a folder nobody may write (run as root only: needs another user)', async () => {
    const dir = folder(0o777);
    const file = join(dir, 's.eis.yaml');
    chmodSync(file, 0o644);
    const run = await runEis(['answer', 's.eis.yaml', '--answers', 'answers.yaml'], { cwd: dir, timeoutMs: 20_000, uid: NOBODY, gid: NOBODY });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(/the statement is read-only \(you have no permission to write it\)/);
    expect(readFileSync(file, 'utf8')).toBe(STATEMENT);
    expect(statSync(file).uid).toBe(0);
  });
});

describe('a write the system refuses', () => {
  it.skipIf(!isRoot)('in a read-only folder says the statement cannot be written, and why (run as nobody: root may write anywhere)', async () => {
    const dir = folder(0o555);
    chmodSync(join(dir, 's.eis.yaml'), 0o666);
    const run = await runEis(['answer', 's.eis.yaml', '--answers', 'answers.yaml'], { cwd: dir, timeoutMs: 20_000, uid: NOBODY, gid: NOBODY });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(oneLine(run.stderr)).toEqual([
      expect.stringMatching(
        /^eis: \S*s\.eis\.yaml: the statement cannot be written: its folder \S+ is read-only for you \(permission denied\), and eis saves by writing a new file beside the old one\.$/,
      ),
    ]);
    expect(run.stderr).not.toMatch(/cannot be read/);
    expect(readFileSync(join(dir, 's.eis.yaml'), 'utf8')).toBe(STATEMENT);
  });
});
