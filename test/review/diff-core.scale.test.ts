// Comparing statements far larger than people write: no change list is spread as arguments.
// Slow, so outside `test:unit`.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compareStatements } from '../../src/core/diff/compare.js';
import { formatMarkdown } from '../../src/core/diff/format-md.js';
import { formatText } from '../../src/core/diff/format-text.js';
import { plainColors } from '../../src/core/reporters/types.js';
import { builtin, readYaml } from '../helpers/model.js';
import { EXAMPLES } from '../helpers/cli.js';

const base = () => structuredClone(readYaml(join(EXAMPLES, 'memos/text-payment-reminders.eis.yaml'))) as Record<string, any>;
const compare = (before: unknown, after: unknown) => compareStatements(builtin(), { file: 'x.eis.yaml', before, after }, { today: '2026-11-23' });

describe('compareStatements at scale', () => {
  it('compares and formats a list that gained 150,000 entries (too many changes to spread as arguments)', () => {
    const after = base();
    const group = after.populations.groups[0];
    after.populations.groups = [...after.populations.groups, ...Array.from({ length: 150_000 }, (_, i) => ({ ...group, id: `group-${i}`, name: `Group ${i}` }))];
    const d = compare(base(), after);
    const added = d.sections.find((s) => s.id === 'populations')!.changes.filter((c) => c.kind === 'entry' && c.op === 'added');
    expect(added).toHaveLength(150_000);
    const md = formatMarkdown([d]);
    expect(md).toContain('Group 149999');
    expect(formatText([d], plainColors)).toContain('Group 149999');
  }, 60_000);
});
