// The findings that say a statement is not approved for what it says now, and why. Pure.
import type { Questionnaire } from '../questionnaire/model.js';
import type { RawFinding } from '../findings/findings.js';
import type { ApprovalState, ApprovalSummary, Decision } from './approval.js';

export type { ApprovalSummary } from './approval.js';
import { signoffList } from './conventions.js';

/** Findings about approval itself, not about the answers: the reviewers', not the author's, to clear. */
export const REVIEW_CODES: ReadonlySet<string> = new Set(['stale', 'approval/required', 'approval/changes-requested', 'approval/unknown-reviewer']);

export function summarizeApproval(state: ApprovalState): ApprovalSummary {
  const who = (d: Decision) => ({ name: d.name, date: d.date });
  return {
    state: state.state === 'pending' && state.stale.length ? 'stale' : state.state,
    by: state.current.map((d) => ({ name: d.name, role: d.role, date: d.date })),
    missing: state.missing,
    stale: state.stale.map((s) => ({ ...who(s.decision), changes: s.changes })),
    changesRequested: state.changesRequested.map(who),
  };
}

/**
 * `approval/required` when the statement is not approved (at its status question when the status
 * claims it is), `stale` for each approval that no longer covers the content, `approval/changes-requested`
 * for each reviewer whose latest decision asks for changes, `approval/unknown-reviewer` for entries
 * by people the config does not name.
 */
export function approvalFindings(model: Questionnaire, state: ApprovalState, statusPath: string[] | undefined, claimsApproved: boolean): RawFinding[] {
  const findings: RawFinding[] = [];
  const list = signoffList(model);
  const listPath = list ? list.key.split('.') : [];
  for (const d of state.unknown)
    findings.push({
      code: 'approval/unknown-reviewer',
      severity: 'error',
      path: d.path,
      message: `${d.name || 'This sign-off'}${d.email ? ` <${d.email}>` : ''} is not a reviewer named in the config, so this ${d.decision || 'decision'} does not count.`,
      hint: 'Only reviewers listed under "reviewers:" in eis.config.yaml can sign off; a change to that list is a policy change.',
    });
  for (const s of state.stale)
    findings.push({
      code: 'stale',
      severity: 'error',
      path: s.decision.path,
      message: `${s.decision.name}'s approval${s.decision.date ? ` of ${s.decision.date}` : ''} no longer covers the statement: ${s.changes.join('; ')}.`,
      hint: `Ask ${s.decision.name} to review it again and record it with eis signoff.`,
    });
  for (const d of state.changesRequested)
    findings.push({
      code: 'approval/changes-requested',
      severity: 'error',
      path: d.path,
      message: `${d.name} requested changes${d.date ? ` on ${d.date}` : ''}; the statement is not approved until they approve it.`,
      hint: `Make the changes, then ask ${d.name} to review it again (eis signoff).`,
    });
  if (state.state === 'pending') {
    const need = state.required.length ? `an approval from ${joinWords(state.missing.map((r) => `"${r}"`))}` : 'an approval from a reviewer';
    const why = state.stale.length ? ' that covers it as it is now' : '';
    findings.push({
      code: 'approval/required',
      severity: 'error',
      path: statusPath ?? listPath,
      message: claimsApproved ? `The status says approved, but the statement still needs ${need}${why}.` : `The statement is not approved: it needs ${need}${why}.`,
      hint: claimsApproved
        ? 'Approval is recorded by reviewers with eis signoff, which sets the status; set it back to in-review meanwhile.'
        : 'A reviewer named in eis.config.yaml records it with eis signoff.',
    });
  }
  return findings;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
