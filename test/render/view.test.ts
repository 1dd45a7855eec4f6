import { describe, expect, it } from 'vitest';
import { builtin, fixture, readYaml } from '../helpers/model.js';
import { parseQuestionnaire } from '../../src/core/questionnaire/load.js';
import { checkStatementData } from '../../src/core/check/statement.js';
import { example, raceForward, viewOf, TODAY } from './helpers.js';

const question = (view: ReturnType<typeof viewOf>, key: string) => {
  for (const s of view.sections) for (const q of s.questions) if (q.key === key) return q;
  return view.meta.find((q) => q.key === key) ?? (view.summary?.key === key ? view.summary : undefined);
};

describe('the view model of a complete statement', () => {
  const model = builtin();
  const data = example('text-payment-reminders');
  const view = viewOf(model, data);

  it('takes the title, summary and title block from the first section', () => {
    expect(view.title).toBe('Text-message payment reminders');
    expect(view.titleMissing).toBe(false);
    expect(view.summary?.key).toBe('initiative.summary');
    expect(view.summary?.markdown).toMatch(/^Parents who pay support can choose/);
    expect(view.meta.map((q) => [q.label, q.text])).toEqual([
      ['Kind of work', 'Policy memo'],
      ['Division or office', 'Program Operations Division, Customer Engagement Office'],
      ['Author', 'Dana Ruiz, Policy Analyst'],
      ['Status', 'Approved'],
    ]);
    expect(view.sections.map((s) => s.id)).not.toContain('initiative');
    expect(view.computed).toEqual([{ id: 'level', label: 'Screening level', value: 'full', text: 'Full assessment', because: expect.stringMatching(/^There are known or possible disparities/) }]);
  });

  it('has one section per remaining questionnaire section, in order', () => {
    expect(view.sections.map((s) => s.id)).toEqual(model.sections.slice(1).map((s) => s.id));
  });

  it('counts completeness as the checker does', () => {
    const check = checkStatementData(model, data, { today: TODAY });
    expect(view.completeness).toMatchObject({ answered: check.completeness.answered, required: check.completeness.required, missing: 0, complete: true, percent: 100, status: 'Complete' });
    expect(view.findings).toEqual([]);
  });

  it('shows choice labels, not values', () => {
    expect(question(view, 'screening.affected')?.items.map((i) => i.text)).toEqual(['Parents who pay support', 'Children', 'Local child support agencies']);
    expect(question(view, 'screening.staff_discretion')?.text).toBe('No');
    expect(question(view, 'mitigation.decision')?.text).toBe('Proceed with adjustments');
  });

  it('puts the naming field first in list tables and links references to entries', () => {
    const groups = question(view, 'populations.groups')!;
    expect(groups.list!.columns[0]).toMatchObject({ id: 'name', isLabel: true });
    expect(groups.list!.rows.map((r) => r.name)).toEqual(['Parents with limited English', 'Parents without a reliable phone', 'Parents in rural counties', 'Survivors of domestic violence']);
    const actions = question(view, 'mitigation.actions')!;
    const populations = actions.list!.rows[0].cells.find((c) => c.id === 'populations')!;
    expect(populations.items).toEqual([{ text: 'Parents with limited English', id: 'limited-english-parents', href: '#e-populations-groups-limited-english-parents', known: true }]);
    const gap = groups.list!.rows[1].cells.find((c) => c.id === 'data_gap')!;
    expect(gap.text).toBe('We do not know how many parents have a phone that works all month.');
  });

  it('builds the impact matrix from the choice field that has a direction', () => {
    expect(view.matrices).toHaveLength(1);
    const m = view.matrices[0];
    expect(m.caption).toBe('Affected populations by effect');
    expect(m.columns.map((c) => [c.label, c.symbol, c.count])).toEqual([
      ['Benefit', '▲', 1],
      ['Burden', '▼', 2],
      ['Neutral', '●', 0],
      ['Unknown', '?', 1],
    ]);
    expect(m.rows.map((r) => [r.name, r.direction])).toEqual([
      ['Parents with limited English', 'Unknown'],
      ['Parents without a reliable phone', 'Burden'],
      ['Parents in rural counties', 'Benefit'],
      ['Survivors of domestic violence', 'Burden'],
    ]);
    expect(m.rows[1].cells.filter((c) => c.match).map((c) => c.value)).toEqual(['burden']);
  });
});

describe('the view model of a statement with gaps', () => {
  const model = builtin();
  const view = viewOf(model, example('online-application-portal'));

  it('marks required questions that are not answered, and placeholders', () => {
    expect(question(view, 'analysis.root_causes')).toMatchObject({ required: true, answered: false, missing: true, text: null });
    expect(question(view, 'proposal.desired_results')).toMatchObject({ missing: true, placeholder: 'TBD' });
    expect(question(view, 'engagement.not_engaged_reason')).toMatchObject({ missing: true, placeholder: 'N/A' });
    const size = question(view, 'populations.groups')!.list!.rows[1].cells.find((c) => c.id === 'size')!;
    expect(size).toMatchObject({ missing: true, answered: false });
  });

  it('leaves out questions that do not apply', () => {
    expect(question(view, 'engagement.sessions')).toBeUndefined();
    expect(question(view, 'screening.disparities_note')).toBeUndefined();
  });

  it('summarises completeness and lists every finding with where it is', () => {
    expect(view.completeness.complete).toBe(false);
    expect(view.completeness.missing).toBe(view.completeness.required - view.completeness.answered);
    expect(view.completeness.missing).toBeGreaterThan(0);
    expect(view.completeness.status).toMatch(/^\d+ required answers missing, \d+ problems$/);
    const burden = view.findings.find((f) => f.code === 'rule/burden-addressed')!;
    expect(burden.where).toBe('Populations › Affected populations › entry 1 (Applicants with limited English)');
    expect(burden.href).toBe('#e-populations-groups-limited-english-applicants');
    expect(question(view, 'populations.groups')!.findings.map((f) => f.code)).toEqual(['rule/burden-addressed', 'rule/burden-evidence']);
  });
});

describe('the view model of another questionnaire', () => {
  const model = raceForward();

  it('works from the questionnaire alone', () => {
    const view = viewOf(model, readYaml(fixture('race-forward', 'complete.eis.yaml')));
    expect(view.title).toBe('Move child support hearings to evening sessions twice a month.');
    expect(view.summary).toBeNull();
    expect(view.meta.map((q) => q.label)).toEqual(['Does it cost more than one million dollars?', 'Decision date']);
    expect(view.matrices[0].columns.map((c) => [c.value, c.tone])).toEqual([
      ['positive', 'favourable'],
      ['negative', 'unfavourable'],
      ['mixed', 'mixed'],
    ]);
  });

  it('marks a title given as a placeholder, and unknown references', () => {
    const view = viewOf(model, readYaml(fixture('race-forward', 'gaps.eis.yaml')));
    expect(view).toMatchObject({ title: 'Untitled statement', titleMissing: true });
    const remedies = question(view, 'strategies.remedies')!;
    expect(remedies.list!.rows[0].cells.find((c) => c.id === 'for')!.items).toEqual([{ text: 'tribal-famlies', id: 'tribal-famlies', href: null, known: false }]);
  });
});

describe('a questionnaire without a direction field', () => {
  it('has no impact matrix', () => {
    const model = parseQuestionnaire(
      `id: tiny
version: 1
title: Tiny
sections:
  - id: about
    title: About
    questions:
      - { id: name, label: Name, type: text, required: true }
      - id: groups
        label: Groups
        type: list
        fields:
          - { id: who, label: Who, type: text }
          - { id: size, label: Size, type: choice, choices: [small, large] }
`,
      'tiny.yaml',
    );
    const view = viewOf(model, { eis: 1, questionnaire: 'tiny@1', about: { name: 'X', groups: [{ id: 'a', who: 'A', size: 'small' }] } });
    expect(view.matrices).toEqual([]);
    expect(view.title).toBe('X');
    expect(view.sections).toEqual([]);
    expect(view.meta.map((q) => q.key)).toEqual(['about.groups']);
  });
});
