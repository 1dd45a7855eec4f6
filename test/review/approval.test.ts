// Approval worked out from the sign-offs and the config, not from a typed status (the pure core).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { approvalState, canonicalAnswers, changesSince, memoChanges, type ApprovalPolicy, type CurrentContent } from '../../src/core/review/approval.js';
import { approvalFindings } from '../../src/core/review/approval-findings.js';
import { answersHash } from '../../src/edge/review/memo-hash.js';
import { builtin, readYaml } from '../helpers/model.js';
import { EXAMPLES } from '../helpers/cli.js';

const model = builtin();
const MEMO = 'sha256:00d02d4c8e1b2493fcc2b2e440df4bc157a3da7d5d5de936de73aedda1a576d8';
const complete = () => structuredClone(readYaml(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml'))) as Record<string, any>;
const policy: ApprovalPolicy = {
  reviewers: [
    { name: 'Morgan Lee', email: 'morgan.lee@example.gov', roles: ['equity-office'] },
    { name: 'Sam Ortiz', email: 'sam.ortiz@example.gov', roles: ['language-access'] },
  ],
  approvals: { none: ['equity-office'], brief: ['equity-office'], full: ['equity-office', 'language-access'] },
};
const now = (data: unknown, memo = MEMO): CurrentContent => ({ memos: [{ path: 'text-payment-reminders.md', hash: memo }], answers: answersHash(model, data) });
const state = (data: Record<string, any>, memo = MEMO, p = policy) => approvalState(model, data, p, 'full', () => now(data, memo));
const entry = (who: 'morgan' | 'sam', decision: string, date: string, data: unknown) => ({
  id: `${who}-${date}`,
  name: who === 'morgan' ? 'Morgan Lee' : 'Sam Ortiz',
  email: `${who === 'morgan' ? 'morgan.lee' : 'sam.ortiz'}@example.gov`,
  role: who === 'morgan' ? 'equity-office' : 'language-access',
  decision,
  date,
  ...(decision === 'approve' ? { memo_hash: MEMO, answers_hash: answersHash(model, data) } : {}),
});

describe('approval state', () => {
  it('is approved when every role the level needs has approved the memo and answers as they are', () => {
    const s = state(complete());
    expect(s.state).toBe('approved');
    expect(s.current.map((d) => d.name)).toEqual(['Morgan Lee', 'Sam Ortiz']);
  });

  it('needs every role of the level: one approval is not enough for a full assessment (finding 1)', () => {
    const data = complete();
    data.signoff.reviewers.pop();
    expect(state(data)).toMatchObject({ state: 'pending', missing: ['language-access'] });
    // A brief assessment needs the equity office only.
    expect(approvalState(model, data, policy, 'brief', () => now(data)).state).toBe('approved');
  });

  it("counts each reviewer's latest decision: a later changes-requested withdraws an approval (finding 3)", () => {
    const data = complete();
    data.signoff.reviewers.push(entry('sam', 'changes-requested', '2026-05-01', data));
    const s = state(data);
    expect(s.state).toBe('changes-requested');
    expect(s.changesRequested.map((d) => d.name)).toEqual(['Sam Ortiz']);
    // And approving again afterwards restores it.
    data.signoff.reviewers.push(entry('sam', 'approve', '2026-05-02', data));
    expect(state(data).state).toBe('approved');
  });

  it('goes stale when an answer changes after the sign-off (finding 4)', () => {
    const data = complete();
    data.proposal.decision = 'A 36-month mandatory program.';
    const s = state(data);
    expect(s.state).toBe('pending');
    expect(s.stale.map((x) => [x.decision.name, x.changes])).toEqual([
      ['Morgan Lee', ['the answers changed']],
      ['Sam Ortiz', ['the answers changed']],
    ]);
  });

  it('goes stale when a population moves to burden', () => {
    const data = complete();
    data.populations.groups[0].direction = 'burden';
    expect(state(data).stale).toHaveLength(2);
  });

  it('does not go stale for what is not an answer: the status, the sign-off list, x- notes, key order', () => {
    const data = complete();
    const before = answersHash(model, data);
    data.initiative.status = 'in-review';
    data['x-note'] = 'ask legal';
    data.initiative = Object.fromEntries(Object.entries(data.initiative).reverse());
    expect(answersHash(model, data)).toBe(before);
    data.initiative.title = 'Text reminders';
    expect(answersHash(model, data)).not.toBe(before);
  });

  it('goes stale when the memo changes, naming it', () => {
    expect(state(complete(), 'sha256:0000').stale[0].changes).toEqual(['memo text-payment-reminders.md changed']);
  });

  it('an approval that recorded no hashes proves nothing (finding 7)', () => {
    const data = complete();
    for (const r of data.signoff.reviewers) {
      delete r.memo_hash;
      delete r.answers_hash;
    }
    const s = state(data);
    expect(s.state).toBe('pending');
    expect(s.stale[0].changes).toEqual(['it recorded no hash of the answers', 'it recorded no hash of the memo']);
  });

  it('does not count sign-offs by people the config does not name', () => {
    const data = complete();
    data.signoff.reviewers[1] = { ...data.signoff.reviewers[1], name: 'Pat Author', email: 'pat@example.gov' };
    const s = state(data);
    expect(s.state).toBe('pending');
    expect(s.unknown.map((d) => d.name)).toEqual(['Pat Author']);
    expect(approvalFindings(model, s, ['initiative', 'status'], true).map((f) => f.code)).toEqual(['approval/unknown-reviewer', 'approval/required']);
  });

  it('with no reviewers in the config, one approval by anyone counts, and roles come from the entries', () => {
    const data = complete();
    data.signoff.reviewers.pop();
    expect(state(data, MEMO, { reviewers: [] }).state).toBe('approved');
    expect(state(data, MEMO, { reviewers: [], approvals: { full: ['equity-office', 'language-access'] } }).missing).toEqual(['language-access']);
  });

  it('a level listed with no roles needs no approval', () => {
    const data = complete();
    data.signoff.reviewers = [];
    expect(state(data, MEMO, { ...policy, approvals: { full: [] } }).state).toBe('approved');
    expect(state(data).missing).toEqual(['equity-office', 'language-access']);
  });

  it('says "status says approved" when the status claims what the sign-offs do not back', () => {
    const data = complete();
    data.signoff.reviewers = [];
    const findings = approvalFindings(model, state(data), ['initiative', 'status'], true);
    expect(findings).toMatchObject([{ code: 'approval/required', path: ['initiative', 'status'] }]);
    expect(findings[0].message).toMatch(/^The status says approved, but the statement still needs an approval from "equity-office" and "language-access"\.$/);
  });
});

describe('memo hashes', () => {
  it('one memo: a bare hash, whatever its path (a moved memo keeps its approval)', () => {
    expect(memoChanges('sha256:aa', [{ path: 'renamed.md', hash: 'sha256:aa' }])).toEqual([]);
    expect(memoChanges('sha256:aa', [{ path: 'a.md', hash: 'sha256:bb' }])).toEqual(['memo a.md changed']);
  });

  it('several memos: one line per path, so swapping their contents is a change (finding 6)', () => {
    const recorded = 'a.md sha256:aa\nb.md sha256:bb';
    expect(
      memoChanges(recorded, [
        { path: 'a.md', hash: 'sha256:aa' },
        { path: 'b.md', hash: 'sha256:bb' },
      ]),
    ).toEqual([]);
    expect(
      memoChanges(recorded, [
        { path: 'a.md', hash: 'sha256:bb' },
        { path: 'b.md', hash: 'sha256:aa' },
      ]),
    ).toEqual(['memo a.md changed', 'memo b.md changed']);
    expect(memoChanges(recorded, [{ path: 'a.md', hash: 'sha256:aa' }])).toEqual(['memo b.md is no longer covered']);
    // Moved (same content under a new path): still covered. Moved and changed: not.
    expect(
      memoChanges(recorded, [
        { path: 'a.md', hash: 'sha256:aa' },
        { path: 'sub/b.md', hash: 'sha256:bb' },
      ]),
    ).toEqual([]);
    expect(
      memoChanges(recorded, [
        { path: 'a.md', hash: 'sha256:aa' },
        { path: 'sub/b.md', hash: 'sha256:b2' },
      ]),
    ).toEqual(['memo sub/b.md was added', 'memo b.md is no longer covered']);
    expect(
      memoChanges('sha256:aa', [
        { path: 'a.md', hash: 'sha256:aa' },
        { path: 'c.md', hash: 'sha256:cc' },
      ]),
    ).toEqual(['the statement now covers 2 memos (a.md, c.md)']);
  });

  it('an approval is stale when the memo hash was written by hand to match a changed memo but the answers were not', () => {
    const d = { path: [], name: 'Morgan Lee', decision: 'approve', memoHash: 'sha256:new', answersHash: 'sha256:old' };
    expect(changesSince(d, { memos: [{ path: 'a.md', hash: 'sha256:new' }], answers: 'sha256:now' })).toEqual(['the answers changed']);
  });
});

describe('canonical answers', () => {
  it('ignores key order and x- keys, and not values', () => {
    const exclude = { signoff: 'signoff.reviewers', status: ['initiative.status'] };
    expect(canonicalAnswers({ b: { y: 1, x: 2 }, a: 1, 'x-n': 3 }, exclude)).toBe(canonicalAnswers({ a: 1, b: { x: 2, y: 1 } }, exclude));
    expect(canonicalAnswers({ a: 1 }, exclude)).not.toBe(canonicalAnswers({ a: '1' }, exclude));
  });
});
