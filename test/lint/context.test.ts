// The false alarms of the issue "lint is noisy": words judged in their context (terms of art,
// proper names, quotations), replacements that agree in number, and the audience that decides
// whether a memo's reading grade is checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { lintDocument } from '../../src/core/lint/document.js';
import { lintStatement } from '../../src/core/lint/statement.js';
import { isPluralForm, pluralPhrase } from '../../src/core/lint/plural.js';
import { nameRanges, quotedRanges } from '../../src/core/lint/context.js';
import { parseConfig } from '../../src/core/config/config.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { EisError } from '../../src/core/errors.js';
import { builtin } from '../helpers/model.js';
import { at, lintOptions } from './helpers.js';

const options = lintOptions();
const lint = (text: string, opts = options) => lintDocument(text, 'markdown', 'memo.md', opts);
const codes = (text: string, opts = options) => lint(text, opts).findings.map((f) => `${f.code} ${f.phrase}`);
const publicMemos = lintOptions({ audience: { memos: 'public', statements: 'public' } });
const FIXTURES = join(ROOT, 'test', 'fixtures', 'lint');

describe('terms of art', () => {
  it('do not flag "simple" in "6 percent simple interest", but do flag it alone', () => {
    expect(codes('The state charges 6 percent simple interest on past-due support.')).toEqual([]);
    expect(codes('Simple Interest, and simple-interest rates, and simple  interest.')).toEqual([]);
    expect(codes('It is a simple change.')).toEqual(['lint/equality/simple simple']);
  });
});

describe('proper names', () => {
  it('do not flag "Fathers\'" in the name of the Fathers\' Rights Coalition', () => {
    expect(codes("The Fathers' Rights Coalition asked for a lower rate.")).toEqual([]);
    expect(codes('We met the Single Mothers Network and Mothers Against Drunk Driving.')).toEqual([]);
  });

  it('still flag the same words in ordinary use', () => {
    expect(codes('Fathers and mothers asked for a lower rate.')).toEqual(['lint/equality/dads-moms Fathers', 'lint/equality/dads-moms mothers']);
    expect(codes('Mothers in California can apply.')).toEqual(['lint/equality/dads-moms Mothers']);
  });

  it('are runs of two or more capitalised words, through small connecting words', () => {
    const text = 'Ask the Department of Child Support Services. Fathers asked.';
    expect(nameRanges(text, false).map((r) => text.slice(r.start, r.end))).toEqual(['Department of Child Support Services']);
    // A heading in title case says nothing by its capitals.
    expect(nameRanges('What Single Mothers Told Us', true)).toEqual([]);
    expect(codes('## What Single Mothers Told Us')).toEqual(['lint/equality/dads-moms Mothers']);
  });
});

describe('quotations', () => {
  it('do not flag "mother" in a parent\'s quoted words, straight or curly, nor in a block quote', () => {
    expect(codes('One parent said: "As a mother, I want the money to reach my kids."')).toEqual([]);
    expect(codes('One parent said: “As a mother, I want the money to reach my kids.”')).toEqual([]);
    expect(codes('One parent said: ‘As a mother, I want the money to reach my kids.’')).toEqual([]);
    expect(codes('> As a mother, I want the money to reach my kids.\n> The chairman did nothing.')).toEqual([]);
  });

  it("leave the writer's own words around the quotation flagged", () => {
    expect(codes('The mother said: "Just tell me the new number."')).toEqual(['lint/equality/dad-mom mother']);
    // A stray quotation mark quotes nothing.
    expect(codes('The mother said: "Just tell me')).toEqual(['lint/equality/dad-mom mother', 'lint/equality/just Just']);
    expect(quotedRanges('a "b" c “d” e').length).toBe(2);
  });

  it('drop glossary warnings but keep harmful labels, which need a waiver saying why they are quoted', () => {
    expect(codes('The manual says "the obligor shall cure arrears".')).toEqual([]);
    expect(codes('The caller said "deadbeat dad" twice.')).toEqual(['lint/glossary/deadbeat-parent deadbeat dad']);
    expect(codes('> The obligor is a deadbeat dad.')).toEqual(['lint/glossary/deadbeat-parent deadbeat dad']);
  });

  it('do not take a GitHub alert for a quotation', () => {
    expect(codes('> [!NOTE]\n> Send the obligor a letter.')).toEqual(['lint/glossary/obligor obligor']);
  });

  it('are not graded for reading level', () => {
    const dense =
      'Notwithstanding the aforementioned administrative determinations, the department shall endeavour to facilitate comprehensive reconsideration of enforcement remedies affecting noncustodial parents with substantiated inability to remit court-ordered financial obligations.';
    const graded = (text: string) => lint(text, publicMemos).findings.filter((f) => f.code === 'lint/readability').length;
    expect(graded(`${dense} ${dense}`)).toBe(1);
    expect(graded(`> ${dense} ${dense}`)).toBe(0);
  });
});

describe('replacements agree in number', () => {
  it('offer "parents who pay support" for "obligors" and "parent who pays support" for "obligor"', () => {
    const text = "Many obligors owe interest. The obligor pays. The obligors' balances and the obligor’s balance.";
    const found = lint(text).findings.map((f) => [f.phrase, f.suggestions?.[0]]);
    expect(found).toEqual([
      ['obligors', 'parents who pay support'],
      ['obligor', 'parent who pays support'],
      ["obligors'", 'parents who pay support'],
      ['obligor’s', 'parent who pays support'],
    ]);
    expect(lint(text).findings[0]!.message).toBe('Instead of "obligors", write "parents who pay support".');
  });

  it("take the glossary's explicit plural where the rules would be wrong", () => {
    expect(lint('Their arrearages grew.').findings[0]!.suggestions).toEqual(['past-due support']);
  });

  it('make plural the head noun and its verb, and only them', () => {
    expect(pluralPhrase('parent who pays support')).toBe('parents who pay support');
    expect(pluralPhrase('person who was incarcerated')).toBe('people who were incarcerated');
    expect(pluralPhrase('immigrant without legal status')).toBe('immigrants without legal status');
    expect(pluralPhrase('noncitizen or immigrant')).toBe('noncitizens or immigrants');
    expect(pluralPhrase('child support agency')).toBe('child support agencies');
    expect(pluralPhrase('family where the parents live apart')).toBe('families where the parents live apart');
    expect(pluralPhrase('parent who receives support (consider; keep the legal term)')).toBe('parents who receive support (consider; keep the legal term)');
    expect(isPluralForm('obligors', 'obligor')).toBe(true);
    expect(isPluralForm("obligor's", 'obligor')).toBe(false);
    expect(isPluralForm('arrears', 'arrears')).toBe(false);
    expect(isPluralForm('illegitimate children', 'illegitimate children')).toBe(true);
  });

  it('let an agency entry give its own plural', () => {
    const opts = lintOptions({ glossary: [{ term: 'customer', use: 'parent', usePlural: 'families', why: 'Our guide.' }] });
    expect(lint('Customers and a customer.', opts).findings.map((f) => f.suggestions?.[0])).toEqual(['families', 'parent']);
  });
});

describe('audience', () => {
  const dense =
    'Notwithstanding the aforementioned administrative determinations, the department shall endeavour to facilitate comprehensive reconsideration of enforcement remedies affecting noncustodial parents with substantiated inability to remit court-ordered financial obligations.';
  const paragraph = `${dense} ${dense}`;
  const grades = (text: string, opts = options) => lint(text, opts).findings.filter((f) => f.code === 'lint/readability').length;

  it('is internal for memos and public for statements by default', () => {
    const config = parseConfig('questionnaire: equity-impact\n', '/tmp/eis.config.yaml');
    expect(config.lint.audience).toEqual({ memos: 'internal', statements: 'public' });
    expect(grades(paragraph)).toBe(0);
    expect(grades(paragraph, publicMemos)).toBe(1);
  });

  it('may be one value for every kind, or one per kind, in the config', () => {
    expect(parseConfig('lint:\n  audience: public\n', '/tmp/eis.config.yaml').lint.audience).toEqual({ memos: 'public', statements: 'public' });
    expect(parseConfig('lint:\n  audience: { statements: internal }\n', '/tmp/eis.config.yaml').lint.audience).toEqual({ memos: 'internal', statements: 'internal' });
    expect(() => parseConfig('lint:\n  audience: everyone\n', '/tmp/eis.config.yaml')).toThrow(EisError);
  });

  it('is set by a memo in its front matter or in a comment', () => {
    expect(grades(`---\ntitle: Notice\naudience: public\n---\n\n${paragraph}`)).toBe(1);
    expect(grades(`---\naudience: "internal" # to the director\n---\n\n${paragraph}`, publicMemos)).toBe(0);
    expect(grades(`<!-- eis-audience public -->\n\n${paragraph}`)).toBe(1);
    expect(grades(`<!-- eis-audience: internal -- a memo to the director -->\n\n${paragraph}`, publicMemos)).toBe(0);
    // Shown in code, it is an example, not a setting.
    expect(grades(`\`<!-- eis-audience public -->\`\n\n${paragraph}`)).toBe(0);
  });

  it('is an error at its place when it is neither public nor internal', () => {
    const text = '---\naudience: everyone\n---\n\nText.';
    expect(() => lint(text)).toThrow(/memo\.md|audience must be "public" or "internal", not "everyone"/);
    try {
      lint(text);
    } catch (error) {
      expect(error).toMatchObject({ file: 'memo.md', ...at(text, 'everyone') });
    }
    expect(() => lint('Text.\n\n<!-- eis-audience all -->')).toThrow(/not "all"/);
  });

  it('is set by a statement with x-lint-audience', () => {
    const statement = (extra: string) => `eis: 1\nquestionnaire: equity-impact@1\n${extra}initiative:\n  title: Notices\n  summary: >-\n    ${paragraph}\n`;
    const grade = (text: string) => lintStatement(parseYamlSource(text, 's.eis.yaml'), builtin(), 's.eis.yaml', options).findings.filter((f) => f.code === 'lint/readability').length;
    expect(grade(statement(''))).toBe(1);
    expect(grade(statement('x-lint-audience: internal\n'))).toBe(0);
    const bad = statement('x-lint-audience: staff\n');
    expect(() => grade(bad)).toThrow(/"x-lint-audience" must be "public" or "internal", not "staff"/);
  });
});

describe('the memo fixtures of the issue', () => {
  it('report only the jargon actually used, with replacements that agree in number', () => {
    const memo = readFileSync(join(FIXTURES, 'interest-memo.md'), 'utf8');
    expect(lint(memo).findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.suggestions?.[0]}`)).toEqual([
      `${at(memo, 'obligors').line}:${at(memo, 'obligors').column} lint/glossary/obligor parents who pay support`,
      `${at(memo, 'obligor a').line}:${at(memo, 'obligor a').column} lint/glossary/obligor parent who pays support`,
    ]);
    const notice = readFileSync(join(FIXTURES, 'notice-memo.md'), 'utf8');
    expect(lint(notice).findings.map((f) => `${f.code} ${f.phrase}`)).toEqual(['lint/glossary/obligor obligors']);
  });
});
