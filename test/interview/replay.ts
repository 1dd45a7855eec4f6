// Replays an interview whose answers are known: every step is answered from a finished statement,
// as its author would, so that the prompts a statement takes can be counted and what the
// interview records compared with the statement it should produce.
import type { Response, Step } from '../../src/core/interview/flow.js';
import { getAnswer, isPlainObject } from '../../src/core/questionnaire/answers.js';
import type { Questionnaire } from '../../src/core/questionnaire/model.js';
import { walk, type Walk } from './walk.js';

type Answers = Record<string, unknown>;
const entries = (value: unknown): Answers[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

export interface Replay extends Walk {
  /** Steps that waited for the person: every step but the "add an entry" notes of required lists. */
  prompts: number;
}

/** The interview of `start` (a new statement's skeleton answers), answered from `target`. */
export function replay(model: Questionnaire, start: Answers, target: Answers): Replay {
  // The fields of entries made where a reference to them is answered: each was a prompt.
  let inline = 0;
  const script = (step: Step, answers: Answers): Response => {
    const listKey = `${step.path[0]}.${step.path[1]}`;
    if (step.kind === 'add') return { kind: entries(getAnswer(target, listKey)).length > step.count ? 'yes' : 'no' };
    if (step.kind === 'revisit') return { kind: 'no' };
    const want = step.kind === 'question' ? getAnswer(target, listKey) : entries(getAnswer(target, listKey))[step.index]?.[step.field.id];
    if (want === undefined) return { kind: 'skip' };
    if (step.field.type !== 'reference' || !step.field.to) return { kind: 'answer', value: want };
    // Ids are made by the interview from names: a reference names the entry at the same place.
    const from = entries(getAnswer(target, step.field.to)).map((e) => e.id);
    const to = entries(getAnswer(answers, step.field.to)).map((e) => e.id);
    const wanted = Array.isArray(want) ? want : [want];
    const missing = wanted.find((id) => to[from.indexOf(id)] === undefined);
    const mapped = wanted.flatMap((id) => (to[from.indexOf(id)] === undefined ? [] : [to[from.indexOf(id)] as string]));
    if (missing === undefined) return { kind: 'answer', value: Array.isArray(want) ? mapped : mapped[0] };
    // Not in the list yet: made there and then, as the person would, with its answers.
    const list = model.questions.get(step.field.to)!;
    const { id: _id, ...made } = entries(getAnswer(target, step.field.to))[from.indexOf(missing)]!;
    const entry = Object.fromEntries((list.fields ?? []).filter((f) => f.type !== 'reference' && made[f.id] !== undefined).map((f) => [f.id, made[f.id]]));
    inline += (list.fields ?? []).filter((f) => f.type !== 'reference').length;
    return { kind: 'new-entry', entry, keep: Array.isArray(want) ? mapped : undefined };
  };
  const result = walk(model, structuredClone(start), { kind: 'resume', fromStart: true }, script);
  return { ...result, prompts: result.steps.filter((s) => !(s.kind === 'add' && s.mustAdd)).length + inline };
}

/**
 * The answers with every list entry's id replaced by its place, and references by the place of
 * the entry they name: two statements that record the same answers compare equal.
 */
export function byPlace(model: Questionnaire, answers: Answers): Answers {
  const places = new Map<string, Map<unknown, number>>();
  for (const [key, q] of model.questions) if (q.type === 'list') places.set(key, new Map(entries(getAnswer(answers, key)).map((e, i) => [e.id, i])));
  const out: Answers = {};
  for (const section of model.sections) {
    const given = answers[section.id];
    if (!isPlainObject(given)) continue;
    const copy: Answers = {};
    for (const q of section.questions) {
      const value = given[q.id];
      if (value === undefined) continue;
      if (q.type !== 'list') {
        copy[q.id] = value;
        continue;
      }
      copy[q.id] = entries(value).map(({ id: _id, ...entry }) => {
        for (const f of q.fields ?? [])
          if (f.type === 'reference' && f.to && entry[f.id] !== undefined) {
            const place = places.get(f.to)!;
            const ref = entry[f.id];
            entry[f.id] = Array.isArray(ref) ? ref.map((r) => place.get(r) ?? r) : (place.get(ref) ?? ref);
          }
        return entry;
      });
    }
    out[section.id] = copy;
  }
  return out;
}
