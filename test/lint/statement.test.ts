// Statements: each written answer is linted, and findings land on the YAML file's own line and
// column, in plain, quoted, literal and folded scalars alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, isScalar, LineCounter, parseDocument, type Scalar } from 'yaml';
import { EXAMPLES } from '../helpers/cli.js';
import { builtin } from '../helpers/model.js';
import { lintStatement, writtenAnswers } from '../../src/core/lint/statement.js';
import { decodeDoubleQuoted, scalarMap } from '../../src/core/lint/scalar-map.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { at, lintOptions } from './helpers.js';

const model = builtin();
const options = lintOptions();

function lintYaml(text: string, opts = options) {
  return lintStatement(parseYamlSource(text, 's.eis.yaml'), model, 's.eis.yaml', opts);
}
const brief = (text: string) =>
  lintYaml(text)
    .findings.filter((f) => f.code !== 'lint/readability')
    .map((f) => `${f.line}:${f.column} ${f.code} ${f.path.join('.')}`);

const header = 'eis: 1\nquestionnaire: equity-impact@1\n';

describe('positions inside answers', () => {
  it('places findings in plain, quoted, literal and folded answers exactly', () => {
    const text =
      header +
      [
        'initiative:',
        '  title: Notice for the obligor',
        '  summary: "Tell the \\x41 obligee about\\tthe arrears\\u0021 and the obligor."',
        "  division: 'The obligor''s office, and the obligee'",
        'proposal:',
        '  problem: |',
        '    Line one mentions nothing.',
        '      Indented, the obligor.',
        '',
        '    After a blank line: arrears.',
        '  decision: >-',
        '    The first line runs on and',
        '    mentions the obligor on the',
        '    second line.',
        '',
        '    A new paragraph: the deadbeat',
        '    parent across a line break.',
        '  desired_results: >',
        '           Deeply indented obligor.',
        'populations:',
        '  groups:',
        '    - id: a',
        '      population: income',
        '      name: Obligors with low incomes',
        '      why: >-',
        '        Because the',
        '        obligee said so.',
      ].join('\n') +
      '\n';
    const needles: Array<[string, number, string, string]> = [
      ['obligor\n', 0, 'lint/glossary/obligor', 'initiative.title'],
      ['obligee about', 0, 'lint/glossary/obligee', 'initiative.summary'],
      ['arrears\\u0021', 0, 'lint/glossary/arrears', 'initiative.summary'],
      ['obligor."', 0, 'lint/glossary/obligor', 'initiative.summary'],
      ["obligor''s", 0, 'lint/glossary/obligor', 'initiative.division'],
      ["obligee'", 0, 'lint/glossary/obligee', 'initiative.division'],
      ['obligor.\n', 0, 'lint/glossary/obligor', 'proposal.problem'],
      ['arrears.', 0, 'lint/glossary/arrears', 'proposal.problem'],
      ['obligor on', 0, 'lint/glossary/obligor', 'proposal.decision'],
      ['deadbeat', 0, 'lint/glossary/deadbeat-parent', 'proposal.decision'],
      ['obligor.\npop', 0, 'lint/glossary/obligor', 'proposal.desired_results'],
      ['Obligors', 0, 'lint/glossary/obligor', 'populations.groups.0.name'],
      ['obligee said', 0, 'lint/glossary/obligee', 'populations.groups.0.why'],
    ];
    const expected = needles.map(([needle, nth, code, path]) => {
      const { line, column } = at(text, needle, nth);
      return `${line}:${column} ${code} ${path}`;
    });
    expect(brief(text)).toEqual(expected);
  });

  it('lints Markdown answers as Markdown and text answers as text', () => {
    const text = `${header}initiative:\n  title: "\`obligor\`"\n  summary: "\`obligor\` in code, and https://x.gov/obligor"\n`;
    // title is a text answer: backticks are just characters; summary is Markdown: code is skipped.
    expect(brief(text)).toEqual([`${at(text, 'obligor').line}:${at(text, 'obligor').column} lint/glossary/obligor initiative.title`]);
  });

  it('leaves an answer alone that is nothing but the words (a record of language replaced)', () => {
    const text = `${header}access:\n  language_replaced:\n    - id: obligor\n      found: Obligor\n      replacement: parent who pays support\n      where: the obligor letters\n`;
    expect(brief(text)).toEqual([`${at(text, 'obligor letters').line}:${at(text, 'obligor letters').column} lint/glossary/obligor access.language_replaced.0.where`]);
  });

  it('skips choices, dates, ids and keys that are not questions', () => {
    const text = `${header}screening:\n  affected: [noncustodial-parents]\ninitiative:\n  author: the obligor\n  obligor: x\n`;
    expect(brief(text)).toEqual([`${at(text, 'obligor\n').line}:${at(text, 'obligor\n').column} lint/glossary/obligor initiative.author`]);
  });

  it('finds nothing to lint in a statement that is not a mapping', () => {
    expect(writtenAnswers(model, ['a'])).toEqual([]);
    expect(lintYaml('- obligor\n')).toEqual({ findings: [], suppressed: [] });
  });
});

describe('waivers in statements', () => {
  it('honours # eis-disable-next-line above an answer, for all of a block answer', () => {
    const text =
      header +
      [
        'initiative:',
        '  # eis-disable-next-line obligor -- quoting the 1998 manual',
        '  summary: >-',
        '    The obligor, and',
        '    the obligor again; but arrears stay.',
        '  title: The obligor # eis-disable-line',
        '  division: The obligor',
      ].join('\n') +
      '\n';
    const result = lintYaml(text);
    expect(result.findings.map((f) => `${f.line} ${f.code}`)).toEqual([`${at(text, 'arrears').line} lint/glossary/arrears`, `${at(text, 'obligor\n').line} lint/glossary/obligor`]);
    expect(result.suppressed.map((f) => [f.line, f.code, f.suppressedBy])).toEqual([
      [at(text, 'obligor,').line, 'lint/glossary/obligor', { by: 'comment', line: 4, reason: 'quoting the 1998 manual' }],
      [at(text, 'obligor again').line, 'lint/glossary/obligor', { by: 'comment', line: 4, reason: 'quoting the 1998 manual' }],
      [at(text, 'obligor #').line, 'lint/glossary/obligor', { by: 'comment', line: 8 }],
    ]);
  });

  it('does not take a directive written inside an answer for a YAML comment', () => {
    const text = `${header}initiative:\n  summary: |\n    # eis-disable-next-line\n    the obligor\n`;
    expect(brief(text)).toEqual([`${at(text, 'obligor').line}:${at(text, 'obligor').column} lint/glossary/obligor initiative.summary`]);
  });

  it('honours an HTML comment directive inside a Markdown answer, and the config list', () => {
    const text = `${header}initiative:\n  summary: |\n    <!-- eis-disable-next-line -->\n    the obligor\n\n    the arrears\n`;
    const result = lintYaml(text, lintOptions({ ignore: ['arrears'] }));
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => [f.code, f.suppressedBy])).toEqual([
      ['lint/glossary/obligor', { by: 'comment', line: 5 }],
      ['lint/glossary/arrears', { by: 'config', entry: 'arrears' }],
    ]);
  });
});

describe('the example statements', () => {
  it('lints the text-payment-reminders statement without glossary findings: its answers use plain words', () => {
    const file = join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml');
    const text = readFileSync(file, 'utf8');
    const result = lintStatement(parseYamlSource(text, file), model, 'x', options);
    expect(result.findings.filter((f) => f.code.startsWith('lint/glossary/'))).toEqual([]);
    // Every finding points at a line that holds the words it quotes.
    const lines = text.split('\n');
    for (const f of result.findings.filter((x) => x.code !== 'lint/readability'))
      expect(
        lines[f.line - 1]
          .slice(f.column - 1)
          .toLowerCase()
          .startsWith(f.phrase!.toLowerCase()),
        f.code,
      ).toBe(true);
  });
});

describe('aligning a YAML value with its source', () => {
  // For any text, in any scalar style, every non-space character of the value maps to the same
  // character in the file.
  const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
  const words = fc.stringMatching(/^[A-Za-z0-9'",.é\\\u0007\u00a0😀-]{1,12}$/u);
  const value = fc.array(fc.tuple(words, fc.constantFrom(' ', ' ', '\n', '\n\n', '\t')), { minLength: 1, maxLength: 30 }).map((parts) =>
    parts
      .map(([w, s]) => w + s)
      .join('')
      .trim(),
  );

  it('maps every character of every style exactly', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...styles), fc.integer({ min: 20, max: 80 }), (v, style, lineWidth) => {
        const doc = new Document({ answer: { text: v } });
        const node = doc.getIn(['answer', 'text'], true) as Scalar;
        node.type = style;
        const source = doc.toString({ lineWidth, minContentWidth: 10 });
        const parsed = parseDocument(source, { lineCounter: new LineCounter() });
        const scalar = parsed.getIn(['answer', 'text'], true);
        if (!isScalar(scalar) || typeof scalar.value !== 'string' || !scalar.range) return;
        const text = scalar.value;
        const map = scalarMap(text, source, scalar.range[0], scalar.range[1], scalar.type);
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i])) continue;
          // In a double-quoted scalar an escaped character maps to its backslash.
          const escaped = scalar.type === 'QUOTE_DOUBLE' && source[map[i]] === '\\' && text[i] !== '\\';
          if (!escaped) expect(source[map[i]], `${i} in ${JSON.stringify(source)}`).toBe(text[i]);
          if (scalar.type === 'QUOTE_DOUBLE') expect(decodeDoubleQuoted(source, scalar.range[0] + 1)?.value).toBe(text);
        }
      }),
      { numRuns: Number(process.env.EIS_FUZZ_RUNS ?? 300) },
    );
  });
});
