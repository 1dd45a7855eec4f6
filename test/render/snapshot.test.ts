// Whole rendered documents, from the built binary: the examples and a second, YAML-only questionnaire.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, ROOT, eis } from '../helpers/cli.js';

const RACE_FORWARD = join(ROOT, 'test', 'fixtures', 'race-forward');

const cases = [
  { name: 'text-payment-reminders', cwd: EXAMPLES, file: 'memos/text-payment-reminders.eis.yaml' },
  { name: 'online-application-portal', cwd: EXAMPLES, file: 'memos/online-application-portal.eis.yaml' },
  { name: 'race-forward-complete', cwd: RACE_FORWARD, file: 'complete.eis.yaml' },
  { name: 'race-forward-gaps', cwd: RACE_FORWARD, file: 'gaps.eis.yaml' },
];

describe.each(cases)('$name', ({ name, cwd, file }) => {
  for (const format of ['md', 'html']) {
    it(`renders ${format}`, async () => {
      const result = eis(['render', file, '--format', format], { cwd });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      await expect(result.stdout).toMatchFileSnapshot(join('__snapshots__', `${name}.${format}`));
    });
  }

  it('renders the same bytes every time, whatever the date', () => {
    const a = eis(['render', file], { cwd });
    const b = eis(['render', file], { cwd, env: { EIS_TODAY: '2026-11-24', TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' } });
    expect(b.stdout).toBe(a.stdout);
  });
});
