// eis signoff: a reviewer's decision, appended to the questionnaire's sign-off list with the date
// and the content hash of the memos the statement covers, so that a later memo change shows.
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import type { Context } from '../context.js';
import { EisError } from '../errors.js';
import { displayPath } from '../discover.js';
import { questionnaireRegistry } from '../check/run.js';
import { writeAtomic } from '../statement/file.js';
import { appendEntry } from '../statement/edit.js';
import { changeStatement, readStatementText, statementPosition } from '../statement/change.js';
import { questionnaireFor } from '../statement/pin.js';
import { entriesOf, getAnswer, isPlainObject, uniqueId } from '../questionnaire/answers.js';
import { signoffList } from '../review/conventions.js';
import { memoHash, memosCovered } from '../review/memo-hash.js';

export interface SignoffOptions {
  name?: string;
  role?: string;
  decision?: string;
  comment?: string;
}

export async function signoff(ctx: Context, file: string, options: SignoffOptions): Promise<number> {
  const name = required(options.name, '--name', 'the reviewer\'s name, e.g. --name "Morgan Lee"');
  const role = required(options.role, '--role', 'the reviewer\'s role, e.g. --role "Chief Equity Officer"');
  const decision = required(options.decision, '--decision', 'approve or changes-requested');
  const config = loadConfig({ config: ctx.config, cwd: ctx.cwd, allowExternalQuestionnaire: ctx.allowExternalQuestionnaire });
  const path = resolve(ctx.cwd, file);
  const shown = displayPath(path, ctx.cwd);
  const statement = readStatementText(path);
  const data = statement.data;
  let model;
  try {
    model = questionnaireFor(data, questionnaireRegistry(config));
  } catch (error) {
    if (error instanceof EisError && !error.file) throw new EisError(error.message, { file: shown, ...statementPosition(statement, ['questionnaire']), hint: error.hint });
    throw error;
  }
  const list = signoffList(model);
  if (!list)
    throw new EisError(`questionnaire ${model.ref} has no sign-off list, so eis cannot record one.`, {
      file: shown,
      hint: 'A sign-off list is a list question whose entries have name, role, decision (a choice) and date fields; see docs/ci.md.',
    });
  const decisionField = list.list.fields!.find((f) => f.id === list.decision)!;
  const choices = decisionField.choices?.map((c) => c.value) ?? [];
  if (!choices.includes(decision)) throw new EisError(`"${decision}" is not a decision ${model.ref} knows.`, { hint: `Use --decision ${choices.join(' or ')}.` });

  const memos = memosCovered(path, data, model, config);
  const hash = memoHash(memos);
  const existing = entriesOf(isPlainObject(data) ? getAnswer(data, list.key) : undefined);
  const entry: Record<string, unknown> = { id: uniqueId(name, existing), [list.name]: name, [list.role]: role, [list.decision]: decision, [list.date]: ctx.today };
  if (options.comment?.trim() && list.comment) entry[list.comment] = options.comment.trim();
  if (hash && list.hash) entry[list.hash] = hash;

  const listPath = list.key.split('.');
  writeAtomic(path, changeStatement(statement, [listPath], (doc) => void appendEntry(doc, model, listPath, entry)), statement.hash);

  const label = decisionField.choices?.find((c) => c.value === decision)?.label ?? decision;
  ctx.stdout(`${shown}: ${label} by ${name} (${role}) on ${ctx.today}${hash && list.hash ? `, memo ${hash.slice(0, 19)}…` : ''}\n`);
  if (options.comment?.trim() && !list.comment) ctx.stderr(`eis: ${model.ref}'s sign-off list has no comments field; the comment was not recorded.\n`);
  if (!list.hash) ctx.stderr(`eis: ${model.ref}'s sign-off list has no field for the memo's hash, so a later memo change cannot be detected.\n`);
  else if (!hash) ctx.stderr(`eis: no memo found for ${shown} (beside it, or listed in it), so a later memo change cannot be detected.\n`);
  else ctx.stderr(`eis: the sign-off covers ${memos.map((m) => displayPath(m, ctx.cwd)).join(', ')}; a later change to ${memos.length === 1 ? 'it' : 'them'} makes the statement stale.\n`);
  return 0;
}

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || !value.trim()) throw new EisError(`${flag} is required.`, { hint: `Give ${what}.` });
  return value.trim();
}
