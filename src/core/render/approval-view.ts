// The approval line at the top of a rendered statement, in words. Pure.
import type { ApprovalSummary } from '../review/approval-findings.js';
import type { Sayer } from './view/say.js';

const LABELS: Record<ApprovalSummary['state'], string> = {
  approved: 'approval_approved',
  'changes-requested': 'approval_changes_requested',
  stale: 'approval_stale',
  pending: 'approval_pending',
};

export function approvalView(summary: ApprovalSummary, { say, date }: Sayer): ApprovalView {
  const people = (list: Array<{ name: string; role?: string | undefined; date?: string | undefined }>) =>
    list
      .map((p) => {
        const person = `${p.name}${p.role ? ` (${p.role})` : ''}`;
        return p.date ? say('person_on', { person, date: date(p.date) }) : person;
      })
      .join('; ');
  let text: string;
  if (summary.state === 'approved') text = say('approved_by', { people: people(summary.by) });
  else if (summary.state === 'changes-requested') text = say('changes_requested_by', { people: people(summary.changesRequested) });
  else if (summary.state === 'stale')
    text = `${summary.stale.map((s) => say(s.date ? 'approval_of_no_longer_covers' : 'approval_no_longer_covers', { name: s.name, date: s.date ? date(s.date) : '', changes: s.changes.join('; ') })).join('. ')}.`;
  else text = say('needs_approval_from', { roles: summary.missing.join(', ') });
  if (summary.state !== 'approved' && summary.by.length) text += ` ${say('approved_so_far', { people: people(summary.by) })}`;
  return { state: summary.state, label: say(LABELS[summary.state]), text };
}

export interface ApprovalView {
  state: ApprovalSummary['state'];
  label: string;
  text: string;
}
