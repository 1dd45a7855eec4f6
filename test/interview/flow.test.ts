import { describe as group, expect, it } from 'vitest';
import { builtin } from '../helpers/model.js';
import { choicesFor, firstMissingRequired, nextStep, startState, type FieldStep, type Response, type Step } from '../../src/core/interview/flow.js';
import { checkStatementData } from '../../src/core/check/statement.js';
import { TODAY, walk } from './walk.js';

const model = builtin();

/** Answers by `section.question` (or `section.list.field` for entry fields); lists get `adds` entries. */
function scripted(table: Record<string, unknown>, adds: Record<string, number> = {}) {
  const made: Record<string, number> = {};
  return (step: Step): Response => {
    if (step.kind === 'add') {
      const key = step.path.join('.');
      made[key] ??= 0;
      if (step.mustAdd || made[key] < (adds[key] ?? 0)) {
        made[key]++;
        return { kind: 'yes' };
      }
      return { kind: 'no' };
    }
    if (step.kind === 'revisit') return { kind: table[`?${step.path.join('.')}`] ? 'yes' : 'no' };
    const key = step.kind === 'field' ? `${step.path[0]}.${step.path[1]}.${step.path[3]}` : step.path.join('.');
    const value = table[key];
    if (typeof value === 'function') return { kind: 'answer', value: value(step) };
    return value === undefined ? { kind: 'skip' } : { kind: 'answer', value };
  };
}

/** A brief assessment: nobody knows of disparities, only notices change, no discretion. */
const brief = {
  'initiative.title': 'License suspension change',
  'initiative.kind': 'memo',
  'initiative.summary': 'We change when licenses are suspended.',
  'initiative.division': 'Policy Division',
  'initiative.author': 'Dana Ruiz',
  'initiative.status': 'draft',
  'screening.affected': ['noncustodial-parents'],
  'screening.changes': ['notices-forms'],
  'screening.known_disparities': 'no',
  'screening.staff_discretion': 'no',
  'proposal.problem': 'Suspensions cost parents their jobs.',
  'proposal.decision': 'Raise the threshold.',
  'proposal.desired_results': 'Parents keep working.',
  'populations.groups.name': 'Rural parents',
  'populations.groups.population': 'region',
  'populations.groups.effect': 'direct',
  'populations.groups.direction': 'burden',
  'populations.groups.why': 'No transit to work.',
  'engagement.engaged': 'no',
  'engagement.not_engaged_reason': 'No time.',
  'engagement.plan': 'Listening sessions.',
  'access.language_access': 'English and Spanish.',
  'mitigation.actions.what': 'Offer payment plans',
  'mitigation.actions.populations': (step: Step) => (step as FieldStep).choices!.map((c) => c.value),
  'mitigation.actions.owner': 'Policy Division',
  'mitigation.actions.due': '2027-01-31',
  'mitigation.actions.status': 'planned',
  'mitigation.decision': 'proceed-adjusted',
  'mitigation.justification': 'Plans keep parents driving.',
  'monitoring.review_date': '2027-06-30',
  'monitoring.responsible': 'Office of Equity',
};

group('the interview flow', () => {
  it('walks a brief assessment from the start, in questionnaire order, and leaves nothing for eis check', () => {
    const result = walk(model, {}, { kind: 'resume', fromStart: true }, scripted(brief, { 'mitigation.actions': 1 }));
    expect(result.asked).toEqual([
      'initiative.title',
      'initiative.kind',
      'initiative.summary',
      'initiative.division',
      'initiative.author',
      '+initiative.memos',
      'initiative.status',
      'screening.affected',
      'screening.changes',
      'screening.known_disparities',
      'screening.staff_discretion',
      'proposal.problem',
      'proposal.decision',
      'proposal.desired_results',
      // a required list starts its first entry without asking, and asks its name first
      '+populations.groups!',
      'populations.groups[0].name',
      'populations.groups[0].population',
      'populations.groups[0].effect',
      'populations.groups[0].direction',
      'populations.groups[0].size',
      'populations.groups[0].why',
      'populations.groups[0].evidence',
      'populations.groups[0].data_gap',
      '+populations.groups',
      'engagement.engaged',
      'engagement.not_engaged_reason',
      'engagement.plan',
      'access.language_access',
      'access.translations',
      'access.accessible_formats',
      'access.technology_barriers',
      'access.plain_language',
      '+access.language_replaced',
      'mitigation.alternatives',
      '+mitigation.actions',
      'mitigation.actions[0].what',
      'mitigation.actions[0].populations',
      'mitigation.actions[0].owner',
      'mitigation.actions[0].due',
      'mitigation.actions[0].measure',
      'mitigation.actions[0].status',
      '+mitigation.actions',
      'mitigation.decision',
      'mitigation.justification',
      '+monitoring.indicators',
      'monitoring.review_date',
      'monitoring.responsible',
      'monitoring.post_review',
    ]);
    const check = checkStatementData(model, { eis: 1, questionnaire: model.ref, ...result.answers }, { today: TODAY });
    expect(check.findings).toEqual([]);
    expect(check.completeness.level).toBe('brief');
    expect(result.answers.populations).toEqual({ groups: [{ id: 'rural-parents', name: 'Rural parents', population: 'region', effect: 'direct', direction: 'burden', why: 'No transit to work.' }] });
  });

  it('asks the sections a full assessment needs once the screening makes it full, and the question shown only for "yes"', () => {
    const full = { ...brief, 'screening.known_disparities': 'yes', 'screening.disparities_note': 'Rural parents lose licences more often.' };
    const result = walk(model, {}, { kind: 'resume', fromStart: true }, scripted(full));
    expect(result.asked).toContain('screening.disparities_note');
    for (const key of ['+data.datasets!', 'analysis.benefits', 'communication.report_back', 'mitigation.alternatives']) expect(result.asked).toContain(key);
    // size is asked in both levels, but only required in a full assessment
    const size = result.steps.find((s) => s.kind === 'field' && s.field.id === 'size')!;
    expect(size.required).toBe(true);
  });

  it('never asks the disparities note when there are none, nor the data, analysis and reporting sections at level brief', () => {
    const result = walk(model, {}, { kind: 'resume', fromStart: true }, scripted(brief));
    expect(result.asked).not.toContain('screening.disparities_note');
    expect(result.asked.filter((k) => /^\+?(data|analysis|communication)\./.test(k))).toEqual([]);
  });

  it('asks for a justification, and no proposal, when nobody outside the agency is affected', () => {
    const none = { ...brief, 'screening.affected': ['none'], 'screening.changes': ['none'], 'screening.none_justification': 'Renames an internal report.' };
    const result = walk(model, {}, { kind: 'resume', fromStart: true }, scripted(none));
    expect(result.asked).toContain('screening.none_justification');
    expect(result.asked.some((k) => k.startsWith('proposal.') || k.includes('populations.'))).toBe(false);
    // The last question is the last one of the screening: nothing after it is asked, and the
    // sign-off list is never asked (eis signoff writes it).
    expect(result.asked[result.asked.length - 1]).toBe('screening.none_justification');
  });

  it('adds entries while the person says yes, each with an id made from its name', () => {
    const names = ['Rural parents', 'Rural parents', 'Parents with limited English'];
    let n = 0;
    const table = { ...brief, 'populations.groups.name': () => names[n++] };
    const result = walk(model, {}, { kind: 'resume', fromStart: true }, scripted(table, { 'populations.groups': 3 }));
    const groups = (result.answers.populations as { groups: Array<{ id: string }> }).groups;
    expect(groups.map((g) => g.id)).toEqual(['rural-parents', 'rural-parents-2', 'parents-with-limited-english']);
    expect(result.asked.filter((k) => k.startsWith('+populations.groups'))).toEqual(['+populations.groups!', '+populations.groups', '+populations.groups', '+populations.groups']);
  });

  it('offers the entries already given as the choices of a reference', () => {
    const answers = { populations: { groups: [{ id: 'rural-parents', name: 'Rural parents' }, { id: 'survivors', population: 'custom', name: 'Survivors of domestic violence' }, 'not an entry'] } };
    const field = model.questions.get('mitigation.actions')!.fields!.find((f) => f.id === 'populations')!;
    expect(choicesFor(field, answers, model)).toEqual([
      { value: 'rural-parents', label: 'Rural parents' },
      { value: 'survivors', label: 'Survivors of domestic violence' },
    ]);
    const gap = model.questions.get('populations.groups')!.fields!.find((f) => f.id === 'data_gap')!;
    expect(choicesFor(gap, answers, model)).toEqual([]);
  });

  it('resumes at the first unanswered required question, skipping optional questions before it', () => {
    const answers = { initiative: { title: 'T', kind: 'memo', summary: 'S', division: 'D', author: 'A', status: 'draft' }, screening: { affected: ['children'], changes: ['technology'] } };
    expect(firstMissingRequired(model, answers, TODAY)).toBe('screening.known_disparities');
    const result = walk(model, answers, { kind: 'resume' }, scripted(brief));
    expect(result.asked[0]).toBe('screening.known_disparities');
    expect(result.asked).not.toContain('+initiative.memos');
    // optional questions after the resume point are still offered
    expect(result.asked).toContain('access.translations');
  });

  it('counts a placeholder as unanswered', () => {
    const answers = { initiative: { title: 'TBD' } };
    expect(firstMissingRequired(model, answers, TODAY)).toBe('initiative.title');
    const step = nextStep(model, answers, startState(model, answers, { kind: 'resume' }, TODAY), TODAY)!;
    expect(step).toMatchObject({ kind: 'question', path: ['initiative', 'title'], current: 'TBD' });
  });

  it('asks again for an answer with a placeholder inside it, as eis check does not count it', () => {
    const answers = { initiative: { title: 'T', kind: 'memo', summary: 'Who is affected is TBD.', division: 'D', author: 'A', status: 'draft' } };
    expect(firstMissingRequired(model, answers, TODAY)).toBe('initiative.summary');
    const step = nextStep(model, answers, startState(model, answers, { kind: 'resume' }, TODAY), TODAY)!;
    expect(step).toMatchObject({ kind: 'question', path: ['initiative', 'summary'], current: 'Who is affected is TBD.' });
    const entry = {
      ...answers,
      screening: { affected: ['children'], changes: ['technology'], known_disparities: 'no', staff_discretion: 'no' },
      proposal: { problem: 'P', decision: 'D', desired_results: 'R' },
      populations: { groups: [{ id: 'rural-parents', name: 'Rural parents', population: 'region', effect: 'direct', direction: 'burden', why: 'No transit (details TODO).' }] },
    };
    entry.initiative = { ...entry.initiative, summary: 'S' };
    expect(firstMissingRequired(model, entry, TODAY)).toBe('populations.groups');
    expect(walk(model, entry, { kind: 'resume' }, scripted(brief)).asked[0]).toBe('populations.groups[0].why');
  });

  it('finishes an entry left half-done, then offers to add another', () => {
    const answers = {
      initiative: { title: 'T', kind: 'memo', summary: 'S', division: 'D', author: 'A', status: 'draft' },
      screening: { affected: ['children'], changes: ['technology'], known_disparities: 'no', staff_discretion: 'no' },
      proposal: { problem: 'P', decision: 'D', desired_results: 'R' },
      populations: { groups: [{ id: 'rural-parents', name: 'Rural parents', population: 'region' }] },
    };
    expect(firstMissingRequired(model, answers, TODAY)).toBe('populations.groups');
    const result = walk(model, answers, { kind: 'resume' }, scripted(brief));
    expect(result.asked.slice(0, 5)).toEqual(['populations.groups[0].effect', 'populations.groups[0].direction', 'populations.groups[0].why', '+populations.groups', 'engagement.engaged']);
  });

  it('has nothing to resume in a complete statement', async () => {
    const { readYaml } = await import('../helpers/model.js');
    const { EXAMPLES } = await import('../helpers/cli.js');
    const data = readYaml(`${EXAMPLES}/memos/text-payment-reminders.eis.yaml`) as Record<string, unknown>;
    expect(firstMissingRequired(model, data, TODAY)).toBeUndefined();
    expect(walk(model, data, { kind: 'resume' }, scripted({})).asked).toEqual([]);
  });

  it('revisits one section with the current answers as defaults, asking before changing an entry', () => {
    const answers = {
      populations: {
        groups: [
          { id: 'rural-parents', name: 'Rural parents', population: 'region', effect: 'direct', direction: 'burden', why: 'W' },
          { id: 'survivors', name: 'Survivors' },
        ],
      },
    };
    const result = walk(model, answers, { kind: 'section', section: 'populations' }, scripted({ '?populations.groups.1': true, 'populations.groups.name': 'Survivors of violence' }));
    expect(result.asked).toEqual([
      '?populations.groups[0]',
      '?populations.groups[1]',
      'populations.groups[1].population',
      'populations.groups[1].name',
      'populations.groups[1].effect',
      'populations.groups[1].direction',
      'populations.groups[1].size',
      'populations.groups[1].why',
      'populations.groups[1].evidence',
      'populations.groups[1].data_gap',
      '+populations.groups',
    ]);
    const name = result.steps.find((s) => s.kind === 'field' && s.field.id === 'name')!;
    expect(name).toMatchObject({ current: 'Survivors', create: false });
    expect((result.answers.populations as { groups: Array<{ name: string }> }).groups[1].name).toBe('Survivors of violence');
  });

  it('walks answered questions too in a section, and everything with --all whatever the level', () => {
    const answers = { initiative: { title: 'Old title' } };
    const section = walk(model, answers, { kind: 'section', section: 'initiative' }, scripted({}));
    expect(section.steps[0]).toMatchObject({ path: ['initiative', 'title'], current: 'Old title' });
    expect(section.asked.every((k) => k.replace(/^\+/, '').startsWith('initiative.'))).toBe(true);
    const all = walk(model, answers, { kind: 'all' }, scripted({}));
    const sections = new Set(all.asked.map((k) => k.replace(/^\+/, '').split('.')[0]));
    // Every section but the sign-off, which eis signoff writes.
    expect([...sections]).toEqual(model.sections.map((s) => s.id).filter((id) => id !== 'signoff'));
  });
});
