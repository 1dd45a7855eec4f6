// How the review commands find their way around any questionnaire without naming a question id.
// Each answer comes from the questionnaire's own data: its `roles`, its rules (which say what
// "approved" and "overdue" mean), and a few documented field names (docs/ci.md, "Questionnaires of
// your own") that mark the sign-off list, the memo list and the lists of actions. Pure.
import type { Condition } from '../questionnaire/format.js';
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { affirmedLeaves, forEachLeaf, leaves } from '../questionnaire/condition-visitor.js';

export interface SignoffList {
  list: Field;
  /** `section.question` of the list. */
  key: string;
  name: string;
  role: string;
  decision: string;
  date: string;
  /** The text field that holds the memo's content hash at sign-off, when the list has one. */
  hash?: string | undefined;
  /** The text field that holds the hash of the answers at sign-off (an id ending in `answers_hash`). */
  answersHash?: string | undefined;
  /** The text field that holds the reviewer's email (id `email`). */
  email?: string | undefined;
  comment?: string | undefined;
}

const field = (list: Field, id: string) => list.fields?.find((f) => f.id === id);

/** A question named by the questionnaire's `roles` (read loosely: roles beyond title, status and summary may be added later). */
function role(model: Questionnaire, name: string): Field | undefined {
  const key = (model.roles as Record<string, string | undefined> | undefined)?.[name];
  return key ? model.questions.get(key) : undefined;
}

/**
 * The reviewers' list: a list question whose entries have `name`, `role`, a `decision` choice and a
 * `date`. The hash goes into a text field whose id ends in `hash`; comments into `comments`/`comment`.
 */
export function signoffList(model: Questionnaire): SignoffList | undefined {
  return perModel(signoffLists, model, findSignoffList);
}

/**
 * What these conventions find depends on the questionnaire alone, and checking asks for it once
 * per statement: each is found once per questionnaire.
 */
function perModel<T>(memo: WeakMap<Questionnaire, { value: T }>, model: Questionnaire, find: (model: Questionnaire) => T): T {
  let hit = memo.get(model);
  if (!hit) memo.set(model, (hit = { value: find(model) }));
  return hit.value;
}
const signoffLists = new WeakMap<Questionnaire, { value: SignoffList | undefined }>();
const memoLists = new WeakMap<Questionnaire, { value: { key: string; field: string } | undefined }>();
const approvedConditions = new WeakMap<Questionnaire, { value: Condition | undefined }>();

function findSignoffList(model: Questionnaire): SignoffList | undefined {
  const named = role(model, 'signoff');
  for (const q of named ? [named] : model.questions.values()) {
    if (q.type !== 'list') continue;
    const decision = field(q, 'decision');
    const date = field(q, 'date');
    if (!field(q, 'name') || !field(q, 'role') || decision?.type !== 'choice' || date?.type !== 'date') continue;
    const text = (test: (id: string) => boolean) => q.fields!.find((f) => test(f.id) && f.type === 'text')?.id;
    const answersHash = text((id) => /answers?_hash$/.test(id));
    const hash = text((id) => /hash$/.test(id) && id !== answersHash);
    const comment = q.fields!.find((f) => /^comments?$/.test(f.id) && (f.type === 'text' || f.type === 'markdown'));
    return { list: q, key: q.key, name: 'name', role: 'role', decision: 'decision', date: 'date', hash, answersHash, email: text((id) => id === 'email'), comment: comment?.id };
  }
  return undefined;
}

/** The list of memo paths a statement covers: a list question with id `memos`; each entry's label field (or `path`) is a path relative to the statement. */
export function memoList(model: Questionnaire): { key: string; field: string } | undefined {
  return perModel(memoLists, model, findMemoList);
}

function findMemoList(model: Questionnaire): { key: string; field: string } | undefined {
  const named = role(model, 'memos');
  for (const q of named ? [named] : model.questions.values()) {
    if (q.type !== 'list' || (!named && q.id !== 'memos')) continue;
    const id = q.labelField ?? (field(q, 'path') ? 'path' : q.fields?.[0]?.id);
    if (id) return { key: q.key, field: id };
  }
  return undefined;
}

/**
 * When a statement counts as approved: the `when` of the rule that requires an approving entry in
 * the sign-off list. Without such a rule, a choice question `status` answered `approved`.
 */
export function approvedCondition(model: Questionnaire): Condition | undefined {
  return perModel(approvedConditions, model, findApprovedCondition);
}

function findApprovedCondition(model: Questionnaire): Condition | undefined {
  const signoff = signoffList(model);
  if (signoff) {
    const rule = model.rules.find((r) => r.when && leaves(r.require).some((c) => 'question' in c && c.question === signoff.key && c.some !== undefined));
    if (rule?.when) return rule.when;
  }
  const candidates = [role(model, 'status'), ...[...model.questions.values()].filter((q) => q.id === 'status')];
  const status = candidates.find((q) => q?.type === 'choice' && q.choices?.some((c) => c.value === 'approved'));
  return status ? { question: status.key, equals: 'approved' } : undefined;
}

/** The choice questions that say where a statement is in its life: those the approved condition tests. */
export function statusQuestions(model: Questionnaire): Field[] {
  const keys = new Set(leaves(approvedCondition(model)).flatMap((c) => ('question' in c && c.question ? [c.question] : [])));
  const named = role(model, 'status');
  if (named) keys.add(named.key);
  return [...keys].map((k) => model.questions.get(k)).filter((q): q is Field => q?.type === 'choice');
}

/**
 * Review dates: date questions that a rule compares with today (`before: today`), and those rules.
 * Their findings mean "overdue". Without such a rule, date questions whose id contains `review`.
 */
export function reviewDates(model: Questionnaire): { questions: Field[]; rules: string[] } {
  const rules: string[] = [];
  const keys = new Set<string>();
  for (const rule of model.rules) {
    const tests = leaves(rule.when).filter((c) => 'question' in c && c.question && c.before === 'today');
    for (const t of tests) {
      const q = model.questions.get((t as { question: string }).question);
      if (q?.type === 'date') {
        keys.add(q.key);
        if (!rules.includes(rule.id)) rules.push(rule.id);
      }
    }
  }
  const named = role(model, 'reviewDate');
  if (named?.type === 'date') keys.add(named.key);
  let questions = [...keys].map((k) => model.questions.get(k)!);
  if (!questions.length) questions = [...model.questions.values()].filter((q) => q.type === 'date' && /review/.test(q.id));
  return { questions, rules };
}

/** Status values that close an action; anything else, unanswered included, leaves it open. */
export const CLOSED_STATUSES = new Set(['done', 'dropped', 'closed', 'cancelled', 'canceled', 'completed', 'complete', 'superseded', 'withdrawn']);

/** Lists of actions: list questions whose entries have a `status` choice. */
export function actionLists(model: Questionnaire): Array<{ list: Field; status: Field }> {
  return [...model.questions.values()].flatMap((q) => {
    const status = q.type === 'list' ? field(q, 'status') : undefined;
    return status?.type === 'choice' ? [{ list: q, status }] : [];
  });
}

/**
 * Entries that address others: the reference fields rules look at with `referencedBy`
 * (a mitigation action's populations). Removing one, or narrowing it, leaves a burden unaddressed.
 */
export function addressingFields(model: Questionnaire): Array<{ list: Field; field: Field }> {
  const found = new Map<string, { list: Field; field: Field }>();
  // Into `some` too: a rule may look for an entry of another list that references this one.
  const visit = (cond: Condition | boolean | undefined): void =>
    forEachLeaf(cond, (leaf) => {
      if ('referencedBy' in leaf) {
        const [s, q, f] = leaf.referencedBy.split('.');
        const list = model.questions.get(`${s}.${q}`);
        const ref = list?.fields?.find((x) => x.id === f);
        if (list && ref) found.set(leaf.referencedBy, { list, field: ref });
      } else if (leaf.some) visit(leaf.some);
    });
  for (const rule of model.rules) [rule.when, rule.where, rule.require].forEach(visit);
  return [...found.values()];
}

/**
 * Entries a rule singles out for attention (`each` + `where`): a population with a burden or an
 * unknown effect. A new such entry is a concern in a diff.
 */
export function flaggedEntries(model: Questionnaire): Array<{ list: Field; where: Condition; fields: string[] }> {
  const byList = new Map<string, { list: Field; where: Condition; fields: string[] }>();
  for (const rule of model.rules) {
    if (rule.severity === 'off' || !rule.each || !rule.where) continue;
    const list = model.questions.get(rule.each);
    if (list?.type !== 'list') continue;
    const key = `${rule.each} ${JSON.stringify(rule.where)}`;
    const fields = leaves(rule.where).flatMap((c) => ('field' in c && c.field ? [c.field] : []));
    if (!byList.has(key)) byList.set(key, { list, where: rule.where, fields });
  }
  return [...byList.values()];
}

/**
 * Fields whose answer backs up an entry a rule singles out: the `field` tests with `answered: true`
 * in the `require` of a rule with `each` (a population's evidence, or the data gap it cites). Taking
 * one away leaves a burden without support.
 */
export function evidenceFields(model: Questionnaire): Array<{ list: Field; field: Field; where?: Condition | undefined }> {
  const found = new Map<string, { list: Field; field: Field; where?: Condition | undefined }>();
  for (const rule of model.rules) {
    if (rule.severity === 'off' || !rule.each) continue;
    const list = model.questions.get(rule.each);
    if (list?.type !== 'list') continue;
    for (const c of affirmedLeaves(rule.require)) {
      if (!('field' in c) || !c.field || c.answered !== true) continue;
      const f = field(list, c.field);
      const key = `${list.key}.${c.field} ${JSON.stringify(rule.where ?? null)}`;
      if (f && !found.has(key)) found.set(key, { list, field: f, where: rule.where });
    }
  }
  return [...found.values()];
}

/**
 * Answers that a rule accepts in place of addressing an entry it singles out: the values of the
 * choice questions tested with `equals` or `in` inside the `require` of a rule with `each` + `where`
 * (the decision "proceed with a justified burden", or "stop"). Moving to one lets a burden stand.
 */
export function burdenJustifications(model: Questionnaire): Array<{ question: Field; values: string[] }> {
  const found = new Map<string, { question: Field; values: string[] }>();
  for (const rule of model.rules) {
    if (rule.severity === 'off' || !rule.each || !rule.where) continue;
    for (const c of affirmedLeaves(rule.require)) {
      if (!('question' in c) || !c.question) continue;
      const q = model.questions.get(c.question);
      const values = c.in ?? (c.equals !== undefined ? [c.equals] : []);
      if (q?.type !== 'choice' || !values.length) continue;
      const entry = found.get(q.key) ?? { question: q, values: [] };
      for (const v of values.map(String)) if (!entry.values.includes(v)) entry.values.push(v);
      found.set(q.key, entry);
    }
  }
  return [...found.values()];
}

/**
 * How serious a choice value is, for a move "towards" what a rule flags: its place in the field's
 * `severityOrder` (least serious first), or undefined when the field has none or does not list it.
 * Without an order, only whether a rule flags the value counts.
 */
export function severityRank(field: Field | undefined, value: unknown): number | undefined {
  const i = field?.severityOrder?.indexOf(String(value)) ?? -1;
  return i === -1 ? undefined : i;
}
