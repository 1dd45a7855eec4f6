// The findings catalogue: every code a producer writes is in it (and nothing it lists is made up),
// docs/findings.md is what the generator writes, and SARIF takes its rule descriptors from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueEntry, exactCodes, familyPrefixes, findingAnchor, findingDocLink, FINDINGS, isFindingCode, type CatalogueEntry } from '../../src/core/findings/catalogue.js';
import { findingsMarkdown } from '../../src/core/findings/catalogue-doc.js';
import type { Finding } from '../../src/core/findings/findings.js';
import { sarifReporter } from '../../src/core/reporters/sarif.js';
import { plainColors } from '../../src/core/reporters/types.js';
import { ruleIdProblem } from '../../src/core/config/rule-keys.js';
import { builtin } from '../helpers/model.js';
import { ROOT } from '../helpers/cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/**
 * The codes written in src: `code: 'x'` (findings and EisErrors), `code ?? 'x'` (a default),
 * `f.code === 'x'` (a reader), and `code...= \`prefix/${...}\`` (a family, kept as `prefix/*`).
 */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, where: string) => found.set(code, [...(found.get(code) ?? []), where]);
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const m of text.matchAll(/\bcode(?:: FindingCode)?\s*(?::|=|\?\?)\s*(['"])([^'"\n]+)\1/g)) add(m[2], where);
    for (const m of text.matchAll(/(?<!typeof )\b(?:f|finding)\.code\s*[!=]==\s*(['"])([^'"\n]+)\1/g)) add(m[2], where);
    for (const m of text.matchAll(/\bcode(?:: FindingCode)?\s*[:=]\s*`([^`$\n]*)\$\{/g)) add(`${m[1].replace(/\/$/, '')}/*`, where);
  }
  return found;
}

describe('the findings catalogue', () => {
  const inSource = codesInSource();

  it('lists every code a producer writes', () => {
    // The scan itself works: it finds the codes of every area.
    expect(inSource.size).toBeGreaterThan(30);
    for (const code of ['required', 'file/questionnaire', 'coverage/orphan', 'policy/loosened', 'signoff/unsigned', 'file/unreadable', 'rule/*', 'lint/glossary/*'])
      expect([...inSource.keys()]).toContain(code);
    const listed = new Set<string>(FINDINGS.map((e) => e.code));
    const missing = [...inSource].filter(([code]) => !listed.has(code)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('lists no code that nothing writes', () => {
    const unused = FINDINGS.map((e) => e.code).filter((code) => !inSource.has(code));
    expect(unused).toEqual([]);
  });

  it('gives every entry its texts, a unique anchor and a family a tail', () => {
    const anchors = FINDINGS.map((e) => findingAnchor(e));
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const e of FINDINGS as readonly CatalogueEntry[]) {
      for (const text of [e.title, e.when, e.message, e.fix]) expect(text.trim(), e.code).not.toBe('');
      expect(e.title, e.code).not.toContain('\n');
      expect(e.code.endsWith('/*'), e.code).toBe(e.tail !== undefined);
      if (e.fatal === true) expect(e.configurable, `${e.code} is always fatal`).toBe(false);
    }
  });

  it('finds the entry of a code, or of its family', () => {
    expect(catalogueEntry('placeholder/inside')?.code).toBe('placeholder/inside');
    expect(catalogueEntry('rule/burden-evidence')?.code).toBe('rule/*');
    expect(catalogueEntry('lint/glossary/deadbeat-parent')?.code).toBe('lint/glossary/*');
    expect(catalogueEntry('lint/glossary/')).toBeUndefined();
    expect(catalogueEntry('lint/glossary')).toBeUndefined();
    expect(catalogueEntry('placeholdr')).toBeUndefined();
    expect(isFindingCode('lint/profanity/crap')).toBe(true);
    expect(findingDocLink('schema/unknown-key')).toBe('docs/findings.md#schema-unknown-key');
    expect(findingDocLink('rule/nobody-alone')).toBe('docs/findings.md#rule');
    expect(exactCodes()).toContain('stale');
    expect(familyPrefixes()).toEqual(['rule', 'lint/glossary', 'lint/equality', 'lint/profanity']);
  });

  it('types Finding.code: a code not in the catalogue does not compile (checked by tsc --noEmit)', () => {
    const family: Finding['code'] = 'lint/glossary/obligor';
    const rule: Finding['code'] = 'rule/burden-evidence';
    // @ts-expect-error a misspelt code
    const typo: Finding['code'] = 'placeholdr';
    // @ts-expect-error a misspelt family
    const family2: Finding['code'] = 'lint/glosary/obligor';
    expect([family, rule, typo, family2]).toHaveLength(4);
  });
});

describe('docs/findings.md', () => {
  it('is what npm run docs:findings writes', () => {
    const page = readFileSync(join(ROOT, 'docs', 'findings.md'), 'utf8');
    expect(page, 'docs/findings.md is out of date: run npm run docs:findings').toBe(findingsMarkdown());
  });

  it('has an anchor for every code, and the README links to it', () => {
    const page = findingsMarkdown();
    for (const e of FINDINGS) expect(page).toContain(`<a id="${findingAnchor(e)}"></a>`);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/findings.md)');
  });

  it('shows the error eis gives for a misspelt key under rules, as eis writes it', () => {
    const problem = ruleIdProblem(['placeholdr'], builtin());
    expect(findingsMarkdown()).toContain(`eis: eis.config.yaml:18:3: ${problem?.message} ${problem?.hint}\n`);
  });
});

describe('SARIF rules from the catalogue', () => {
  const at = { file: 'a.eis.yaml', path: [], line: 1, column: 1 };
  const findings: Finding[] = [
    { ...at, code: 'required', severity: 'error', message: '"Title" is required and not answered.' },
    { ...at, code: 'placeholder', severity: 'warning', message: 'TBD.' },
    { ...at, code: 'lint/glossary/obligor', severity: 'warning', message: 'Instead of "obligor", write "parent who pays support".' },
  ];
  const sarif = JSON.parse(
    sarifReporter(
      { statements: [{ file: 'a.eis.yaml', findings }], findings: [] },
      { color: plainColors, strict: false, version: '1.2.3', tool: 'check', ruleHelp: { 'lint/glossary/obligor': 'Glossary term "obligor".' } },
    ),
  );
  const rules = sarif.runs[0].tool.driver.rules as Array<Record<string, unknown>>;
  const rule = (id: string) => rules.find((r) => r.id === id)!;

  it('describes each rule, links its entry and gives its default level', () => {
    expect(rule('required')).toEqual({
      id: 'required',
      name: 'required',
      shortDescription: { text: 'A required question is not answered.' },
      fullDescription: { text: catalogueEntry('required')!.when },
      help: { text: catalogueEntry('required')!.fix, markdown: expect.stringContaining('(https://unpkg.com/equity-impact-statements@1.2.3/docs/findings.md#required)') },
      helpUri: 'https://unpkg.com/equity-impact-statements@1.2.3/docs/findings.md#required',
      defaultConfiguration: { level: 'error' },
    });
  });

  it('gives no default level where it depends on the case, and prefers a description of the very code', () => {
    expect(rule('placeholder').defaultConfiguration).toBeUndefined();
    expect(rule('lint/glossary/obligor')).toMatchObject({ name: 'lintGlossaryObligor', shortDescription: { text: 'Glossary term "obligor".' }, helpUri: expect.stringMatching(/#lint-glossary$/) });
  });
});
