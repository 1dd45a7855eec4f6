// A statement's approval state as reports carry it: made in core/review, shown by reporters and pages.

/** What a report keeps of the approval state, for status, render and the cache. */
export interface ApprovalSummary {
  state: 'approved' | 'changes-requested' | 'stale' | 'pending';
  /** Approvals that count, for the page's "approved by". */
  by: Array<{ name: string; role?: string | undefined; date?: string | undefined }>;
  /** Roles still to approve. */
  missing: string[];
  /** The stale approvals: who, when, what changed. */
  stale: Array<{ name: string; date?: string | undefined; changes: string[] }>;
  /** Who asked for changes. */
  changesRequested: Array<{ name: string; date?: string | undefined }>;
}
