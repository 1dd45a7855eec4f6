// Waivers. An author writes `<!-- eis-disable-next-line obligor -- quoting the 1998 manual -->`
// in a memo (or `# eis-disable-next-line ...` above an answer in a statement); an agency lists
// terms or rules under `lint.ignore` in its config. Waived findings are kept, with who waived them,
// so that `--format json` shows reviewers what was set aside.
import type { Finding } from '../findings/findings.js';
import { termSlug } from './glossary.js';

export interface LintFinding extends Finding {
  /** The words found, as written. */
  phrase?: string;
  /** What to write instead, best first. */
  suggestions?: string[];
}

export type Waiver = { by: 'comment'; line: number; reason?: string } | { by: 'config'; entry: string };

export interface SuppressedFinding extends LintFinding {
  suppressedBy: Waiver;
}

export interface Directive {
  /** `next-line` waives findings on the line after the comment; `line`, on the comment's own lines. */
  scope: 'next-line' | 'line';
  /** 1-based lines of the comment's start and end. */
  line: number;
  endLine: number;
  /** Terms, rule names or codes; empty for every finding. */
  targets: string[];
  reason?: string | undefined;
}

const DIRECTIVE = /^\s*eis-disable-(next-line|line)(?=\s|$)([\s\S]*)$/;

/** The directive in a comment's text, if it is one. */
export function parseDirective(body: string, line: number, endLine: number): Directive | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const [list = '', ...reason] = m[2]!.split(/\s--\s/);
  const text = list.replace(/\s--\s*$/, '').trim();
  const targets = (text.includes(',') ? text.split(',') : text.split(/\s+/)).map((t) => t.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  return { scope: m[1] === 'line' ? 'line' : 'next-line', line, endLine, targets, reason: reason.join(' -- ').trim() || undefined };
}

/**
 * Whether a waiver target names a finding. A target may be the finding's code (`lint/glossary/obligor`),
 * a group (`lint/equality`, `equality`), its rule or term slug (`he-she`, `obligor`,
 * `deadbeat-parent` or `deadbeat parent`), or the words found (`obligors`).
 */
export function targetMatches(target: string, finding: { code: string; phrase?: string }): boolean {
  const t = target.trim().toLowerCase();
  if (!t) return false;
  const code = finding.code.toLowerCase();
  const segments = code.split('/');
  if (t === code || code.startsWith(`${t}/`)) return true;
  if (segments.slice(1).includes(t)) return true;
  const slug = termSlug(t);
  if (slug && slug === segments[segments.length - 1]) return true;
  return finding.phrase !== undefined && finding.phrase.toLowerCase().replace(/\s+/g, ' ') === t.replace(/\s+/g, ' ');
}

/** The waiver for a finding on `line`, if any: comment directives first, then the config's list. */
export function waiverFor(finding: { code: string; phrase?: string }, line: number, directives: Directive[], ignore: string[]): Waiver | undefined {
  for (const d of directives) {
    const covers = d.scope === 'next-line' ? line === d.endLine + 1 : line >= d.line && line <= d.endLine;
    if (covers && (d.targets.length === 0 || d.targets.some((t) => targetMatches(t, finding)))) return { by: 'comment', line: d.line, ...(d.reason ? { reason: d.reason } : {}) };
  }
  const entry = ignore.find((t) => targetMatches(t, finding));
  return entry === undefined ? undefined : { by: 'config', entry };
}

/** Severity from the config's `rules`: the most specific key wins (`lint/glossary/obligor`, `lint/glossary`, `lint`). */
export function severityFor<T extends { code: string; severity: Finding['severity'] }>(finding: T, rules: Record<string, Finding['severity'] | 'off'>): T | undefined {
  const segments = finding.code.split('/');
  for (let n = segments.length; n > 0; n--) {
    const override = rules[segments.slice(0, n).join('/')];
    if (override === 'off') return undefined;
    if (override) return override === finding.severity ? finding : { ...finding, severity: override };
  }
  return finding;
}
