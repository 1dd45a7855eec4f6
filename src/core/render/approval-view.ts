// The approval line at the top of a rendered statement, in words. Pure.
import type { ApprovalSummary } from '../review/approval-findings.js';

const LABELS: Record<ApprovalSummary['state'], string> = {
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  stale: 'Approval out of date',
  pending: 'Not approved',
};

export function approvalView(summary: ApprovalSummary): ApprovalView {
  const people = (list: Array<{ name: string; role?: string | undefined; date?: string | undefined }>) =>
    list.map((p) => `${p.name}${p.role ? ` (${p.role})` : ''}${p.date ? ` on ${p.date}` : ''}`).join('; ');
  let text: string;
  if (summary.state === 'approved') text = `Approved by ${people(summary.by)}, for the memo and the answers as they are now.`;
  else if (summary.state === 'changes-requested') text = `Changes requested by ${people(summary.changesRequested)}.`;
  else if (summary.state === 'stale') text = `${summary.stale.map((s) => `${s.name}'s approval${s.date ? ` of ${s.date}` : ''} no longer covers it: ${s.changes.join('; ')}`).join('. ')}.`;
  else text = `It still needs an approval from ${summary.missing.join(', ')}.`;
  if (summary.state !== 'approved' && summary.by.length) text += ` Approved so far by ${people(summary.by)}.`;
  return { state: summary.state, label: LABELS[summary.state], text };
}

export interface ApprovalView {
  state: ApprovalSummary['state'];
  label: string;
  text: string;
}
