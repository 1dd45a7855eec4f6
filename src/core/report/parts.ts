// Where the portfolio report finds what it counts in a questionnaire. Most parts are found by their
// shape through the review conventions (a list with a status choice holds actions; the list a rule
// flags by effect holds populations); the rest fall back on the built-in questionnaire's ids, all
// of them in BUILTIN below, so a questionnaire of one's own changes the report in this one place.
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { actionLists, addressingFields, burdenJustifications, flaggedEntries, reviewDates } from '../review/conventions.js';
import type { RuleInput } from '../questionnaire/format.js';

/** The built-in questionnaire's ids (equity-impact@2) for what no convention finds by shape. */
export const BUILTIN = {
  populations: 'populations.groups',
  kinds: ['kinds', 'population'],
  effect: 'effect',
  directness: 'directness',
  division: 'division',
  gaps: 'data.gaps',
  gapReference: 'data_gap',
  sessions: 'engagement.sessions',
  engaged: 'engagement.engaged',
  standingBody: 'standing_body',
  sessionLanguages: 'languages',
  indicators: 'monitoring.indicators',
  owner: 'owner',
  plan: 'plan',
} as const;

export interface ReportParts {
  populations?: { list: Field; effect?: Field | undefined; kinds?: Field | undefined; directness?: Field | undefined; gapRef?: Field | undefined } | undefined;
  /** Reference fields of action lists that point at populations: what mitigates a burden. */
  actions: Array<{ list: Field; status: Field; owner?: Field | undefined; due?: Field | undefined; populations?: Field | undefined }>;
  /** Choice values that justify a burden in place of an action (the decision "proceed with a justified burden"). */
  justifications: Array<{ question: Field; values: string[] }>;
  gaps?: { list: Field; plan?: Field | undefined; due?: Field | undefined } | undefined;
  sessions?: { list: Field; body?: Field | undefined; languages?: Field | undefined } | undefined;
  engaged?: Field | undefined;
  indicators?: { list: Field } | undefined;
  division?: Field | undefined;
  reviewDates: Field[];
  /** Rules whose breach means a review is overdue. */
  reviewRules: RuleInput[];
}

const field = (list: Field | undefined, id: string) => list?.fields?.find((f) => f.id === id);
const list = (model: Questionnaire, key: string) => {
  const q = model.questions.get(key);
  return q?.type === 'list' ? q : undefined;
};

const found = new WeakMap<Questionnaire, ReportParts>();

/** The parts of `model` the report reads; found once per questionnaire. */
export function reportParts(model: Questionnaire): ReportParts {
  let parts = found.get(model);
  if (!parts) found.set(model, (parts = findParts(model)));
  return parts;
}

function findParts(model: Questionnaire): ReportParts {
  // The population list is the one a rule singles out by a choice field (effect in [burden, unknown]).
  const flagged = flaggedEntries(model).find((f) => f.fields.some((id) => field(f.list, id)?.type === 'choice'));
  const popList = flagged?.list ?? list(model, BUILTIN.populations);
  const effect = flagged ? field(flagged.list, flagged.fields.find((id) => field(flagged.list, id)?.type === 'choice')!) : field(popList, BUILTIN.effect);
  const kinds = BUILTIN.kinds.map((id) => field(popList, id)).find(Boolean);
  const gapRef = popList?.fields?.find((f) => f.type === 'reference' && f.id === BUILTIN.gapReference) ?? popList?.fields?.find((f) => f.type === 'reference');
  const gapList = (gapRef?.to ? list(model, gapRef.to) : undefined) ?? list(model, BUILTIN.gaps);
  const addressing = addressingFields(model);
  const actions = actionLists(model).map(({ list: l, status }) => ({
    list: l,
    status,
    owner: field(l, BUILTIN.owner),
    due: l.fields?.find((f) => f.type === 'date'),
    populations: addressing.find((a) => a.list === l)?.field ?? l.fields?.find((f) => f.type === 'reference' && popList && f.to === popList.key),
  }));
  const sessions = list(model, BUILTIN.sessions);
  // Indicators: a list whose entries have a baseline and a target.
  const indicators = [...model.questions.values()].find((q) => q.type === 'list' && field(q, 'baseline') && field(q, 'target')) ?? list(model, BUILTIN.indicators);
  const dates = reviewDates(model);
  const division = [...model.questions.values()].find((q) => q.choicesFrom?.vocabulary === 'divisions') ?? [...model.questions.values()].find((q) => q.id === BUILTIN.division);
  return {
    populations: popList ? { list: popList, effect, kinds, directness: field(popList, BUILTIN.directness), gapRef } : undefined,
    actions,
    justifications: burdenJustifications(model),
    gaps: gapList ? { list: gapList, plan: field(gapList, BUILTIN.plan), due: gapList.fields?.find((f) => f.type === 'date') } : undefined,
    sessions: sessions ? { list: sessions, body: field(sessions, BUILTIN.standingBody), languages: field(sessions, BUILTIN.sessionLanguages) } : undefined,
    engaged: model.questions.get(BUILTIN.engaged),
    indicators: indicators ? { list: indicators } : undefined,
    division,
    reviewDates: dates.questions,
    reviewRules: model.rules.filter((r) => dates.rules.includes(r.id)),
  };
}
