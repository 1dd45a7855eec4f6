// Corners of YAML that once read wrong, through the built binary:
// - `!!binary`, `!!timestamp`, `!!set`, `!!omap`, `!!pairs`: the yaml library read them as bytes, a
//   Date, a Set, a Map, even under the YAML 1.2 core schema, so an answer became "not a mapping"
//   (and `!!binary x` no bytes at all). They are read as what is written, and saved as written.
// - `%YAML 1.1` made the file mean something else (`no` false, dates timestamps): refused at its line.
// - A date not written YYYY-MM-DD was listed twice (once more as "not a real date").
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eis, ROOT, tempTree, withoutOlderNote } from '../helpers/cli.js';

const GOOD = readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml'), 'utf8');
const tree = tempTree();
afterAll(() => tree.cleanup());
beforeAll(() => {
  mkdirSync(join(tree.dir, 'memos'));
  execFileSync('git', ['init', '-q', tree.dir]);
  writeFileSync(join(tree.dir, 'eis.config.yaml'), readFileSync(join(ROOT, 'examples', 'eis.config.yaml')));
  writeFileSync(join(tree.dir, 'memos', 'good.eis.yaml'), GOOD);
});

const put = (text: string) => writeFileSync(join(tree.dir, 'memos', 's.eis.yaml'), text);
const json = (args: string[]) => {
  const r = eis([...args, '--format', 'json', 'memos/s.eis.yaml'], { cwd: tree.dir });
  expect(withoutOlderNote(r.stderr)).toBe('');
  return JSON.parse(r.stdout) as { statements: Array<{ findings: Array<{ code: string; line: number; message: string }> }> };
};
const findingsOf = (text: string) => {
  put(text);
  return json(['check']).statements[0]!.findings.filter((f) => !/^(coverage|approval)\//.test(f.code));
};
/** What a finding says and about what, wherever it is. */
const said = (found: Array<{ code: string; message: string }>) => found.map(({ code, message }) => ({ code, message }));

describe('YAML 1.1 tags are read as what is written', () => {
  // !!set and !!omap (a mapping of nulls, a list of one-key mappings) sit in x- keys: as data they
  // are only a mapping and a list, which the questions they might answer would refuse.
  const tagged = GOOD.replace('  division: Customer Services Division', '  division: !!binary x')
    .replace('  author: Sam Okafor, Product Owner', '  author: !!binary U2FtIE9rYWZvcg==')
    .replace('  review_date: 2027-03-31', '  review_date: !!timestamp 2027-03-31')
    .concat('x-groups: !!set {a, b}\nx-order: !!omap [a: 1, b: 2]\n');

  it('checks them as text (and a list), with no "not a mapping"', () => {
    const plain = GOOD.replace('  division: Customer Services Division', '  division: x')
      .replace('  author: Sam Okafor, Product Owner', '  author: U2FtIE9rYWZvcg==')
      .concat('x-groups: {a, b}\nx-order: [a: 1, b: 2]\n');
    const found = findingsOf(tagged);
    expect(found.map((f) => f.message).join('\n')).not.toMatch(/not a mapping|should be text|should be a date|cannot be read/);
    // The same findings as the statement written without the tags.
    expect(found).toEqual(findingsOf(plain));
  });

  it('renders them as written', () => {
    put(tagged);
    const r = eis(['render', 'memos/s.eis.yaml'], { cwd: tree.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**Division or office:** x');
    expect(r.stdout).toContain('U2FtIE9rYWZvcg==');
    expect(withoutOlderNote(r.stderr)).toBe('');
  });

  it('keeps the tags when a save changes another answer', () => {
    put(tagged);
    writeFileSync(join(tree.dir, 'answers.yaml'), 'proposal:\n  desired_results: Faster applications.\n');
    const r = eis(['answer', '--answers', 'answers.yaml', 'memos/s.eis.yaml'], { cwd: tree.dir, env: { CI: '1' } });
    expect(r.stderr).toMatch(/^Saved 1 answer/);
    expect(r.code).toBe(1); // saved; the statement still has gaps
    const saved = readFileSync(join(tree.dir, 'memos', 's.eis.yaml'), 'utf8');
    expect(saved).toBe(tagged.replace('  desired_results: TBD', '  desired_results: Faster applications.'));
  });
});

describe('a %YAML directive', () => {
  it.each(['1.1', '1.3'])('%%YAML %s is refused at its line, in every command that reads statements', (version) => {
    put(`# A statement\n%YAML ${version}\n---\n${GOOD}`);
    const expected = `memos/s.eis.yaml:2:1: the file asks to be read as YAML ${version}; eis reads YAML 1.2 only`;
    for (const args of [['render'], ['diff', 'memos/good.eis.yaml'], ['signoff', '--as', 'morgan.lee@example.gov', '--decision', 'approve']]) {
      const r = eis([...args, 'memos/s.eis.yaml'], { cwd: tree.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(expected);
      expect(withoutOlderNote(r.stderr).trimEnd().split('\n')).toHaveLength(1);
    }
    const check = eis(['check', 'memos/s.eis.yaml'], { cwd: tree.dir });
    expect(check.code).toBe(2);
    expect(check.stdout).toMatch(new RegExp(`^ +2:1 +error +The file asks to be read as YAML ${version.replace('.', '\\.')};`, 'm'));
  });

  it('%YAML 1.2 is read', () => {
    expect(said(findingsOf(`%YAML 1.2\n---\n${GOOD}`))).toEqual(said(findingsOf(GOOD)));
  });
});

describe('a date that is not a date', () => {
  it.each(['soon', '2026-13-01', '2026-2-3', '2026-02-30'])('"%s" is one finding, at its line', (value) => {
    const found = findingsOf(GOOD.replace('      due: 2026-09-30', `      due: ${value}`)).filter((f) => f.code === 'schema/format');
    const line = GOOD.split('\n').indexOf('      due: 2026-09-30') + 1;
    expect(found).toEqual([expect.objectContaining({ line, message: expect.stringContaining(`"Due": "${value}" is not a date written YYYY-MM-DD.`) })]);
  });
});
