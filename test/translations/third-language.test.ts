// A third language added by files alone: test/fixtures/translations holds a questionnaire of its
// own, its French translation and French fixed words. Nothing in eis knows French; the built binary
// renders, lists, asks and checks in it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eis, tempTree } from '../helpers/cli.js';
import { fixture } from '../helpers/model.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempTree());
  cpSync(fixture('translations'), dir, { recursive: true });
});
afterEach(() => cleanup());

const STATEMENT = 'memos/rent-caps.eis.yaml';

describe('a language added by a translation file', () => {
  it('renders Markdown with the French questionnaire and fixed words; the answers stay as written', () => {
    const r = eis(['render', STATEMENT, '--lang', 'fr'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`# Rent caps for older tenants

**Contrôle d'équité du logement** (\`housing@1\`)

- **Change-t-elle les loyers ?** Oui
- **État:** Brouillon
- **Date de la décision:** 31 mars 2027
- **Profondeur de l'examen:** Approfondie

## Complétude

**Complète.** 5 of 5 required answers given (100%).

## Matrice d'impact : Groupes concernés par effet

| Groupes concernés | ▲ Avantage | ▼ Charge | ? Inconnu |
| --- | :---: | :---: | :---: |
| Older tenants | ▲ Avantage |  |  |
| Small landlords |  | ▼ Charge |  |
| **Total** | 1 | 1 | 0 |

## Personnes concernées

### Groupes concernés

| Groupe | Effet |
| --- | --- |
| Older tenants | Avantage |
| Small landlords | Charge |

### Ce qui change pour eux

Rents rise by **2%** at most each year.
`);
  });

  it('renders HTML in French, with the English answers marked lang="en"', () => {
    const r = eis(['render', STATEMENT, '--lang', 'fr', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1 id="q-scope-title" lang="en">Rent caps for older tenants</h1>');
    expect(html).toContain('<h2 id="contents-h">Sommaire</h2>');
    expect(html).toContain('<dt>Date de la décision</dt><dd>31 mars 2027</dd>');
    expect(html).toContain('<div lang="en"><p>Rents rise by <strong>2%</strong> at most each year.</p>');
    expect(html).toContain('<th scope="row"><span lang="en">Older tenants</span></th><td>Avantage</td>');
    expect(html).toContain('content: "Page " counter(page) " sur " counter(pages)');
    // Choices and yes/no are the questionnaire's words, in the page's language: no lang of their own.
    expect(html).toMatch(/<dt>Change-t-elle les loyers \?<\/dt><dd>Oui<\/dd>/);
  });

  it('a statement in the page language gets no lang marks', () => {
    const r = eis(['render', STATEMENT, '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<html lang="en">');
    expect(r.stdout).not.toMatch(/<(?!html)[a-z0-9]+ [^>]*lang=/);
  });

  it('writes a Word document in French', () => {
    const r = eis(['render', STATEMENT, '--lang', 'fr', '--format', 'docx', '--out', 'out.docx'], { cwd: dir });
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(dir, 'out.docx'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a language with no translation, naming those there are (exit 2)', () => {
    const r = eis(['render', STATEMENT, '--lang', 'de'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('eis: housing@1 has no translation into "de". Languages available: en, fr. To add one, write housing.de.yaml (see docs/translations.md).\n');
  });

  it('lists the questions in French', () => {
    const r = eis(['questions', '--lang', 'fr', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.title).toBe("Contrôle d'équité du logement");
    const status = json.sections[0].questions.find((q: { key: string }) => q.key === 'scope.status');
    expect(status.label).toBe('État');
    expect(status.choices.map((c: { value: string; label: string }) => [c.value, c.label])).toEqual([
      ['draft', 'Brouillon'],
      ['approved', 'Approuvée'],
    ]);
  });

  it('an answers file saves the same YAML whatever the language asked in', () => {
    const answers = readFileSync(join(dir, STATEMENT), 'utf8').replace(/^(eis|questionnaire|language):.*\n/gm, '');
    writeFileSync(join(dir, 'memos/a.md'), '# A\n');
    writeFileSync(join(dir, 'memos/b.md'), '# A\n');
    const fr = eis(['new', 'memos/a.md', '--lang', 'fr', '--answers', '-'], { cwd: dir, input: answers });
    const en = eis(['new', 'memos/b.md', '--answers', '-'], { cwd: dir, input: answers });
    expect([fr.code, en.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'memos/a.eis.yaml'), 'utf8').replace(/\ba\b/g, 'b')).toBe(readFileSync(join(dir, 'memos/b.eis.yaml'), 'utf8'));
  });

  it('eis status shows status and level in French', () => {
    const r = eis(['status', STATEMENT, '--lang', 'fr', '--format', 'json'], { cwd: dir });
    const row = JSON.parse(r.stdout).rows[0];
    expect([row.statusLabel, row.levelLabel]).toEqual(['Brouillon', 'Approfondie']);
  });

  it('--check-translations passes a complete translation, and lists what an edit breaks (exit 1)', () => {
    expect(eis(['questions', '--check-translations', 'fr'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'housing.fr.yaml: the fr translation of housing@1 is complete and up to date.\n',
      stderr: '',
    });
    const q = join(dir, 'housing.yaml');
    writeFileSync(
      q,
      readFileSync(q, 'utf8')
        .replace('label: Decision date', 'label: Date decided')
        .replace('      - id: summary\n', '      - id: next_step\n        label: Next step\n        type: text\n      - id: summary\n'),
    );
    const r = eis(['questions', '--check-translations', 'fr', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ missing: 1, stale: 1, unknown: 0, ok: false });
    expect(json.problems.map((p: { kind: string; key: string; line: number }) => [p.kind, p.key])).toEqual([
      ['stale', 'questions.scope.decided'],
      ['missing', 'questions.people.next_step'],
    ]);
    const text = eis(['questions', '--check-translations', 'fr'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^housing\.fr\.yaml:\d+:5: stale questions\.scope\.decided: question "scope\.decided" was translated from English that has changed since \(source 621cceb363b9, now [0-9a-f]{12}\)\n/,
    );
    expect(text.stdout).toMatch(/housing\.fr\.yaml:\d+:1: missing questions\.people\.next_step: question "people\.next_step" has no translation \(source: [0-9a-f]{12}\)\n/);
    expect(text.stdout).toContain('housing.fr.yaml: 1 missing, 1 stale, 0 unknown;');
  });
});
