// The architecture, checked: the rules in .dependency-cruiser.cjs (core is pure, edges do not
// reach into commands, no import circles) and no circle between folders either.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Cruise {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
}

function cruise(cwd: string): Cruise {
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!r.stdout) throw new Error(`depcruise printed nothing: ${r.stderr}`);
  return JSON.parse(r.stdout) as Cruise;
}

/** The folder a file belongs to, as the layers are drawn: src/core/<area>, src/edge/<area>, src/cli/<command>. */
function folderOf(file: string): string | undefined {
  const area = /^src\/(core|edge|cli)\/([^/]+)\//.exec(file);
  if (area) return `src/${area[1]}/${area[2]}`;
  return file.startsWith('src/') ? dirname(file) : undefined;
}

/** Groups of folders that import each other, round and round (Tarjan's strongly connected components). */
function folderCircles(result: Cruise): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const m of result.modules) {
    const from = folderOf(m.source);
    if (!from) continue;
    for (const d of m.dependencies) {
      const to = folderOf(d.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) circles.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return circles;
}

describe('the layers of src', () => {
  const result = cruise(ROOT);

  it('keep every rule of .dependency-cruiser.cjs', () => {
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  it('have no circle between folders', () => {
    expect(folderCircles(result)).toEqual([]);
  });
});

describe('the rules catch what they are for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eis-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  write('src/core/check/reads.ts', "import { readFileSync } from 'node:fs';\nimport { ask } from '../../edge/interview/ask.js';\nexport const x = [readFileSync, ask];\n");
  write('src/edge/interview/ask.ts', "import { run } from '../../cli/check/run.js';\nexport const ask = run;\n");
  write('src/cli/check/run.ts', "import { other } from '../render/run.js';\nexport const run = other;\n");
  write('src/cli/render/run.ts', "import { run } from '../check/run.js';\nexport const other = () => run;\n");
  write('src/core/diff/a.ts', "import { b } from '../review/b.js';\nexport const a = () => b;\n");
  write('src/core/review/b.ts', "import { c } from '../diff/c.js';\nexport const b = () => c;\n");
  write('src/core/diff/c.ts', 'export const c = 1;\n');
  const planted = cruise(dir);
  const broken = new Set(planted.summary.violations.map((v) => v.rule.name));

  it('a Node built-in or an edge imported by core, a command imported by an edge, commands importing each other, a circle', () => {
    expect([...broken].sort()).toEqual(['commands-stay-apart', 'core-imports-only-core', 'core-is-pure', 'edge-does-not-import-cli', 'no-circular']);
  });

  it('a circle between folders with none between files', () => {
    expect(folderCircles(planted)).toContainEqual(['src/core/diff', 'src/core/review']);
  });
});
