// Migration steps on statement data: each step forward, what it refuses, and its exact undoing.
import { describe, expect, it } from 'vitest';
import { applyStep, inverseStep, lostTexts } from '../../src/core/migrate/apply.js';
import type { MigrationStep } from '../../src/core/questionnaire/migration-format.js';

const statement = () => ({
  questionnaire: 'q@1',
  people: {
    groups: [
      { id: 'a', effect: 'direct', direction: 'burden', kind: 'race', why: 'Because.' },
      { id: 'b', effect: 'indirect', direction: 'benefit', kind: 'income' },
    ],
    notes: 'Some notes.',
  },
  analysis: { causes: 'History.', print: 'Large print.', braille: 'On request.' },
});

function run(step: MigrationStep, data = statement()) {
  const outcome = applyStep(data, step);
  return { data, ...outcome };
}

function roundTrip(step: MigrationStep): void {
  const { data } = run(step);
  const undo = inverseStep(step);
  expect(undo).toBeDefined();
  undo!(data);
  expect(data).toEqual(statement());
}

describe('migration steps', () => {
  it('rename moves a field of every entry, in step order (a swap takes two steps)', () => {
    const data = statement();
    applyStep(data, { rename: { from: 'people.groups.*.effect', to: 'people.groups.*.directness' } });
    const { changes, problems } = applyStep(data, { rename: { from: 'people.groups.*.direction', to: 'people.groups.*.effect' } });
    expect(problems).toEqual([]);
    expect(changes).toEqual(['people.groups.0.direction -> people.groups.0.effect', 'people.groups.1.direction -> people.groups.1.effect']);
    expect(data.people.groups[0]).toEqual({ id: 'a', directness: 'direct', effect: 'burden', kind: 'race', why: 'Because.' });
  });

  it('rename moves an answer to another section, making the section', () => {
    const { data } = run({ rename: { from: 'people.notes', to: 'summary.notes' } });
    expect(data).toMatchObject({ summary: { notes: 'Some notes.' } });
    expect(data.people).not.toHaveProperty('notes');
    roundTrip({ rename: { from: 'people.notes', to: 'people.remarks' } });
  });

  it('rename onto an answer that is there is a problem, not an overwrite', () => {
    const { data, problems } = run({ rename: { from: 'people.groups.*.effect', to: 'people.groups.*.direction' } });
    expect(problems).toEqual([
      'moving people.groups.0.effect to people.groups.0.direction would replace the answer there.',
      'moving people.groups.1.effect to people.groups.1.direction would replace the answer there.',
    ]);
    expect(data.people.groups[0]!.direction).toBe('burden');
  });

  it('values maps choices, and is undone only when no two values map to one', () => {
    const { data } = run({ values: { at: 'people.groups.*.kind', map: { race: 'race-ethnicity' } } });
    expect(data.people.groups.map((g) => g.kind)).toEqual(['race-ethnicity', 'income']);
    roundTrip({ values: { at: 'people.groups.*.kind', map: { race: 'race-ethnicity' } } });
    expect(inverseStep({ values: { at: 'people.groups.*.kind', map: { race: 'other', income: 'other' } } })).toBeUndefined();
  });

  it('wrap makes a single answer a list of one', () => {
    const { data } = run({ wrap: { at: 'people.groups.*.kind' } });
    expect(data.people.groups.map((g) => g.kind)).toEqual([['race'], ['income']]);
    roundTrip({ wrap: { at: 'people.groups.*.kind' } });
  });

  it('add gives a default only where there is no answer', () => {
    const { data } = run({ add: { at: 'people.groups.*.why', value: 'Not yet known.' } });
    expect(data.people.groups.map((g) => g.why)).toEqual(['Because.', 'Not yet known.']);
    roundTrip({ add: { at: 'people.groups.*.why', value: 'Not yet known.' } });
  });

  it('drop keeps the answer under x-, and refuses when that key is taken', () => {
    const { data } = run({ drop: { at: 'people.notes' } });
    expect(data.people).toMatchObject({ 'x-notes': 'Some notes.' });
    roundTrip({ drop: { at: 'people.notes' } });
    const taken = statement() as ReturnType<typeof statement> & { people: { 'x-notes'?: string } };
    taken.people['x-notes'] = 'mine';
    expect(run({ drop: { at: 'people.notes' } }, taken).problems).toHaveLength(1);
  });

  it('split copies into each new question; merge joins texts a blank line apart', () => {
    const split = run({ split: { from: 'analysis.causes', into: ['analysis.root', 'analysis.contributing'] } });
    expect(split.data.analysis).toMatchObject({ root: 'History.', contributing: 'History.' });
    roundTrip({ split: { from: 'analysis.causes', into: ['analysis.root', 'analysis.contributing'] } });
    const merge = run({ merge: { from: ['analysis.print', 'analysis.braille'], into: 'analysis.formats' } });
    expect(merge.data.analysis).toMatchObject({ formats: 'Large print.\n\nOn request.' });
    expect(merge.data.analysis).not.toHaveProperty('print');
    expect(inverseStep({ merge: { from: ['analysis.print', 'analysis.braille'], into: 'analysis.formats' } })).toBeUndefined();
  });

  it('lostTexts names text the new data holds nowhere, and not text merged into a longer answer', () => {
    const before = statement();
    const merged = run({ merge: { from: ['analysis.print', 'analysis.braille'], into: 'analysis.formats' } }).data;
    expect(lostTexts(before, merged, new Set())).toEqual([]);
    const dropped = statement() as Record<string, unknown>;
    delete (dropped.people as Record<string, unknown>).notes;
    expect(lostTexts(before, dropped, new Set())).toEqual(['Some notes.']);
  });
});
