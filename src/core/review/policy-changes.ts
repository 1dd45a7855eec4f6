// What a branch changed in the policy: the config settings and the questionnaire that decide what
// a statement must hold and who may approve it. Each change is marked as loosening (fewer
// findings, more people who can approve) or not, so the gate can refuse to let a branch loosen
// the rules it is checked against. Pure: two policies in, a list of changes out.
import type { Config } from '../config/config.js';
import type { Questionnaire } from '../questionnaire/model.js';

export interface PolicyChange {
  /** One plain sentence: `rules.required: error -> off`. */
  what: string;
  loosens: boolean;
  /** Where in the config, when the change is there (for the finding's line). */
  path?: string[];
}

export interface PolicyView {
  config: Config;
  questionnaire: Questionnaire;
}

const RANK: Record<string, number> = { off: 0, warning: 1, error: 2 };

export function policyChanges(before: PolicyView, after: PolicyView): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const a = before.config;
  const b = after.config;

  if (a.questionnaire !== b.questionnaire) changes.push({ what: `questionnaire: ${a.questionnaire} -> ${b.questionnaire}`, loosens: true, path: ['questionnaire'] });
  changes.push(...questionnaireChanges(before.questionnaire, after.questionnaire));

  for (const code of new Set([...Object.keys(a.rules), ...Object.keys(b.rules)])) {
    const was: string = a.rules[code] ?? 'default';
    const now: string = b.rules[code] ?? 'default';
    if (was === now) continue;
    // A code not listed keeps the severity eis gives it, which may be an error: dropping or adding
    // an override is judged against that, conservatively.
    // Rules hold off, warning or error, all of them in RANK.
    const loosens = now === 'default' ? RANK[was]! < 2 : was === 'default' ? RANK[now]! < 2 : RANK[now]! < RANK[was]!;
    changes.push({ what: `rules.${code}: ${was} -> ${now}`, loosens, path: ['rules', code] });
  }

  for (const key of ['memos', 'folders'] as const) listChanges(changes, `initiatives.${key}`, a.initiatives[key], b.initiatives[key], 'removed', ['initiatives', key]);
  listChanges(changes, 'initiatives.exclude', a.initiatives.exclude, b.initiatives.exclude, 'added', ['initiatives', 'exclude']);
  listChanges(
    changes,
    'initiatives.registry',
    a.initiatives.registry.map((e) => e.id),
    b.initiatives.registry.map((e) => e.id),
    'removed',
    ['initiatives', 'registry'],
  );
  for (const key of ['memo', 'folder', 'registry'] as const)
    if (a.statements[key] !== b.statements[key]) changes.push({ what: `statements.${key}: ${a.statements[key]} -> ${b.statements[key]}`, loosens: true, path: ['statements', key] });

  const people = (c: Config) => new Map(c.reviewers.map((r) => [r.email.toLowerCase(), r]));
  const pa = people(a);
  const pb = people(b);
  for (const [email, r] of pb) {
    const was = pa.get(email);
    if (!was) changes.push({ what: `reviewer added: ${r.name} <${r.email}> (${r.roles.join(', ')})`, loosens: true, path: ['reviewers'] });
    else {
      const added = r.roles.filter((x) => !was.roles.includes(x));
      if (added.length) changes.push({ what: `reviewer ${r.name} gains the role${added.length > 1 ? 's' : ''} ${added.join(', ')}`, loosens: true, path: ['reviewers'] });
      const removed = was.roles.filter((x) => !r.roles.includes(x));
      if (removed.length) changes.push({ what: `reviewer ${r.name} loses the role${removed.length > 1 ? 's' : ''} ${removed.join(', ')}`, loosens: false, path: ['reviewers'] });
    }
  }
  // With no reviewers left, anyone's sign-off counts: removing the last one opens the door.
  for (const [email, r] of pa)
    if (!pb.has(email))
      changes.push({ what: `reviewer removed: ${r.name} <${r.email}>${pb.size ? '' : ' (no reviewers are left, so anyone could approve)'}`, loosens: pb.size === 0, path: ['reviewers'] });

  const levels = new Set([...Object.keys(a.approvals ?? {}), ...Object.keys(b.approvals ?? {})]);
  if (a.approvals && !b.approvals) changes.push({ what: 'approvals: removed (one approval by any reviewer is enough now)', loosens: true, path: [] });
  else
    for (const level of levels) {
      const was = a.approvals?.[level] ?? a.approvals?.default;
      const now = b.approvals?.[level] ?? b.approvals?.default;
      const wasText = was ? `[${was.join(', ')}]` : 'any reviewer';
      const nowText = now ? `[${now.join(', ')}]` : 'any reviewer';
      if (wasText === nowText) continue;
      const loosens = !was ? (now ?? []).length === 0 : !now || was.some((r) => !now.includes(r));
      changes.push({ what: `approvals.${level}: ${wasText} -> ${nowText}`, loosens, path: ['approvals', level] });
    }
  listChanges(changes, 'policyOwners', a.policyOwners, b.policyOwners, 'added', ['policyOwners']);
  vocabularyChanges(changes, a, b);
  return changes;
}

/**
 * An agency list holds the values answers may take: a value added is one more answer accepted
 * (loosens), a list removed gives its questions back the questionnaire's choices or free text.
 */
function vocabularyChanges(out: PolicyChange[], a: Config, b: Config): void {
  const values = (list: ReadonlyArray<string | { value: string }>) => list.map((e) => (typeof e === 'string' ? e : e.value));
  const lists = (c: Config): Record<string, string[]> => ({
    ...Object.fromEntries(Object.entries(c.vocabularies).map(([name, list]) => [name, values(list)])),
    ...(c.disaggregation.categories ? { 'disaggregation.categories': values(c.disaggregation.categories) } : {}),
  });
  const la = lists(a);
  const lb = lists(b);
  for (const name of new Set([...Object.keys(la), ...Object.keys(lb)])) {
    const label = name.startsWith('disaggregation') ? name : `vocabularies.${name}`;
    const path = name.startsWith('disaggregation') ? ['disaggregation', 'categories'] : ['vocabularies', name];
    if (!lb[name]) out.push({ what: `${label}: removed (its questions take the questionnaire's own choices again)`, loosens: true, path: path.slice(0, 1) });
    else if (!la[name]) out.push({ what: `${label}: added`, loosens: false, path });
    else listChanges(out, label, la[name]!, lb[name]!, 'added', path);
  }
  if (a.disaggregation.suppressBelow !== b.disaggregation.suppressBelow)
    out.push({
      what: `disaggregation.suppressBelow: ${a.disaggregation.suppressBelow} -> ${b.disaggregation.suppressBelow}`,
      loosens: b.disaggregation.suppressBelow < a.disaggregation.suppressBelow,
      path: ['disaggregation', 'suppressBelow'],
    });
}

/** Globs or roles: removing one loosens (`loose` = 'removed') or adding one does ('added'). */
function listChanges(out: PolicyChange[], name: string, before: string[], after: string[], loose: 'removed' | 'added', path: string[]): void {
  for (const item of before) if (!after.includes(item)) out.push({ what: `${name}: removed ${item}`, loosens: loose === 'removed', path });
  for (const item of after) if (!before.includes(item)) out.push({ what: `${name}: added ${item}`, loosens: loose === 'added', path });
}

/** Words that change how the questionnaire reads, not what it requires. */
const WORDING = new Set(['label', 'help', 'example', 'description', 'title', 'message', 'because', 'placeholder']);

function semantic(value: unknown): string {
  return JSON.stringify(value, (key, v) => (WORDING.has(key) ? undefined : v));
}

/**
 * Questionnaire changes that can let through what was refused: a question, section or rule
 * removed or changed (its `required`, `when`, choices, severity), the computed level's cases.
 * A question or rule added is not a loosening. Wording changes are not reported.
 */
export function questionnaireChanges(a: Questionnaire, b: Questionnaire): PolicyChange[] {
  const changes: PolicyChange[] = [];
  if (a.id !== b.id || a.version !== b.version) changes.push({ what: `questionnaire ${a.ref} -> ${b.ref}`, loosens: true });
  const sections = (q: Questionnaire) => new Map(q.sections.map((s) => [s.id, s]));
  const sa = sections(a);
  const sb = sections(b);
  for (const [id, s] of sa) {
    const t = sb.get(id);
    if (!t) {
      changes.push({ what: `questionnaire section ${id} removed`, loosens: true });
      continue;
    }
    if (semantic({ ...s, questions: undefined }) !== semantic({ ...t, questions: undefined }))
      changes.push({ what: `questionnaire section ${id} changed (when it is shown or required)`, loosens: true });
    const qa = new Map(s.questions.map((q) => [q.id, q]));
    const qb = new Map(t.questions.map((q) => [q.id, q]));
    for (const [qid, q] of qa) {
      const r = qb.get(qid);
      if (!r) changes.push({ what: `question ${id}.${qid} removed`, loosens: true });
      else if (semantic(q) !== semantic(r))
        changes.push({ what: `question ${id}.${qid} changed${semantic(q.required) !== semantic(r.required) ? ` (required: ${describe(q.required)} -> ${describe(r.required)})` : ''}`, loosens: true });
    }
    for (const qid of qb.keys()) if (!qa.has(qid)) changes.push({ what: `question ${id}.${qid} added`, loosens: false });
  }
  for (const id of sb.keys()) if (!sa.has(id)) changes.push({ what: `questionnaire section ${id} added`, loosens: false });
  const ra = new Map(a.rules.map((r) => [r.id, r]));
  const rb = new Map(b.rules.map((r) => [r.id, r]));
  for (const [id, r] of ra) {
    const s = rb.get(id);
    if (!s) changes.push({ what: `rule ${id} removed`, loosens: true });
    else if (semantic(r) !== semantic(s))
      changes.push({ what: `rule ${id} changed${r.severity !== s.severity ? ` (severity ${r.severity ?? 'error'} -> ${s.severity ?? 'error'})` : ''}`, loosens: true });
  }
  for (const id of rb.keys()) if (!ra.has(id)) changes.push({ what: `rule ${id} added`, loosens: false });
  if (semantic(a.computed) !== semantic(b.computed)) changes.push({ what: 'questionnaire computed values changed (how the level is worked out)', loosens: true });
  if (semantic([...a.placeholders].sort()) !== semantic([...b.placeholders].sort())) changes.push({ what: 'questionnaire placeholders changed', loosens: true });
  return changes;
}

function describe(required: unknown): string {
  if (required === undefined || required === false) return 'no';
  if (required === true) return 'yes';
  return 'when a condition holds';
}
