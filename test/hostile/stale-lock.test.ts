// A lock left by a save that died (killed, or a full disk that left it empty) is taken over by
// exactly one writer: two writers that find the same stale lock never both save. Before take-over
// was atomic (check, delete, create), both could be told "saved" and one answer was lost.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStatement } from '../../src/edge/files/statement-file.js';
import { buildSaveChild, waitFor } from './save-runner.js';

const RACES = Math.max(1000, Number(process.env.EIS_FUZZ_RUNS) || 0);
const WRITERS = ['first', 'second', 'third'];

const dir = mkdtempSync(join(tmpdir(), 'eis-stale-'));
const child = buildSaveChild();
afterAll(() => {
  child.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// A long statement: each writer's check and rename take a while, as in a real statement.
const HEADER = `eis: 1\nquestionnaire: equity-impact@1\nx-note: |\n${'  a line of text that makes the statement long\n'.repeat(300)}`;

/** The pid of a process that has exited: what a killed save leaves in its lock. */
const dead = spawnSync(process.execPath, ['-e', '0']).pid!;

/**
 * What a save leaves in its lock when it dies, written a minute ago: its record, its pid alone
 * (eis before locks held a record), or nothing at all (a full disk).
 */
function plantStaleLock(lock: string, race: number): void {
  writeFileSync(lock, [`eis lock: pid ${dead}, started 12345, 0123456789abcdef\n`, String(dead), ''][race % 3]!);
  const past = new Date(Date.now() - 60_000);
  utimesSync(lock, past, past);
}

describe('a stale lock', () => {
  it(`is taken over by one writer only (${RACES} races of ${WRITERS.length} writers against a stale lock)`, { timeout: 120_000 + RACES * 500 }, async () => {
    const file = join(dir, 'raced.eis.yaml');
    const lock = join(dir, '.raced.eis.yaml.lock');
    const gates = join(dir, 'gates');
    rmSync(gates, { recursive: true, force: true });
    spawnSync('mkdir', [gates]);
    const runs = WRITERS.map((name) => child.start(['races', file, name, gates, String(RACES)]));
    const outcomes = { oneSaved: 0, noneSaved: 0, lost: [] as string[] };
    try {
      for (let race = 0; race < RACES; race++) {
        writeFileSync(file, HEADER);
        plantStaleLock(lock, race);
        writeFileSync(join(gates, `arm-${race}`), '');
        await waitFor(() => runs.every((r) => r.out.includes(`ready ${race}`) || r.proc.exitCode !== null), 30_000);
        writeFileSync(join(gates, `go-${race}`), '');
        await waitFor(() => runs.every((r) => r.out.some((l) => l.startsWith(`${race} `)) || r.proc.exitCode !== null), 30_000);
        const said = runs.map((r) => r.out.find((l) => l.startsWith(`${race} `))?.slice(`${race} `.length) ?? `exited: ${r.out.join(' | ')}`);
        for (const s of said) expect(s, `race ${race}`).toMatch(/^saved$|^refused: the file changed on disk since eis read it/);
        const kept = Object.keys((readStatement(file).source.data as { 'x-log'?: object })['x-log'] ?? {});
        const saved = WRITERS.filter((_, i) => said[i] === 'saved');
        // A writer told "saved" finds its answer in the file: never two.
        for (const name of saved) if (!kept.includes(name)) outcomes.lost.push(`race ${race}: ${name} was told "saved" but the file holds ${kept.join(', ') || 'no answer'}`);
        if (saved.length === 1) outcomes.oneSaved++;
        else if (saved.length === 0) outcomes.noneSaved++;
      }
    } finally {
      for (const r of runs) r.proc.kill('SIGKILL');
    }
    console.log(`stale lock: ${RACES} races: ${outcomes.oneSaved} with one writer saved, ${outcomes.noneSaved} with none, ${outcomes.lost.length} answers lost`);
    expect(outcomes.lost).toEqual([]);
    // The stale lock never stops everyone: some writer saves in nearly every race.
    expect(outcomes.oneSaved).toBeGreaterThan(RACES * 0.9);
  });
});
