// Waivers and severities: inline comments in memos, the config's ignore list and its rules.
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/core/lint/document.js';
import { parseDirective, severityFor, targetMatches } from '../../src/core/lint/suppress.js';
import { lintOptions } from './helpers.js';

const lint = (text: string, options = lintOptions()) => lintDocument(text, 'markdown', 'memo.md', options);
const codes = (list: Array<{ line: number; code: string }>) => list.map((f) => `${f.line} ${f.code}`);

describe('<!-- eis-disable-next-line --> in memos', () => {
  const text = [
    'The obligor pays.', // 1
    '<!-- eis-disable-next-line obligor -- quoting the 1998 manual -->', // 2
    "The obligor's failure to cure arrears is cited.", // 3
    '', // 4
    '<!-- eis-disable-next-line -->', // 5
    'The deadbeat dad and the chairman.', // 6
    '', // 7
    'The obligee and the arrears. <!-- eis-disable-line lint/glossary/obligee, past-due -->', // 8
    '', // 9
    '<!-- eis-disable-next-line "deadbeat parent" -->', // 10
    '', // 11
    'A deadbeat parent after a blank line is not covered.', // 12
  ].join('\n');
  const result = lint(text);

  it('waives only the named terms, on the next line only', () => {
    expect(codes(result.findings)).toEqual(['1 lint/glossary/obligor', '3 lint/glossary/arrears', '8 lint/glossary/arrears', '12 lint/glossary/deadbeat-parent']);
  });

  it('keeps every waived finding with the comment that waived it and its reason', () => {
    expect(result.suppressed.map((f) => [f.line, f.code, f.suppressedBy])).toEqual([
      [3, 'lint/glossary/obligor', { by: 'comment', line: 2, reason: 'quoting the 1998 manual' }],
      [6, 'lint/glossary/deadbeat-parent', { by: 'comment', line: 5 }],
      [6, 'lint/equality/chairman-chairwoman', { by: 'comment', line: 5 }],
      [8, 'lint/glossary/obligee', { by: 'comment', line: 8 }],
    ]);
  });

  it('ignores a directive shown inside code', () => {
    const inCode = '```\n<!-- eis-disable-next-line -->\n```\nThe obligor.\n\n`<!-- eis-disable-next-line -->`\nThe obligee.';
    expect(codes(lint(inCode).findings)).toEqual(['4 lint/glossary/obligor', '7 lint/glossary/obligee']);
  });

  it('works in plain text files too', () => {
    const plain = lintDocument('<!-- eis-disable-next-line -->\nThe obligor.\nThe obligee.', 'text', 'memo.txt', lintOptions());
    expect(codes(plain.findings)).toEqual(['3 lint/glossary/obligee']);
    expect(codes(plain.suppressed)).toEqual(['2 lint/glossary/obligor']);
  });

  it('spans a comment over several lines', () => {
    const multi = lint('<!--\n  eis-disable-next-line obligor\n-->\nThe obligor.');
    expect(multi.findings).toEqual([]);
    expect(multi.suppressed[0].suppressedBy).toEqual({ by: 'comment', line: 1 });
  });
});

describe('the config', () => {
  it('waives terms, rules and groups listed under lint.ignore, and says which entry did', () => {
    const result = lint('The obligor, the obligee and the chairman.\n\nThe arrears.', lintOptions({ ignore: ['obligee', 'lint/equality', 'Arrears'] }));
    expect(codes(result.findings)).toEqual(['1 lint/glossary/obligor']);
    expect(result.suppressed.map((f) => [f.code, f.suppressedBy])).toEqual([
      ['lint/glossary/obligee', { by: 'config', entry: 'obligee' }],
      ['lint/equality/chairman-chairwoman', { by: 'config', entry: 'lint/equality' }],
      ['lint/glossary/arrears', { by: 'config', entry: 'Arrears' }],
    ]);
  });

  it('changes severities by code or group under rules, the most specific key winning; off removes findings', () => {
    const options = lintOptions({}, { 'lint/glossary': 'error', 'lint/glossary/obligee': 'warning', 'lint/equality': 'off', 'lint/glossary/deadbeat-parent': 'warning' });
    const result = lint('The obligor, the obligee, the deadbeat dad and the chairman.', options);
    expect(result.findings.map((f) => `${f.code} ${f.severity}`)).toEqual(['lint/glossary/obligor error', 'lint/glossary/obligee warning', 'lint/glossary/deadbeat-parent warning']);
    expect(result.suppressed).toEqual([]);
  });

  it('adds agency terms, and uses no built-in glossary when told not to', () => {
    const agency = { term: ['LCSA', 'LCSAs'], use: 'local child support agency', why: 'Parents do not know the acronym.' };
    const both = lint('The LCSA and the obligor.', lintOptions({ glossary: [agency] }));
    expect(both.findings.map((f) => `${f.code} ${f.severity}`)).toEqual(['lint/glossary/lcsa warning', 'lint/glossary/obligor warning']);
    const own = lint('The LCSA and the obligor.', lintOptions({ glossary: [agency], builtinGlossary: false }));
    expect(own.findings.map((f) => f.code)).toEqual(['lint/glossary/lcsa']);
  });
});

describe('targets and directives', () => {
  const finding = { code: 'lint/glossary/deadbeat-parent', phrase: 'Deadbeat dads' };
  it.each([
    ['lint/glossary/deadbeat-parent', true],
    ['lint/glossary', true],
    ['lint', true],
    ['glossary', true],
    ['deadbeat-parent', true],
    ['Deadbeat Parent', true],
    ['deadbeat dads', true],
    ['deadbeat', false],
    ['lint/glos', false],
    ['equality', false],
    ['', false],
  ])('"%s" names the finding: %s', (target, expected) => {
    expect(targetMatches(target, finding)).toBe(expected);
  });

  it('reads directives with targets split by spaces or commas, and a reason after --', () => {
    expect(parseDirective(' eis-disable-next-line a b ', 3, 3)).toEqual({ scope: 'next-line', line: 3, endLine: 3, targets: ['a', 'b'], reason: undefined });
    expect(parseDirective('eis-disable-line deadbeat parent, obligor -- why not', 1, 2)).toEqual({ scope: 'line', line: 1, endLine: 2, targets: ['deadbeat parent', 'obligor'], reason: 'why not' });
    expect(parseDirective('eis-disable-next-line -- only a reason', 1, 1)?.targets).toEqual([]);
    expect(parseDirective('eis-disable-next-liner', 1, 1)).toBeUndefined();
    expect(parseDirective('a note about eis-disable-next-line', 1, 1)).toBeUndefined();
  });

  it('takes the severity of the most specific rule, and none for off', () => {
    expect(severityFor({ code: 'lint/readability', severity: 'warning' as const }, { lint: 'error' })?.severity).toBe('error');
    expect(severityFor({ code: 'lint/readability', severity: 'warning' as const }, { 'lint/readability': 'off', lint: 'error' })).toBeUndefined();
    expect(severityFor({ code: 'lint/readability', severity: 'warning' as const }, {})?.severity).toBe('warning');
  });
});
