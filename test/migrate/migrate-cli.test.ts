// eis migrate through the built binary: every v1 example and fixture moves to equity-impact@2 with
// no answer text lost; comments and untouched lines stay; approvals survive a migration that
// changes no meaning and nothing else; a migration that would lose an answer is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { eis, ROOT, tempTree } from '../helpers/cli.js';
import { copyExamples } from '../helpers/cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const REMINDERS = 'memos/text-payment-reminders.eis.yaml';
const PORTAL = 'memos/online-application-portal.eis.yaml';

function examples(): string {
  const tree = copyExamples();
  cleanups.push(tree.cleanup);
  return tree.dir;
}

/** Every string, number and boolean among a statement's answers (not its pin or records). */
function texts(data: unknown, out: string[] = [], top = true): string[] {
  if (Array.isArray(data)) for (const v of data) texts(v, out, false);
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) if (!(top && ['questionnaire', 'eis', 'migrated'].includes(k))) texts(v, out, false);
  } else if (data !== null && data !== undefined && data !== '') out.push(String(data));
  return out;
}

function statementsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...statementsUnder(path));
    else if (name.endsWith('.eis.yaml')) found.push(path);
  }
  return found;
}

describe('eis migrate', () => {
  it('moves every v1 example and fixture to equity-impact@2 with no answer text lost', () => {
    const dir = examples();
    cpSync(join(ROOT, 'test', 'fixtures'), join(dir, 'fixtures'), { recursive: true });
    const v1 = statementsUnder(dir).filter((file) => {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
        return !text.includes('\0') && parse(text)?.questionnaire === 'equity-impact@1';
      } catch {
        return false; // broken on purpose: migrate reports it, this test counts only readable ones
      }
    });
    expect(v1.length).toBeGreaterThanOrEqual(9);
    const before = new Map(v1.map((file) => [file, parse(readFileSync(file, 'utf8'))]));
    const r = eis(['migrate', ...v1.map((f) => relative(dir, f))], { cwd: dir });
    expect(r.stderr).toContain(`eis: ${v1.length} statements migrated to equity-impact@2.`);
    expect(r.code).toBe(0);
    for (const [file, old] of before) {
      const now = parse(readFileSync(file, 'utf8'));
      expect(now.questionnaire, file).toBe('equity-impact@2');
      expect(now.migrated, file).toEqual([{ from: 'equity-impact@1', to: 'equity-impact@2', date: '2026-11-23' }]);
      const kept = new Set(texts(now));
      for (const text of texts(old)) expect(kept.has(text), `${relative(dir, file)}: "${text}"`).toBe(true);
      for (const [i, group] of (old.populations?.groups ?? []).entries()) {
        expect(now.populations.groups[i].effect, file).toBe(group.direction);
        expect(now.populations.groups[i].directness, file).toBe(group.effect);
        // One kind in v1; v2 takes several (intersections), so the kind becomes a list of one.
        if (group.population !== undefined) expect(now.populations.groups[i].kinds, file).toEqual([group.population]);
        expect(now.populations.groups[i], file).not.toHaveProperty('population');
      }
    }
  });

  it('changes only the lines a step changed: comments and folded text stay', () => {
    const dir = examples();
    const file = join(dir, PORTAL);
    const text = readFileSync(file, 'utf8').replace('populations:\n', '# Who is affected, reviewed in March.\npopulations:\n');
    writeFileSync(file, text);
    expect(eis(['migrate', PORTAL], { cwd: dir }).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# Who is affected, reviewed in March.\npopulations:\n');
    const changed = (a: string, b: string) => {
      const x = a.split('\n');
      const y = new Set(b.split('\n'));
      return x.filter((line) => !y.has(line));
    };
    // Gone: the pin and the renamed keys' lines; nothing else.
    for (const line of changed(text, after)) expect(line).toMatch(/^questionnaire: equity-impact@1$|^ +(effect|direction|population): /);
    expect(after).toContain('    - id: limited-english-applicants\n      kinds:\n        - language\n');
  });

  it('--dry-run prints what would change and writes nothing', () => {
    const dir = examples();
    const text = readFileSync(join(dir, PORTAL), 'utf8');
    const r = eis(['migrate', '--dry-run', PORTAL], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${PORTAL}: equity-impact@1 -> equity-impact@2 (dry run, nothing written)\n  populations.groups.0.effect -> populations.groups.0.directness\n`);
    expect(readFileSync(join(dir, PORTAL), 'utf8')).toBe(text);
  });

  it('refuses, with exit 2 and the file unchanged, a migration that would replace an answer', () => {
    const dir = examples();
    const file = join(dir, PORTAL);
    const text = readFileSync(file, 'utf8').replace('      effect: direct\n', '      effect: direct\n      directness: my own note\n');
    writeFileSync(file, text);
    const r = eis(['migrate', PORTAL, REMINDERS], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `eis: ${PORTAL}: not migrated to equity-impact@2, nothing written:\n  moving populations.groups.0.effect to populations.groups.0.directness would replace the answer there.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(parse(readFileSync(join(dir, REMINDERS), 'utf8')).questionnaire).toBe('equity-impact@2');
  });

  it('says so when --to names another questionnaire or a version it cannot reach', () => {
    const dir = examples();
    expect(eis(['migrate', '--to', 'other@2'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining("--to names other, but the config's questionnaire is equity-impact.") });
    expect(eis(['migrate', '--to', 'equity-impact@7'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('equity-impact has no version 7 eis can reach.') });
  });
});

describe('a statement of an earlier version', () => {
  it('is checked against its own questions, with a word that a newer version exists', () => {
    const dir = examples();
    const r = eis(['check', REMINDERS], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${REMINDERS}  equity-impact@1, approved`);
    expect(r.stderr).toBe('eis: 1 statement answers equity-impact@1, checked against its own questions; equity-impact@2 is newer, and eis migrate moves them to it.\n');
  });
});

describe('approvals across a migration', () => {
  it('stay valid when nothing but the migration changed the answers', () => {
    const dir = examples();
    expect(eis(['migrate', REMINDERS], { cwd: dir }).code).toBe(0);
    const r = eis(['check', REMINDERS], { cwd: dir });
    // Approved under v1, the example answers none of what v2 adds to a full assessment (perception,
    // advancing equity, resources, assumptions, who was not reached, race): the approval still covers
    // the answers it approved, and the findings are only the answers v2 asks for.
    // 34 of 44: v2's 8 new required questions, and the population and engagement lists, whose
    // entries now lack a required field (the perception; the languages, accessibility ...).
    expect(r.stdout).toContain(`${REMINDERS}  equity-impact@2, approved, level full, 34/44 required answered`);
    expect(r.stdout).not.toMatch(/no longer covers|approval\/|signoff\//);
    const findings = r.stdout.split('\n').filter((line) => /^ +\d+:\d+ +error /.test(line));
    expect(findings.length).toBe(21);
    for (const line of findings) expect(line).toMatch(/ {2}(required|rule\/race-examined)$/);
    expect(r.code).toBe(1);
  });

  it('go stale when an answer changes after the migration', () => {
    const dir = examples();
    expect(eis(['migrate', REMINDERS], { cwd: dir }).code).toBe(0);
    const file = join(dir, REMINDERS);
    writeFileSync(file, readFileSync(file, 'utf8').replace('effect: unknown', 'effect: benefit'));
    const r = eis(['check', REMINDERS], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no longer covers the statement: the answers changed/);
  });

  it('are not rescued by a migration record written by hand over changed answers', () => {
    const dir = examples();
    const file = join(dir, REMINDERS);
    // A v2 statement that was never migrated: the keys renamed by hand, one answer changed, a record added.
    const forged = readFileSync(file, 'utf8')
      .replace('questionnaire: equity-impact@1', 'questionnaire: equity-impact@2\nmigrated:\n  - { from: equity-impact@1, to: equity-impact@2, date: 2026-11-01 }')
      .replaceAll('      effect: ', '      directness: ')
      .replaceAll('      direction: ', '      effect: ')
      .replace('effect: unknown', 'effect: benefit');
    writeFileSync(file, forged);
    const r = eis(['check', REMINDERS], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no longer covers the statement: the answers changed/);
  });
});

describe('eis diff across versions', () => {
  it('compares the old side as migrated, and says so', () => {
    const dir = examples();
    const tree = tempTree();
    cleanups.push(tree.cleanup);
    cpSync(join(dir, REMINDERS), join(tree.dir, 'old.eis.yaml'));
    expect(eis(['migrate', REMINDERS], { cwd: dir }).code).toBe(0);
    const file = join(dir, REMINDERS);
    writeFileSync(file, readFileSync(file, 'utf8').replace('effect: unknown', 'effect: burden'));
    const r = eis(['diff', join(tree.dir, 'old.eis.yaml'), REMINDERS], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the old version answers equity-impact@1 and the new one equity-impact@2; the old one is compared as eis migrate would move it.');
    expect(r.stdout).toMatch(/Effect: Unknown -> Burden/);
    expect(r.stdout).not.toMatch(/Direct or indirect/);
  });
});
