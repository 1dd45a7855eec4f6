// Placeholders written inside longer answers ("the budget is TBD."): found as words of their own,
// written as the questionnaire lists them, and never in ordinary words, URLs or questions.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkStatementData } from '../../src/core/check/statement.js';
import { placeholderInside } from '../../src/core/questionnaire/answers.js';
import { placeholderSearch } from '../../src/core/questionnaire/placeholders.js';
import { builtin, readYaml } from '../helpers/model.js';
import { EXAMPLES } from '../helpers/cli.js';

const model = builtin();
const today = '2026-11-23';
const complete = () => structuredClone(readYaml(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml'))) as Record<string, any>;
const check = (data: unknown, severities?: Record<string, 'error' | 'warning' | 'off'>) => checkStatementData(model, data, { today, severities });
const word = (text: string) => placeholderInside(model, text)?.word;

describe('a placeholder inside a longer answer', () => {
  it('is found as a word of its own, at the end of a sentence, in brackets or emphasis', () => {
    expect(word('The pilot runs in three counties; the budget is TBD.')).toBe('TBD');
    expect(word('Owner TBA')).toBe('TBA');
    expect(word('N/A for now, as the data is not in yet.')).toBe('N/A');
    expect(word('TODO: say which counties.')).toBe('TODO');
    expect(word('The pilot costs $XXX per county.')).toBe('XXX');
    expect(word('The pilot costs (TBD) per county.')).toBe('TBD');
    expect(word('The pilot costs **TBD** per county.')).toBe('TBD');
    expect(word('Counties: ??')).toBe('??');
    expect(word('Counties: ???.')).toBe('???');
    expect(word('First line.\n\nSecond paragraph, TBD\n')).toBe('TBD');
    expect(word('TBD.')).toBe('TBD');
  });

  it('is not found in ordinary words, URLs, questions and lowercase text', () => {
    for (const text of [
      'TBDs are listed in the appendix.',
      'A ToDo list for the pilot.',
      'Everything (todo) was reviewed.',
      'Published at https://example.gov/n/a and https://example.gov/N/A.',
      'A Q&A session in each county.',
      'Why? Because parents asked for it.',
      'Why?? Because parents asked for it.',
      'The decision is pending review.',
      'The date is tbd in a sense, but the plan is fixed.',
      'NA meetings were offered.',
      'Wait - and see... the parents decide.',
      'See TBD.com for details.',
      'Call 555-XXX-XXXX.',
      'The cost is TBD/TBA.',
    ])
      expect(word(text), text).toBeUndefined();
  });

  it('leaves a whole-answer placeholder to the placeholder finding', () => {
    expect(word('TBD')).toBeUndefined();
    expect(word(' tbd ')).toBeUndefined();
  });

  it('looks only for the list entries written in capitals (three characters or more) and runs of "?"', () => {
    const { pattern } = placeholderSearch(['TBD', 'NA', 'pending', '?', '-', '...', '??', 'À FAIRE'])!;
    expect(pattern.exec('cost TBD')?.[0]).toBe('TBD');
    expect(pattern.exec('cost À FAIRE')?.[0]).toBe('À FAIRE');
    for (const text of ['cost NA', 'cost pending', 'cost ?', 'cost -', 'cost ...']) expect(pattern.exec(text), text).toBeNull();
    expect(placeholderSearch(['pending', '?'])).toBeUndefined();
  });
});

describe('the placeholder/inside finding', () => {
  it('is an error on a required answer, quoting the word and an excerpt, and the answer does not count', () => {
    const data = complete();
    data.proposal.problem = 'Many parents miss payments because they forget the due date; how many is TBD.';
    const result = check(data);
    expect(result.findings).toEqual([
      {
        code: 'placeholder/inside',
        severity: 'error',
        path: ['proposal', 'problem'],
        message: '"What problem does it solve?" holds the placeholder "TBD" in "...they forget the due date; how many is TBD.": the answer is not finished.',
        hint: 'Write what the placeholder stands for, or say plainly what is not known yet and when it will be.',
      },
    ]);
    expect(result.completeness).toEqual({ answered: 35, required: 36, level: 'full' });
  });

  it('is a warning on an optional answer, and applies to the fields of list entries', () => {
    const data = complete();
    data.populations.groups[1].evidence = 'Mail delivery times from the TODO study.';
    data.populations.groups[0].why = 'Texts reach parents faster than mail, by N/A days.';
    const result = check(data);
    expect(result.findings.map((f) => `${f.code} ${f.severity} ${f.path.join('.')}`)).toEqual([
      'placeholder/inside error populations.groups.0.why',
      'placeholder/inside warning populations.groups.1.evidence',
    ]);
    // the optional field is still an answer; the required one is not
    expect(result.completeness).toEqual({ answered: 35, required: 36, level: 'full' });
  });

  it('is looked for only in text answers, and its severity follows the config', () => {
    const data = complete();
    data.monitoring.review_date = '2027-06-30 TBD';
    expect(check(data).findings.map((f) => f.code)).not.toContain('placeholder/inside');
    const data2 = complete();
    data2.proposal.problem = 'How many is TBD.';
    expect(check(data2, { 'placeholder/inside': 'warning' }).findings.map((f) => `${f.code} ${f.severity}`)).toEqual(['placeholder/inside warning']);
    expect(check(data2, { 'placeholder/inside': 'off' }).findings).toEqual([]);
  });
});
