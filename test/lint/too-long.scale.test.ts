// A text longer than eis lint analyses (an answer, or a memo) is read up to the limit, and the rest
// is reported as not read (lint/too-long), at the place where reading stopped.
import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_CHARS } from '../../src/core/lint/analyze.js';
import { lintDocument } from '../../src/core/lint/document.js';
import { lintStatement } from '../../src/core/lint/statement.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { builtin } from '../helpers/model.js';
import { at, lintOptions } from './helpers.js';

const model = builtin();
const header = 'eis: 1\nquestionnaire: equity-impact@1\n';
const filler = (chars: number) =>
  'The office sends a reminder. '
    .repeat(Math.ceil(chars / 29))
    .slice(0, chars)
    .trimEnd();

describe('a text longer than eis lint analyses', () => {
  it('reports harmful words before the limit, and the rest of the answer as not read, where reading stopped', () => {
    const answer = `A deadbeat parent. ${filler(MAX_ANALYSED_CHARS)} The welfare mother past the limit.`;
    const text = `${header}proposal:\n  problem: ${answer}\n  decision: The obligor pays.\n`;
    const result = lintStatement(parseYamlSource(text, 's.eis.yaml'), model, 's.eis.yaml', lintOptions({}, { 'lint/readability': 'off' }));
    const found = result.findings.map((f) => `${f.line}:${f.column} ${f.code}`);
    // The cut falls between sentences, so the first word not read is where the finding points.
    const cut = answer.lastIndexOf(' ', MAX_ANALYSED_CHARS) + 1;
    const first = at(text, answer.slice(cut, cut + 40));
    expect(found).toEqual([
      `${at(text, 'deadbeat parent').line}:${at(text, 'deadbeat parent').column} lint/glossary/deadbeat-parent`,
      `${first.line}:${first.column} lint/too-long`,
      // The next answer is read as usual.
      `${at(text, 'obligor').line}:${at(text, 'obligor').column} lint/glossary/obligor`,
    ]);
    const tooLong = result.findings.find((f) => f.code === 'lint/too-long')!;
    expect(tooLong.severity).toBe('error');
    expect(tooLong.message).toBe(`This text is ${answer.length.toLocaleString('en-US')} characters long; eis lint reads the first 100,000 at most, and did not read the rest, from here.`);
    expect(result.findings.some((f) => f.code.includes('welfare-mother'))).toBe(false);
  });

  it('reads an answer of exactly the limit whole', () => {
    const answer = `${filler(MAX_ANALYSED_CHARS - 20)} A deadbeat parent.`;
    expect(answer.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    const result = lintStatement(parseYamlSource(`${header}proposal:\n  problem: ${answer}\n`, 's.eis.yaml'), model, 's.eis.yaml', lintOptions({}, { 'lint/readability': 'off' }));
    expect(result.findings.map((f) => f.code)).toEqual(['lint/glossary/deadbeat-parent']);
  });

  it('cuts a memo at a paragraph break, and the finding follows the config severity', () => {
    const memo = `# A memo\n\n${filler(MAX_ANALYSED_CHARS - 300)}\n\nThe second paragraph starts here and runs past the limit. ${filler(1000)}\n`;
    const result = lintDocument(memo, 'markdown', 'memo.md', lintOptions({}, { 'lint/readability': 'off', 'lint/too-long': 'warning' }));
    const place = at(memo, 'The second paragraph');
    expect(result.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([['lint/too-long', 'warning', place.line, place.column]]);
  });
});
