// The kill loop (`npm run test:kill`, not part of `npm test`): KILL_RUNS (default 1,000) rounds,
// each killing savers with SIGKILL at a random moment. Half the rounds start with a stale lock (a
// dead writer's record, a pid alone as older eis wrote, or an empty lock from a full disk) and two
// writers at once, who both find it. After every round: the statement parses; every answer a
// writer was told was saved is there, whole; nothing else is (each writer's next answer at most,
// saved just before the kill); and the next round's writers must save within 10 s, so a lock left
// by a kill never blocks a save. It prints the counts and exits 1 on the first failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStatement, writeAtomic } from '../../src/edge/files/statement-file.js';
import { buildSaveChild, ROOT, type Run, sleep, waitFor } from './save-runner.js';

const RUNS = Number(process.env.KILL_RUNS ?? 1000);
const HEADER = 'eis: 1\nquestionnaire: equity-impact@1\n# the kill loop saves answers under x-log\n';
const value = (n: number) => `answer ${n} `.repeat(200).trim();
const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
const STALE = [`eis lock: pid ${dead}, started 12345, 0123456789abcdef\n`, String(dead), ''];

const counts = { rounds: 0, staleRounds: 0, kills: 0, confirmedSaves: 0, savedBeforeConfirmation: 0, staleLocksBroken: 0, locksLeftByKills: 0, tempFilesLeftByKills: 0 };

function fail(message: string): never {
  console.error(`kill loop: FAILED in round ${counts.rounds}: ${message}`);
  console.error(JSON.stringify(counts));
  process.exit(1);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'eis-kill-'));
  // In the package folder itself (not node_modules, which may be a link to another checkout's):
  // the child finds this checkout's schemas/.
  const child = buildSaveChild(ROOT);
  const file = join(dir, 'killed.eis.yaml');
  const lock = join(dir, '.killed.eis.yaml.lock');
  /** Answers each writer was told were saved, and the next number each starts from. */
  let confirmed = new Map<string, number>();
  let next = 0;
  try {
    for (let round = 0; round < RUNS; round++) {
      counts.rounds = round + 1;
      // A fresh statement now and then, so saves stay the size of a real statement's.
      if (round % 20 === 0) {
        rmSync(lock, { force: true });
        writeFileSync(file, HEADER);
        confirmed = new Map();
      }
      const left = readdirSync(dir).filter((f) => f.startsWith('.killed.eis.yaml.'));
      if (left.includes('.killed.eis.yaml.lock')) counts.locksLeftByKills++;
      counts.tempFilesLeftByKills += left.filter((f) => f.endsWith('.tmp')).length;
      const stale = round % 2 === 1;
      if (stale) {
        counts.staleRounds++;
        writeFileSync(lock, STALE[round % 3]!);
        const past = new Date(Date.now() - 60_000);
        utimesSync(lock, past, past);
      }
      const tags = stale ? ['a', 'b'] : ['a'];
      const from = next;
      const runs: Run[] = tags.map((tag) => child.start(['loop', file, String(from), tag]));
      // Each writer is killed at a random moment after its first save: if a lock a kill left
      // behind blocked it, it would never save, and the round fails here.
      await Promise.all(
        runs.map(async (run, i) => {
          try {
            await waitFor(() => run.out.length > 0 || run.proc.exitCode !== null, 10_000);
          } catch {
            run.proc.kill('SIGKILL');
            fail(`writer ${tags[i]} did not save within 10 s (a lock that is never broken?)`);
          }
          await sleep(Math.random() * 30);
          if (run.proc.kill('SIGKILL')) counts.kills++;
          await run.done;
        }),
      );
      let top = from;
      runs.forEach((run, i) => {
        for (const line of run.out) {
          const n = /^saved (\d+)$/.exec(line);
          if (!n) fail(`writer ${tags[i]} printed ${JSON.stringify(line)}`);
          confirmed.set(`${tags[i]}${n[1]}`, Number(n[1]));
          counts.confirmedSaves++;
          top = Math.max(top, Number(n[1]) + 1);
        }
      });
      if (stale && run0Saved(runs)) counts.staleLocksBroken++;
      // The statement parses, holds every confirmed answer whole, and nothing but those and at
      // most each writer's one answer saved just before its kill.
      let data: Record<string, Record<string, string>>;
      try {
        data = readStatement(file).source.data as typeof data;
      } catch (error) {
        fail(`the statement does not parse: ${(error as Error).message}`);
      }
      const log = data['x-log'] ?? {};
      for (const [key, n] of confirmed) if (log[key] !== value(n)) fail(`${key} was confirmed saved, and the statement holds ${JSON.stringify(log[key]?.slice(0, 40))}`);
      for (const [key, text] of Object.entries(log)) {
        if (confirmed.has(key)) continue;
        const match = /^([ab])(\d+)$/.exec(key);
        const lastOfWriter = Math.max(from - 1, ...[...confirmed].filter(([k]) => k.startsWith(match?.[1] ?? '?')).map(([, n]) => n));
        if (!match || Number(match[2]) !== lastOfWriter + 1 || text !== value(Number(match[2]))) fail(`${key} is in the statement, and no writer was saving it`);
        confirmed.set(key, Number(match[2]));
        counts.savedBeforeConfirmation++;
        top = Math.max(top, Number(match[2]) + 1);
      }
      next = top;
      if ((round + 1) % 100 === 0) console.log(`kill loop: ${round + 1} rounds, ${counts.kills} kills, ${counts.confirmedSaves} saves confirmed`);
    }
    // Every writer is dead: the next save breaks what they left and leaves nothing beside the statement.
    const last = readStatement(file);
    writeAtomic(file, last.text, last.hash);
    const leftover = readdirSync(dir).filter((f) => f.startsWith('.killed.eis.yaml.'));
    if (leftover.length) fail(`the last save left ${leftover.join(', ')}`);
  } finally {
    child.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`kill loop: passed. ${JSON.stringify(counts)}`);
  console.log(
    `kill loop: ${counts.rounds} rounds (${counts.staleRounds} with a stale lock and two writers), ${counts.kills} SIGKILLs during saves, ${counts.confirmedSaves} saves confirmed and none lost, ${counts.savedBeforeConfirmation} saved just before a kill, ${counts.staleLocksBroken} planted stale locks broken, ${counts.locksLeftByKills} locks and ${counts.tempFilesLeftByKills} temporary files left by kills, all broken or removed by later saves.`,
  );
}

/** Whether a writer of the round saved at all (then the planted stale lock was broken). */
const run0Saved = (runs: Run[]) => runs.some((r) => r.out.some((l) => l.startsWith('saved ')));

await main();
