// Initiatives without a memo: listed in initiatives.registry of the config, each must have a
// statement; eis new --initiative starts one with what the registry already says.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyExamples, eis } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyExamples());
  const config = join(dir, 'eis.config.yaml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace(
      '  exclude:\n',
      '  registry:\n    - id: case-portal-2027\n      title: Case management portal replacement\n      kind: project\n      division: Information Technology Division\n      owner: Lee Park\n  exclude:\n',
    ),
  );
});
afterEach(() => cleanup());

const STATEMENT = 'initiatives/case-portal-2027.eis.yaml';

describe('initiatives.registry', () => {
  it('requires a statement for each entry, pointing at the entry in the config', () => {
    const r = eis(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const missing = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'coverage/missing');
    expect(missing).toContainEqual(
      expect.objectContaining({
        file: 'eis.config.yaml',
        line: readFileSync(join(dir, 'eis.config.yaml'), 'utf8').split('\n').indexOf('    - id: case-portal-2027') + 1,
        column: 7,
        message: `The initiative "Case management portal replacement" (case-portal-2027) in initiatives.registry has no equity impact statement (expected ${STATEMENT}).`,
        hint: 'Create it with: eis new --initiative case-portal-2027',
      }),
    );
  });

  it('eis new --initiative starts the statement where statements.registry says, with the title, kind and division given', () => {
    const r = eis(['new', '--initiative', 'case-portal-2027'], { cwd: dir });
    expect(r.code).toBe(2);
    // Nothing asked for what the registry says; nothing left behind.
    expect(r.stderr).not.toMatch(/initiative\.(title|kind|division):/);
    expect(r.stderr).toContain('initiative.summary: "Plain-language summary" is required and not answered.');
    expect(r.stderr).toContain('Give the answers with: eis new --initiative case-portal-2027 --answers answers.yaml');
    expect(existsSync(join(dir, STATEMENT))).toBe(false);

    const answers = 'initiative:\n  summary: A new case system for caseworkers.\n';
    const made = eis(['new', '--initiative', 'case-portal-2027', '--answers', '-'], { cwd: dir, input: answers });
    expect(made.stdout.split('\n')[0]).toBe(STATEMENT);
    const data = parse(readFileSync(join(dir, STATEMENT), 'utf8'));
    expect(data.initiative).toMatchObject({ title: 'Case management portal replacement', kind: 'project', division: 'Information Technology Division', summary: 'A new case system for caseworkers.' });
    // Now it has its statement: the coverage error is gone.
    const after = JSON.parse(eis(['check', '--format', 'json'], { cwd: dir }).stdout);
    expect(after.findings.filter((f: { code: string; message: string }) => f.code === 'coverage/missing' && f.message.includes('case-portal-2027'))).toEqual([]);
    expect(after.statements.map((s: { file: string }) => s.file)).toContain(STATEMENT);
  });

  it('names the closest id for a typo, and refuses a memo and --initiative together', () => {
    expect(eis(['new', '--initiative', 'case-portl-2027'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'eis: "case-portl-2027" is not an initiative in initiatives.registry of eis.config.yaml. Did you mean "case-portal-2027"? Registered: case-portal-2027.\n',
    });
    expect(eis(['new', 'memos/license-suspension-change.md', '--initiative', 'case-portal-2027'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('not both') });
  });

  it('refuses a statements.registry path that leaves the repository', () => {
    const config = join(dir, 'eis.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8').replace(/^statements:\n/m, 'statements:\n  registry: "../elsewhere/{id}.eis.yaml"\n')}`);
    const r = eis(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/statements\.registry.*must be a path inside the repository/);
  });

  it('eis status lists the registered initiative, missing', () => {
    const r = eis(['status', '--format', 'json'], { cwd: dir });
    const rows = JSON.parse(r.stdout).rows ?? JSON.parse(r.stdout).initiatives;
    expect(JSON.stringify(rows)).toContain(STATEMENT);
  });
});
