// What eis lint found, file by file: made in edge/lint/run.ts, printed by core/lint/report.ts.
import type { LintFinding, SuppressedFinding } from './suppress.js';

export type LintedKind = 'markdown' | 'text' | 'word' | 'statement';

export interface LintedFile {
  file: string;
  kind: LintedKind;
  findings: LintFinding[];
  suppressed: SuppressedFinding[];
}

export interface LintReport {
  files: LintedFile[];
}
