// Linting one memo (Markdown or plain text): findings placed on the file's lines, config severities
// applied, and waived findings set aside with their waiver. Pure: text in, findings out.
import type { Severity } from '../findings/findings.js';
import { analyzeText, type Audience, type Hit, type LintSettings } from './analyze.js';
import { checkedAudience, frontMatterAudience } from './audience.js';
import type { DocComment, DocumentKind } from './prose.js';
import { parseDirective, severityFor, waiverFor, type Directive, type LintFinding, type SuppressedFinding } from './suppress.js';
import { lineStarts, positionAt } from './view.js';

export interface LintOptions extends Omit<LintSettings, 'audience'> {
  /** Who reads each kind of text, unless the text says otherwise (`lint.audience`). */
  audience: { memos: Audience; statements: Audience };
  /** Terms, rules or codes waived by the config (`lint.ignore`). */
  ignore: string[];
  /** Severity per code or group of codes (`rules` in the config). */
  rules: Record<string, Severity | 'off'>;
}

export interface LintResult {
  findings: LintFinding[];
  suppressed: SuppressedFinding[];
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function documentKind(file: string): DocumentKind {
  return /\.(md|markdown|mdown|mkd)$/i.test(file) ? 'markdown' : 'text';
}

export function lintDocument(text: string, kind: DocumentKind, file: string, options: LintOptions): LintResult {
  const source = normalizeNewlines(text);
  const front = kind === 'markdown' ? frontMatterAudience(source) : undefined;
  const audience = front ? checkedAudience(front, source, file) : options.audience.memos;
  const { hits, comments, statedAudience } = analyzeText(source, kind, { ...options, audience });
  if (statedAudience) checkedAudience(statedAudience, source, file);
  const starts = lineStarts(source);
  const directives = directivesOf(comments, source, starts);
  return place(
    hits,
    options,
    (hit) => ({ file, path: [], ...positionAt(source, starts, hit.start) }),
    (hit, line) => waiverFor(hit, line, directives, options.ignore),
  );
}

export function directivesOf(comments: DocComment[], text: string, starts: number[]): Directive[] {
  return comments.flatMap((c) => {
    const d = parseDirective(c.body, positionAt(text, starts, c.start).line, positionAt(text, starts, Math.max(c.start, c.end - 1)).line);
    return d ? [d] : [];
  });
}

/** Turns hits into findings: severity from the config, a place, and a waiver when one applies. */
export function place(
  hits: Hit[],
  options: Pick<LintOptions, 'rules'>,
  where: (hit: Hit) => Pick<LintFinding, 'file' | 'path' | 'line' | 'column'>,
  waive: (hit: Hit, line: number) => SuppressedFinding['suppressedBy'] | undefined,
): LintResult {
  const result: LintResult = { findings: [], suppressed: [] };
  for (const hit of hits) {
    const rated = severityFor(hit, options.rules);
    if (!rated) continue;
    const finding = toFinding(rated, where(hit));
    const waiver = waive(hit, finding.line);
    if (waiver) result.suppressed.push({ ...finding, suppressedBy: waiver });
    else result.findings.push(finding);
  }
  return result;
}

function toFinding(hit: Hit, at: Pick<LintFinding, 'file' | 'path' | 'line' | 'column'>): LintFinding {
  const finding: LintFinding = { code: hit.code, severity: hit.severity, message: hit.message, file: at.file, path: at.path, line: at.line, column: at.column, phrase: hit.phrase };
  if (hit.hint) finding.hint = hit.hint;
  if (hit.suggestions) finding.suggestions = hit.suggestions;
  return finding;
}
