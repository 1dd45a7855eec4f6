// eis signoff --policy: a policy owner approves the config and questionnaire as they stand, so that
// a branch that loosens them can pass the gate (which reads the owners from the base branch).
import type { Config } from '../../core/config/config.js';
import type { Context } from '../../edge/context.js';
import { EisError } from '../../core/errors.js';
import { displayPath } from '../../edge/files/discover.js';
import { readStatementText } from '../../edge/files/read-statement.js';
import { writeAtomic } from '../../edge/files/statement-file.js';
import { parseYamlSource } from '../../core/yaml/source.js';
import { documentText } from '../../core/statement/edit.js';
import { isSeq } from 'yaml';
import { policyHash, workingPolicy } from '../../edge/git/policy.js';
import { findReviewer } from '../../core/review/approval.js';

export function signoffPolicy(ctx: Context, config: Config, decision: string, who: { name: string; email?: string | undefined }): number {
  if (decision !== 'approve')
    throw new EisError('a policy change is approved or left unapproved; there is nothing to record for it.', { hint: 'Use --policy --decision approve, or say what to change in the pull request.' });
  if (!config.file) throw new EisError('there is no eis.config.yaml here to approve.', { hint: 'Run eis init to write one.' });
  const shown = displayPath(config.file, ctx.cwd);
  const reviewer = who.email ? findReviewer(config.reviewers, { email: who.email }) : undefined;
  if (!reviewer?.roles.some((r) => config.policyOwners.includes(r)))
    throw new EisError(`${who.name}${who.email ? ` <${who.email}>` : ''} is not a policy owner in ${shown}, so eis will not record a policy approval by them.`, {
      file: shown,
      hint: config.policyOwners.length
        ? `Policy owners hold the role ${config.policyOwners.join(' or ')}; the gate reads them from the base branch.`
        : 'Name the roles under policyOwners: in the config (on the base branch).',
    });
  const hash = policyHash(workingPolicy(config));
  const file = readStatementText(config.file);
  const source = file.source ?? parseYamlSource(file.text, shown);
  const doc = source.doc;
  const entry = { name: reviewer.name, email: reviewer.email, date: ctx.today, policy_hash: hash };
  const existing = doc.getIn(['policyApprovals'], true);
  if (isSeq(existing)) {
    // One approval per owner: the latest stands.
    existing.items = existing.items.filter((item) => String((item as { get?: (k: string) => unknown }).get?.('email') ?? '').toLowerCase() !== reviewer.email.toLowerCase());
    existing.items.push(doc.createNode(entry));
    existing.flow = false;
  } else doc.setIn(['policyApprovals'], doc.createNode([entry]));
  const text = documentText(doc);
  writeAtomic(config.file, file.eol ? text.replace(/\n/g, '\r\n') : text, file.hash);
  ctx.stdout(`${shown}: policy approved by ${reviewer.name} on ${ctx.today}, ${hash.slice(0, 19)}…\n`);
  ctx.stderr('eis: the approval covers the config and the questionnaire as they are now; commit it yourself, and any later change to them needs a new one.\n');
  return 0;
}
