// The policy the gate enforces, and what a branch changed in it. The policy of REF (the branch a
// pull request merges into) decides what is required; the branch's own changes to the config or
// the questionnaire are reported, and a loosening fails the gate unless a policy owner, named in
// REF's config, approved the policy exactly as it now stands (eis signoff --policy).
import { readFileSync } from 'node:fs';
import type { Config } from '../../core/config/config.js';
import type { Finding } from '../../core/findings/findings.js';
import { findReviewer } from '../../core/review/approval.js';
import { policyChanges, type PolicyChange } from '../../core/review/policy-changes.js';
import { parseYamlSource, positionOf } from '../../core/yaml/source.js';
import { displayPath } from '../files/discover.js';
import { policyAt, policyHash, workingPolicy, type Policy } from './policy.js';
import { mergeBase } from './changed.js';
import { repoRoot, verifyCommit } from './repo.js';

export interface GatePolicy {
  /** The policy to check against: REF's. */
  policy: Policy;
  findings: Finding[];
  /** The branch changed the policy (any setting that decides findings, or the questionnaire). */
  changed: boolean;
}

export function gatePolicy(ref: string, cwd: string, working: Config): GatePolicy {
  verifyCommit(ref, cwd);
  const policy = policyAt(ref, cwd, working);
  const fork = mergeBase(ref, repoRoot(cwd));
  const before = fork ? policyAt(fork, cwd, working) : policy;
  const current = workingPolicy(working);
  const changes = [...policyChanges(before, current), ...earlierChanges(before, current)];
  const changed = changes.length > 0 || policyHash(before) !== policyHash(current);
  if (!changes.length) return { policy, findings: [], changed };

  const loosened = changes.filter((c) => c.loosens);
  const file = working.file ?? policy.config.file;
  const shown = file ? displayPath(file, cwd) : 'eis.config.yaml';
  const at = locate(working.file, (loosened[0] ?? changes[0]!).path);
  const list = (items: PolicyChange[]) => items.map((c) => c.what).join('; ');
  if (!loosened.length)
    return {
      policy,
      changed,
      findings: [{ code: 'policy/changed', severity: 'warning', file: shown, path: [], ...at, message: `This branch changes the policy; it takes effect once merged: ${list(changes)}.` }],
    };

  const approval = policyApproval(policy.config, current);
  if (approval)
    return {
      policy,
      changed,
      findings: [
        {
          code: 'policy/changed',
          severity: 'warning',
          file: shown,
          path: [],
          ...at,
          message: `This branch loosens the policy, approved by ${approval.name} on ${approval.date}; it takes effect once merged: ${list(loosened)}.`,
        },
      ],
    };
  const owners = policy.config.policyOwners;
  return {
    policy,
    changed,
    findings: [
      {
        code: 'policy/loosened',
        severity: 'error',
        file: shown,
        path: [],
        ...at,
        message: `This branch loosens the policy it is checked against, so the gate checks with ${ref}'s: ${list(loosened)}.`,
        hint: owners.length
          ? `A reviewer with the role ${owners.join(' or ')} in ${ref}'s config approves the change with: eis signoff --policy --decision approve`
          : `${ref}'s config names no policyOwners, so no one can approve a loosening in a pull request; change the policy on ${ref} itself.`,
      },
    ],
  };
}

/** A policy approval in the branch's config that covers the policy as it stands, by an owner the base names. */
function policyApproval(base: Config, current: Policy): { name: string; date: string } | undefined {
  const hash = policyHash(current);
  for (const entry of current.config.policyApprovals) {
    const reviewer = findReviewer(base.reviewers, { email: entry.email });
    if (!reviewer?.roles.some((r) => base.policyOwners.includes(r))) continue;
    if (entry.policy_hash.trim() === hash) return { name: reviewer.name, date: entry.date };
  }
  return undefined;
}

function locate(file: string | undefined, path: string[] | undefined): { line: number; column: number } {
  if (!file || !path?.length) return { line: 1, column: 1 };
  try {
    return positionOf(parseYamlSource(readFileSync(file, 'utf8'), file), path);
  } catch {
    return { line: 1, column: 1 };
  }
}

/**
 * An earlier version of the questionnaire is frozen: statements still pinned to it are checked
 * against it, so any change to one (or one taken away or added) counts as a loosening, for a policy
 * owner to approve.
 */
function earlierChanges(before: Policy, current: Policy): PolicyChange[] {
  const a = (before.earlier ?? []).map((e) => e.text);
  const b = (current.earlier ?? []).map((e) => e.text);
  if (a.length === b.length && a.every((text, i) => text === b[i])) return [];
  return [{ what: `an earlier version of the questionnaire (named by its previous:) changed`, loosens: true, path: ['questionnaire'] }];
}
