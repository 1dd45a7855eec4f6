// One sentence that sums a diff up, shared by the formats.
import type { StatementDiff } from './types.js';

export function summaryLine(diffs: StatementDiff[]): string {
  const n = diffs.length;
  const by = (change: StatementDiff['change']) => diffs.filter((d) => d.change === change).length;
  const kinds = [
    [by('modified'), 'changed'],
    [by('added'), 'added'],
    [by('deleted'), 'deleted'],
    [by('renamed'), 'renamed'],
  ].filter(([count]) => count) as Array<[number, string]>;
  const concerns = diffs.reduce((sum, d) => sum + d.concerns.length, 0);
  return `${n} ${n === 1 ? 'statement' : 'statements'} (${kinds.map(([count, word]) => `${count} ${word}`).join(', ')}); ${concerns ? `${concerns} ${concerns === 1 ? 'change needs' : 'changes need'} attention` : 'nothing needs special attention'}.`;
}
