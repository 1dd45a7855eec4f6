// No answer is ever lost: a save killed at any moment leaves the statement readable with every
// answer confirmed before the kill, and two writers on one statement never silently overwrite
// each other (one of them is refused with the "changed on disk" error).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStatement, writeAtomic } from '../../src/edge/files/statement-file.js';
import { eis, ROOT, tempTree } from '../helpers/cli.js';
import { buildSaveChild, type Run, sleep, waitFor } from './save-runner.js';

const KILLS = Math.max(50, Number(process.env.EIS_FUZZ_RUNS) / 20 || 0);
const RACES = Math.max(40, Number(process.env.EIS_FUZZ_RUNS) / 10 || 0);

const tree = tempTree();
// The child runs eis's own save layer from source, bundled like eis itself.
const { start, cleanup } = buildSaveChild();
afterAll(() => {
  tree.cleanup();
  cleanup();
});

const HEADER = 'eis: 1\nquestionnaire: equity-impact@1\n# answers the test saves go under x-log\n';

describe('no lost answers: saves killed with SIGKILL', () => {
  it(`keeps every confirmed answer across ${KILLS} kills at random moments`, { timeout: 60_000 + KILLS * 2_000 }, async () => {
    const file = join(tree.dir, 'killed.eis.yaml');
    writeFileSync(file, HEADER);
    const confirmed = new Map<number, string>();
    let next = 0;
    let killedMidway = 0;
    for (let round = 0; round < KILLS; round++) {
      const run = start(['loop', file, String(next)]);
      // Let it start, then kill it somewhere within its first saves.
      await waitFor(() => run.out.length > 0 || run.proc.exitCode !== null);
      await sleep(Math.random() * 40);
      run.proc.kill('SIGKILL');
      await run.done;
      const saved = run.out.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6)));
      expect(
        run.out.filter((l) => !l.startsWith('saved ')),
        'the writer printed only confirmations',
      ).toEqual([]);
      for (const n of saved) confirmed.set(n, `answer ${n} `.repeat(200).trim());
      // The file always parses, and holds every answer confirmed so far, whole.
      const data = readStatement(file).source.data as Record<string, Record<string, string>>;
      for (const [n, value] of confirmed) expect(data['x-log']?.[`a${n}`], `a${n} after round ${round}`).toBe(value);
      const written = Object.keys(data['x-log'] ?? {}).length;
      if (written > confirmed.size) killedMidway++;
      next = Math.max(next, ...saved.map((n) => n + 1));
    }
    expect(confirmed.size).toBeGreaterThan(KILLS);
    // A kill can leave a temporary file, a lock or a lock-breaking marker (never *.eis.yaml): eis does not read them as statements.
    const left = readdirSync(tree.dir).filter((f) => f.startsWith('.killed.eis.yaml.'));
    for (const f of left) expect(f).toMatch(/\.tmp$|\.lock$|\.break$/);
    const check = eis(['check', '--format', 'json', tree.dir], { cwd: tree.dir });
    expect(
      JSON.parse(check.stdout)
        .statements.map((s: { file: string }) => s.file)
        .filter((f: string) => f.includes('killed')),
    ).toEqual(['killed.eis.yaml']);
    // The next save (every writer above is dead by now) breaks a stale lock and removes what the
    // killed saves left: nothing is left beside the statement.
    const last = readStatement(file);
    writeAtomic(file, last.text, last.hash);
    expect(readdirSync(tree.dir).filter((f) => f.startsWith('.killed.eis.yaml.'))).toEqual([]);
    // Informational: how often the kill landed between a write and its confirmation.
    expect(killedMidway).toBeGreaterThanOrEqual(0);
  });
});

describe('no lost answers: two writers at once', () => {
  it(`never lets one silently overwrite the other (${RACES} races)`, { timeout: 60_000 + RACES * 2_000 }, async () => {
    const file = join(tree.dir, 'raced.eis.yaml');
    const outcomes = { oneRefused: 0, bothSaved: 0 };
    for (let race = 0; race < RACES; race++) {
      writeFileSync(file, HEADER);
      const gun = join(tree.dir, `go-${race}`);
      const a = start(['race', file, 'first', gun]);
      const b = start(['race', file, 'second', gun]);
      await waitFor(() => a.out.includes('ready') && b.out.includes('ready'));
      writeFileSync(gun, '');
      await Promise.all([a.done, b.done]);
      const result = (r: Run) => r.out.find((l) => l !== 'ready') ?? '';
      const data = readStatement(file).source.data as Record<string, Record<string, string>>;
      const kept = Object.keys(data['x-log'] ?? {});
      for (const [name, r] of [
        ['first', a],
        ['second', b],
      ] as const) {
        const said = result(r);
        expect(said, `${name}: ${r.out.join(' | ')}`).toMatch(/^saved$|^refused: the file changed on disk since eis read it/);
        // A writer that said "saved" must find its answer in the file.
        if (said === 'saved') expect(kept, `race ${race}: ${name} was told its answer was saved`).toContain(name);
      }
      if (result(a) === 'saved' && result(b) === 'saved') outcomes.bothSaved++;
      else outcomes.oneRefused++;
    }
    // Both read the same version, so both can never save: one is always refused.
    expect(outcomes.bothSaved).toBe(0);
    expect(outcomes.oneRefused).toBe(RACES);
  });
});

describe('no lost answers: eis answer --answers killed with SIGKILL', () => {
  it('leaves the statement whole: each killed run saved all of its answers or none', { timeout: 120_000 }, async () => {
    const file = join(tree.dir, 'binary.eis.yaml');
    const original = readFileSync(join(ROOT, 'examples/memos/online-application-portal.eis.yaml'), 'utf8');
    writeFileSync(file, original);
    const answers = join(tree.dir, 'answers.yaml');
    const confirmed: Record<string, string> = {};
    let kills = 0;
    // A first run to the end sets both answers, so every later state can be compared.
    writeFileSync(answers, 'proposal:\n  desired_results: "Round start"\nanalysis:\n  root_causes: "Round start"\n');
    expect(eis(['answer', file, '--answers', answers]).code).toBe(1);
    confirmed.value = 'Round start';
    for (let round = 0; round < 30; round++) {
      const value = `Round ${round}: ${'long answer '.repeat(50).trim()}`;
      writeFileSync(answers, `proposal:\n  desired_results: "${value}"\nanalysis:\n  root_causes: "${value}"\n`);
      const proc = spawn(process.execPath, [join(ROOT, 'bin/eis.js'), 'answer', file, '--answers', answers], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', EIS_TODAY: '2026-11-23' } });
      const done = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
      await sleep(80 + Math.random() * 250);
      proc.kill('SIGKILL');
      const code = await done;
      const data = readStatement(file).source.data as Record<string, Record<string, string>>;
      if (code === null) {
        kills++;
        // All or nothing: both answers of this run, or the previous ones.
        const now = [data.proposal.desired_results, data.analysis.root_causes];
        expect(now[0]).toBe(now[1]);
        if (now[0] !== value) expect(now[0]).toBe(confirmed.value);
        if (now[0] === value) confirmed.value = value;
      } else {
        expect([0, 1], `exit code of a finished run`).toContain(code);
        confirmed.value = value;
        expect(data.proposal.desired_results).toBe(value);
        expect(data.analysis.root_causes).toBe(value);
      }
      // What a person wrote elsewhere is untouched.
      expect(readFileSync(file, 'utf8')).toContain('# Draft: the engagement and data sections');
    }
    expect(kills).toBeGreaterThan(0);
  });
});
