import { describe, expect, it } from 'vitest';
import { builtin } from '../helpers/model.js';
import { checkPick, checkPicks, checkTyped, helpText, stripEditorNote } from '../../src/core/interview/validate.js';
import type { Field } from '../../src/core/questionnaire/model.js';

const model = builtin();
const q = (key: string) => model.questions.get(key)!;
const entryField = (list: string, id: string) => q(list).fields!.find((f) => f.id === id)!;
const number: Field = { id: 'cases', key: 'x.cases', sectionId: 'x', label: 'Cases', type: 'number', required: true, min: 0, max: 100 };

describe('checking one answer', () => {
  it('trims text and refuses placeholders, whatever their case', () => {
    expect(checkTyped(model, q('initiative.title'), '  Text reminders  ', true)).toEqual({ ok: true, value: 'Text reminders' });
    expect(checkTyped(model, q('initiative.title'), 'tbd', true)).toEqual({ ok: false, reason: '"tbd" is a placeholder, not an answer: write the answer.' });
    expect(checkTyped(model, q('initiative.title'), ' N/A ', false)).toEqual({ ok: false, reason: '"N/A" is a placeholder, not an answer: write the answer, or leave it empty to skip.' });
  });

  it('lets an optional answer be skipped but not a required one', () => {
    expect(checkTyped(model, q('access.accessible_formats'), '   ', false)).toEqual({ ok: true, skip: true });
    const required = checkTyped(model, q('initiative.title'), '', true);
    expect(required.ok).toBe(false);
    expect(!required.ok && required.reason).toMatch(/^An answer is needed here/);
  });

  it('takes dates written YYYY-MM-DD that exist', () => {
    const due = entryField('mitigation.actions', 'due');
    expect(checkTyped(model, due, '2027-01-31', true)).toEqual({ ok: true, value: '2027-01-31' });
    expect(checkTyped(model, due, '2027-02-30', true)).toEqual({ ok: false, reason: '2027-02-30 is not a real date.' });
    expect(checkTyped(model, q('monitoring.review_date'), '30/06/2027', true)).toEqual({ ok: false, reason: 'Write the date as YYYY-MM-DD, for example 2027-06-30.' });
  });

  it('takes numbers within the limits', () => {
    expect(checkTyped(model, number, '42', true)).toEqual({ ok: true, value: 42 });
    expect(checkTyped(model, number, '1,000', true)).toEqual({ ok: false, reason: 'The most allowed is 100.' });
    expect(checkTyped(model, number, '-1', true)).toEqual({ ok: false, reason: 'The least allowed is 0.' });
    expect(checkTyped(model, number, 'forty', true)).toEqual({ ok: false, reason: '"forty" is not a number.' });
  });

  it('keeps the lines of a long answer and drops the note eis put in the editor', () => {
    const text = '\nFirst line.\n\nSecond paragraph.\n\n<!-- eis: Summary\nTwo or three sentences.\nThis note is removed when you save. -->\n';
    expect(stripEditorNote(text)).toBe('First line.\n\nSecond paragraph.');
    expect(checkTyped(model, q('initiative.summary'), text, true)).toEqual({ ok: true, value: 'First line.\n\nSecond paragraph.' });
    expect(checkTyped(model, q('initiative.summary'), '<!-- eis: only the note -->', true).ok).toBe(false);
  });

  it('checks picks against the choices', () => {
    const choices = [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ];
    expect(checkPick(choices, 'no', true)).toEqual({ ok: true, value: 'no' });
    expect(checkPick(choices, 'maybe', true)).toEqual({ ok: false, reason: '"maybe" is not one of the choices.' });
    expect(checkPick(choices, undefined, false)).toEqual({ ok: true, skip: true });
    expect(checkPicks(choices, [], true)).toEqual({ ok: false, reason: 'Pick at least one (space selects, enter confirms).' });
    expect(checkPicks(choices, [], false)).toEqual({ ok: true, skip: true });
    expect(checkPicks(choices, ['yes', 'no'], true)).toEqual({ ok: true, value: ['yes', 'no'] });
  });

  it('shows the help and the example on request', () => {
    expect(helpText(q('initiative.title'))).toBe('The name people use for this project, memo, demand or initiative.\nExample: Text-message payment reminders');
    expect(helpText(q('initiative.kind'))).toBeUndefined();
  });
});
