// eis report as users run it: the files --out writes, the division filter, the errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eis, tempTree } from '../helpers/cli.js';
import { DIVISIONS, generateStatements, groupOf, type Generated } from './generate.js';

const tree = tempTree({ 'eis.config.yaml': 'questionnaire: equity-impact\n' });
let statements: Generated[];
beforeAll(() => {
  statements = generateStatements(40, 3);
  for (const s of statements) writeFileSync(join(tree.dir, s.name), s.text);
});
afterAll(() => tree.cleanup());
const env = { EIS_TODAY: '2026-03-15' };

describe('eis report', () => {
  it('writes every format into --out', () => {
    const r = eis(['report', '--format', 'md,json,html,csv', '--out', 'out'], { cwd: tree.dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(tree.dir, 'out')).sort()).toEqual(['actions.csv', 'gaps.csv', 'indicators.csv', 'populations.csv', 'report.html', 'report.json', 'report.md']);
    const json = JSON.parse(readFileSync(join(tree.dir, 'out', 'report.json'), 'utf8'));
    const populations = statements.flatMap((s) => s.data.populations.groups);
    expect(json.totals.populations).toBe(populations.length);
    expect(json.totals.statements).toBe(statements.length);
  });

  it('keeps to one division', () => {
    const division = DIVISIONS[0]!;
    const r = eis(['report', '--format', 'json', '--division', division], { cwd: tree.dir, env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const mine = statements.filter((s) => s.data.initiative.division === division);
    expect(json.totals.statements).toBe(mine.length);
    const burdens = mine.flatMap((s) => s.data.populations.groups.map((g: any) => groupOf(g, s.version))).filter((g) => g.effect === 'burden');
    expect(json.totals.burdens).toBe(burdens.length);
    expect(json.byDivision.map((d: { division: string }) => d.division)).toEqual([division]);
  });

  it('says what is wrong with a flag, and names a statement it cannot read', () => {
    expect(eis(['report', '--format', 'csv'], { cwd: tree.dir, env })).toMatchObject({ code: 2, stderr: expect.stringContaining('Add --out DIR') });
    expect(eis(['report', '--format', 'pdf'], { cwd: tree.dir, env })).toMatchObject({ code: 2, stderr: expect.stringContaining('"pdf" is not a format') });
    const broken = tempTree({ 'eis.config.yaml': 'questionnaire: equity-impact\n', 'a.eis.yaml': 'eis: 1\nquestionnaire: nope@1\n', 'b.eis.yaml': statements[0]!.text });
    try {
      const r = eis(['report', '--format', 'json'], { cwd: broken.dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^a\.eis\.yaml:2:\d+: .*nope/m);
      expect(JSON.parse(r.stdout).totals.statements).toBe(1);
    } finally {
      broken.cleanup();
    }
  });
});
