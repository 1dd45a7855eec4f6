// scripts/translation-source.mjs fills and checks the `source` hashes of a translation: the first 12
// hex characters of the SHA-256 of the English text as JSON, as the translation format defines it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'translation-source.mjs');
const ROOT = join(import.meta.dirname, '..', '..');

const ENGLISH = `id: tiny
version: 1
title: Tiny
computed:
  - id: level
    label: Level
    help: Not part of the hash.
    values: [{ value: low, label: Low }, { value: high, label: High }]
    cases: []
    otherwise: low
sections:
  - id: s
    title: The section
    questions:
      - id: q
        label: Pick one
        type: choice
        help: >-
          Two lines
          of help.
        example: 2026-06-30
        choices:
          - { value: a, label: A }
          - { value: b, label: B, help: Bee. }
      - id: items
        label: Items
        type: list
        fields:
          - { id: name, label: Name, type: text }
rules:
  - id: r
    message: >-
      "{name}" is
      wrong.
    each: s.items
    require: { field: name, answered: true }
`;

const TRANSLATION = `translation: 1
language: es
questionnaire: tiny@1
sections:
  s:
    title: La sección
    source: x
questions:
  s.q:
    label: Elija una
    help: Dos líneas de ayuda.
    example: '2026-06-30'
    choices:
      a: A
      b: { label: B, help: Be. }
    source: x
  s.items:
    label: Cosas
    source: x
  s.items.name:
    label: Nombre
    source: x
computed:
  level:
    label: Nivel
    values: { low: Bajo, high: Alto }
    source: x
rules:
  r:
    message: '"{name}" está mal.'
    source: x
`;

const hash = (english: unknown) => createHash('sha256').update(JSON.stringify(english), 'utf8').digest('hex').slice(0, 12);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eis-translation-'));
  writeFileSync(join(dir, 'tiny.yaml'), ENGLISH);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(translation: string | undefined, ...flags: string[]) {
  const args = [SCRIPT, join(dir, 'tiny.yaml')];
  if (translation !== undefined) {
    writeFileSync(join(dir, 'tiny.es.yaml'), translation);
    args.push(join(dir, 'tiny.es.yaml'), ...flags);
  }
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout };
}

describe('translation-source.mjs', () => {
  it('prints the hash of each entry as the format defines it', () => {
    const { code, out } = run(undefined);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      `sections\ts\t${hash({ title: 'The section' })}`,
      `questions\ts.q\t${hash({
        label: 'Pick one',
        help: 'Two lines of help.',
        example: '2026-06-30',
        choices: [
          ['a', 'A'],
          ['b', 'B', 'Bee.'],
        ],
      })}`,
      `questions\ts.items\t${hash({ label: 'Items' })}`,
      `questions\ts.items.name\t${hash({ label: 'Name' })}`,
      `computed\tlevel\t${hash({
        label: 'Level',
        values: [
          ['low', 'Low'],
          ['high', 'High'],
        ],
      })}`,
      `rules\tr\t${hash({ message: '"{name}" is wrong.' })}`,
    ]);
  });

  it('--fill writes every source line, quoted, and the translation then passes', () => {
    const { code, out } = run(TRANSLATION, '--fill');
    expect(out).toContain('6 entries, 0 problem(s), 0 stale');
    expect(code).toBe(0);
    const filled = parse(readFileSync(join(dir, 'tiny.es.yaml'), 'utf8'));
    expect(filled.questions['s.items.name'].source).toBe(hash({ label: 'Name' }));
    expect(readFileSync(join(dir, 'tiny.es.yaml'), 'utf8')).toContain(`    source: '${hash({ label: 'Name' })}'\n`);
    expect(run(readFileSync(join(dir, 'tiny.es.yaml'), 'utf8')).code).toBe(0);
  });

  it('reports a stale source, a missing entry, choice, value or help, and a lost placeholder', () => {
    run(TRANSLATION, '--fill');
    const filled = readFileSync(join(dir, 'tiny.es.yaml'), 'utf8');
    writeFileSync(join(dir, 'tiny.yaml'), ENGLISH.replace('title: The section', 'title: The first section'));
    const broken = filled
      .replace('      a: A\n', '')
      .replace('    values: { low: Bajo, high: Alto }', '    values: { low: Bajo }')
      .replace('    help: Dos líneas de ayuda.\n', '')
      .replace(/ {2}s\.items\.name:\n.*\n.*\n/, '')
      .replace('"{name}" está mal.', '"{nombre}" está mal.');
    const { code, out } = run(broken);
    expect(code).toBe(1);
    expect(out).toContain(`stale: sections.s (source ${hash({ title: 'The section' })}, English now ${hash({ title: 'The first section' })})`);
    expect(out).toContain('missing: questions.s.q.choices.a');
    expect(out).toContain('missing: computed.level.values.high');
    expect(out).toContain('missing: questions.s.q.help');
    expect(out).toContain('missing: questions.s.items.name');
    expect(out).toContain('placeholders differ: rules.r.message');
  });

  it('reports a source that YAML reads as a number', () => {
    run(TRANSLATION, '--fill');
    const filled = readFileSync(join(dir, 'tiny.es.yaml'), 'utf8').replace(/source: '[0-9a-f]+'\n(?=computed)/, 'source: 3e3595342246\n');
    const { code, out } = run(filled);
    expect(code).toBe(1);
    expect(out).toContain('not a string: questions.s.items.name.source');
  });

  // Complete, not necessarily fresh: an entry whose English changed since is stale, which the format
  // allows (the reader says so), but an entry, choice or help with no Spanish at all is a gap.
  it('finds the Spanish equity-impact translation complete', () => {
    const r = spawnSync(process.execPath, [SCRIPT, join(ROOT, 'schemas/questionnaires/equity-impact.yaml'), join(ROOT, 'schemas/questionnaires/equity-impact.es.yaml')], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/\d+ entries, 0 problem\(s\)/);
    expect(r.status).toBe(0);
  });
});
