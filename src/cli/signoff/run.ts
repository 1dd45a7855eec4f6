// eis signoff: a reviewer's decision, appended to the questionnaire's sign-off list with the date
// and the hashes of the memos and the answers it covers; the status follows from every reviewer's
// latest decision. Who signs is read from git (or --as) and must be a reviewer the config names.
import { resolve } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { loadConfig } from '../../edge/config/load.js';
import type { Context } from '../../edge/context.js';
import type { SignoffOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { displayPath } from '../../edge/files/discover.js';
import { questionnaireRegistry } from '../../edge/questionnaire/registry.js';
import { checkFile } from '../../edge/check/check-file.js';
import { textReporter } from '../../core/reporters/text.js';
import { writeAtomic } from '../../edge/files/statement-file.js';
import { appendEntry, setAnswer } from '../../core/statement/edit.js';
import { changeStatement, statementPosition, type StatementText } from '../../core/statement/change.js';
import { readStatementText } from '../../edge/files/read-statement.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { entriesOf, getAnswer, isPlainObject, uniqueId } from '../../core/questionnaire/answers.js';
import { computeValues } from '../../core/questionnaire/conditions.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { signoffList } from '../../core/review/conventions.js';
import { REVIEW_CODES } from '../../core/review/approval-findings.js';
import { answersHash, approvalPolicy, memoHashes, memosCovered } from '../../edge/review/memo-hash.js';
import { APPROVE_VALUES, approvalState, findReviewer, formatMemoHashes, type ApprovalState } from '../../core/review/approval.js';
import { gitIdentity } from '../../edge/git/identity.js';

export async function signoff(ctx: Context, file: string | undefined, options: SignoffOptions): Promise<number> {
  const decision = required(options.decision, '--decision', 'approve or changes-requested');
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  if (options.policy) return (await import('./policy.js')).signoffPolicy(ctx, config, decision, reviewerFor(ctx, config, options));
  if (file === undefined) throw new EisError('name the statement to sign off.', { hint: 'For example: eis signoff memos/child-care-credit.eis.yaml --decision approve' });
  const path = resolve(ctx.cwd, file);
  const shown = displayPath(path, ctx.cwd);
  const statement = readStatementText(path);
  const data = statement.data;
  const model = modelFor(statement, config, shown);
  const list = signoffList(model);
  if (!list)
    throw new EisError(`questionnaire ${model.ref} has no sign-off list, so eis cannot record one.`, {
      file: shown,
      hint: 'A sign-off list is a list question whose entries have name, role, decision (a choice) and date fields; see docs/review.md.',
    });
  const decisionField = list.list.fields!.find((f) => f.id === list.decision)!;
  const choices = decisionField.choices?.map((c) => c.value) ?? [];
  if (!choices.includes(decision)) throw new EisError(`"${decision}" is not a decision ${model.ref} knows.`, { hint: `Use --decision ${choices.join(' or ')}.` });
  const who = reviewerFor(ctx, config, options);
  const approving = APPROVE_VALUES.has(decision);

  if (approving) {
    // An approval says the statement is fit to merge: not one with errors in it.
    const report = checkFile(path, questionnaireRegistry(config), { config, cwd: ctx.cwd, today: ctx.today });
    const errors = report.findings.filter((f) => f.severity === 'error' && !REVIEW_CODES.has(f.code));
    if (errors.length) {
      ctx.stdout(textReporter({ statements: [{ ...report, findings: errors }], findings: [] }, { color: ctx.color, strict: false, version: ctx.version, tool: 'check' }));
      ctx.stderr(`eis: ${shown} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; an approval covers a complete statement only. Nothing was recorded.\n`);
      return 1;
    }
  }

  const memos = memosCovered(path, data, model, config);
  const memoHash = formatMemoHashes(memoHashes(path, memos));
  const existing = entriesOf(isPlainObject(data) ? getAnswer(data, list.key) : undefined);
  const entry: Record<string, unknown> = { id: uniqueId(who.name, existing), [list.name]: who.name, [list.role]: who.role, [list.decision]: decision, [list.date]: ctx.today };
  if (list.email && who.email) entry[list.email] = who.email;
  if (options.comment?.trim() && list.comment) entry[list.comment] = options.comment.trim();
  if (approving && memoHash && list.hash) entry[list.hash] = memoHash;
  // Hashed with the sign-off list in place, as every later check reads the statement: a statement
  // that had no sign-off section yet gains one with this entry, and that is not an answer changed.
  if (approving && list.answersHash) entry[list.answersHash] = answersHash(model, withEntry(data, list.key, {}));

  // The state with the new entry decides the status.
  const after = withEntry(data, list.key, entry);
  const [screening] = model.computed;
  const level = screening ? computeValues(model, after, ctx.today)[screening.id] : undefined;
  const state = approvalState(model, after, approvalPolicy(config), level, () => ({ memos: memoHashes(path, memos), answers: answersHash(model, after) }));
  const status = statusFor(model, state, isPlainObject(data) && model.roles.status ? getAnswer(data, model.roles.status) : undefined);
  const listPath = list.key.split('.');
  const statusPath = model.roles.status?.split('.');
  const touched = status !== undefined && statusPath ? [listPath, statusPath] : [listPath];
  writeAtomic(
    path,
    changeStatement(statement, touched, (doc) => {
      appendEntry(doc, model, listPath, entry);
      if (status !== undefined && statusPath) setAnswer(doc, model, statusPath, status);
    }),
    statement.hash,
  );

  const label = decisionField.choices?.find((c) => c.value === decision)?.label ?? decision;
  ctx.stdout(`${shown}: ${label} by ${who.name}${who.role ? ` (${who.role})` : ''} on ${ctx.today}${status !== undefined ? `; status ${status}` : ''}\n`);
  if (options.comment?.trim() && !list.comment) ctx.stderr(`eis: ${model.ref}'s sign-off list has no comments field; the comment was not recorded.\n`);
  if (state.state === 'pending' && state.missing.length) ctx.stderr(`eis: not approved yet: it still needs an approval from ${state.missing.join(', ')}.\n`);
  if (!approving) return 0;
  const covered = memos.length ? `${memos.map((m) => displayPath(m, ctx.cwd)).join(', ')} and the answers` : 'the answers';
  if (!list.hash || !list.answersHash) ctx.stderr(`eis: ${model.ref}'s sign-off list has no field for the ${!list.answersHash ? 'answers' : "memo's"} hash, so a later change cannot be detected.\n`);
  else if (!memos.length) ctx.stderr(`eis: no memo found for ${shown} (beside it, or listed in it); the approval covers the answers only.\n`);
  ctx.stderr(`eis: the approval covers ${covered}; a later change to any of them makes it stale.\n`);
  return 0;
}

function modelFor(statement: StatementText, config: Config, shown: string): Questionnaire {
  try {
    return questionnaireFor(statement.data, questionnaireRegistry(config));
  } catch (error) {
    if (error instanceof EisError && !error.file) throw new EisError(error.message, { file: shown, ...statementPosition(statement, ['questionnaire']), hint: error.hint });
    throw error;
  }
}

/**
 * The reviewer signing: the config's reviewer with this git identity (or --as), in the role asked
 * for or the roles they hold. With no reviewers in the config, anyone may sign with --name and --role.
 */
export function reviewerFor(ctx: Context, config: Config, options: SignoffOptions): { name: string; email?: string | undefined; role: string } {
  const email = options.as?.trim() || gitIdentity(ctx.cwd).email;
  if (!config.reviewers.length) {
    const name = required(options.name ?? gitIdentity(ctx.cwd).name, '--name', 'the reviewer\'s name, e.g. --name "Morgan Lee"');
    return { name, email, role: required(options.role, '--role', 'the reviewer\'s role, e.g. --role "Chief Equity Officer"') };
  }
  if (!email) throw new EisError('eis cannot tell who you are: git has no user.email here.', { hint: 'Set it with git config user.email, or pass --as EMAIL.' });
  const reviewer = findReviewer(config.reviewers, { email });
  if (!reviewer)
    throw new EisError(`${email} is not a reviewer named in the config, so eis will not record a sign-off by them.`, {
      file: config.file ? displayPath(config.file, ctx.cwd) : undefined,
      hint: `Reviewers: ${config.reviewers.map((r) => `${r.name} <${r.email}>`).join(', ')}.`,
    });
  if (options.name?.trim() && options.name.trim().toLowerCase() !== reviewer.name.toLowerCase())
    throw new EisError(`--name "${options.name.trim()}" is not the name the config gives ${email} ("${reviewer.name}").`, { hint: 'Leave out --name: eis takes it from the config.' });
  const role = options.role?.trim();
  if (role && !reviewer.roles.includes(role)) throw new EisError(`${reviewer.name} does not hold the role "${role}" in the config.`, { hint: `Their roles: ${reviewer.roles.join(', ')}.` });
  return { name: reviewer.name, email: reviewer.email, role: role ?? reviewer.roles.join(', ') };
}

/** The status the sign-offs give, when the status question offers it; undefined to leave it. */
function statusFor(model: Questionnaire, state: ApprovalState, current: unknown): string | undefined {
  const question = model.roles.status ? model.questions.get(model.roles.status) : undefined;
  const offered = new Set(question?.choices?.map((c) => c.value) ?? []);
  const want = state.state === 'approved' ? 'approved' : state.state === 'changes-requested' ? 'changes-requested' : 'in-review';
  if (!offered.has(want) || current === want) return undefined;
  return want;
}

function withEntry(data: unknown, key: string, entry: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(isPlainObject(data) ? data : {}) as Record<string, unknown>;
  const [section, question] = key.split('.') as [string, string]; // `section.question`
  const part = isPlainObject(copy[section]) ? (copy[section] as Record<string, unknown>) : (copy[section] = {});
  part[question] = [...entriesOf(part[question]), entry];
  return copy;
}

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || !value.trim()) throw new EisError(`${flag} is required.`, { hint: `Give ${what}.` });
  return value.trim();
}
