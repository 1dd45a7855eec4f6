// The pure comparison: concerns, word diffs and entries, from the built-in questionnaire.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compareStatements, WORD_DIFF_MAX_CHARS, wordDiff } from '../../src/core/diff/compare.js';
import { formatMarkdown } from '../../src/core/diff/format-md.js';
import type { WordPart } from '../../src/core/diff/types.js';
import { builtin, readYaml } from '../helpers/model.js';
import { EXAMPLES } from '../helpers/cli.js';

const base = () => structuredClone(readYaml(join(EXAMPLES, 'memos/text-payment-reminders.eis.yaml'))) as Record<string, any>;
const compare = (before: unknown, after: unknown) => compareStatements(builtin(), { file: 'x.eis.yaml', before, after }, { today: '2026-11-23' });

describe('compareStatements', () => {
  it('finds nothing between equal statements, whatever the order of multi-choice answers or yes/true', () => {
    const after = base();
    after.screening.affected = [...after.screening.affected].reverse();
    after.access.plain_language = true;
    const d = compare(base(), after);
    expect(d.sections).toEqual([]);
    expect(d.concerns).toEqual([]);
  });

  it('names a lower screening level and a status moving back as concerns', () => {
    const after = base();
    after.screening = { affected: ['employees'], changes: ['staffing'], known_disparities: 'no', staff_discretion: 'no' };
    after.initiative.status = 'in-review';
    const d = compare(base(), after);
    expect(d.computed).toEqual([{ id: 'level', label: 'Screening level', op: 'changed', before: 'Full assessment', after: 'Brief assessment' }]);
    expect(d.concerns.map((c) => c.message)).toEqual(['Status moved back: Approved -> In review.', 'Screening level went down: Full assessment -> Brief assessment.']);
  });

  it('a status moving forward, an earlier review date and a new benefit are not concerns', () => {
    const before = base();
    before.initiative.status = 'draft';
    const after = base();
    after.monitoring.review_date = '2027-01-31';
    after.populations.groups.push({ id: 'new-group', population: 'age', name: 'Older parents', effect: 'direct', direction: 'benefit', why: 'Fewer letters.' });
    expect(compare(before, after).concerns).toEqual([]);
  });

  it('a removed review date is a concern', () => {
    const after = base();
    delete after.monitoring.review_date;
    expect(compare(base(), after).concerns.map((c) => c.kind)).toEqual(['review-later']);
  });

  it('reference answers show the names of the entries they point at', () => {
    const after = base();
    after.mitigation.actions[0].populations = ['limited-english-parents', 'rural-parents'];
    const [section] = compare(base(), after).sections;
    expect(section.changes).toMatchObject([
      {
        kind: 'entry',
        name: 'Send reminders in Spanish from the first day, tested with native speakers',
        op: 'changed',
        fields: [{ label: 'Populations it addresses', added: ['Parents in rural counties'], before: 'Parents with limited English', after: 'Parents with limited English, Parents in rural counties' }],
      },
    ]);
  });

  it('word diffs keep the unchanged words', () => {
    expect(wordDiff('send texts in English', 'send texts in English and Spanish')).toEqual([{ text: 'send texts in English ' }, { text: 'and Spanish', op: 'added' }]);
    expect(wordDiff('texts in English only', 'texts in Spanish only')).toEqual([{ text: 'texts in ' }, { text: 'English', op: 'removed' }, { text: 'Spanish', op: 'added' }, { text: ' only' }]);
  });

  it('word diffs of huge answers keep the unchanged start and end, whole words, and are quick', () => {
    const words = 'The office sends a reminder three days before each payment is due. '.repeat(WORD_DIFF_MAX_CHARS / 60);
    // Parts by their operation and length, with the changed text itself: the unchanged text is long.
    const brief = (parts: WordPart[]) => parts.map((p) => (p.op ? `${p.op} ${p.text.length > 40 ? p.text.length : p.text}` : `same ${p.text.length}`));
    const started = Date.now();
    expect(brief(wordDiff(`${words}Then a call. ${words}`, `${words}Then a letter. ${words}`))).toEqual([`same ${words.length + 7}`, 'removed call.', 'added letter.', `same ${words.length + 1}`]);
    const huge = 'long '.repeat(1_800_000);
    expect(brief(wordDiff(huge, 'Online application portal'))).toEqual([`removed ${huge.length}`, 'added Online application portal']);
    expect(brief(wordDiff(`${words}end`, `${words}ending`))).toEqual([`same ${words.length}`, 'removed end', 'added ending']);
    expect(brief(wordDiff(words, `${words}More.`))).toEqual([`same ${words.length}`, 'added More.']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('escapes answers in Markdown: no HTML, links or mentions get through', () => {
    const after = base();
    after.initiative.summary = '<script>alert(1)</script> [x](javascript:alert(1)) @everyone | pipe';
    const md = formatMarkdown([compare(base(), after)]);
    expect(md).not.toMatch(/<script|[^\\]\]\(javascript|@everyone|@<\/ins>everyone/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1)) @\u200b</ins>everyone<ins> \\| pipe</ins>');
  });
});
