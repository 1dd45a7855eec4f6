// eis lint and eis check --lint, run as a user would: the built binary, whole outputs compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { copyExamples, eis, ROOT, tempTree } from '../helpers/cli.js';

const config = `questionnaire: equity-impact
initiatives:
  memos: ["memos/*.md"]
lint:
  glossary:
    - term: [LCSA, LCSAs]
      use: local child support agency
      why: Parents do not know the acronym.
  ignore: [lint/equality/he-she]
rules:
  lint/readability: off
`;

const memo = `# Notice for the obligor

Parents told us the letters were hard to follow. The \`obligor\` field in the
system stays as it is; see https://example.gov/obligor for the data dictionary.

<!-- eis-disable-next-line arrears -- quoted from the 1998 manual -->
The manual speaks of arrears and of the deadbeat
parent, words we will retire.

- He said the LCSA office was closed.
- Hours were too short.

The chairman called the old letters crap.
`;

const statement = `eis: 1
questionnaire: equity-impact@1
initiative:
  title: Notice for parents who pay support
  kind: memo
  summary: >-
    A plainer notice for every obligor, in
    English and Spanish.
  # eis-disable-next-line
  author: The deadbeat parent desk
`;

let tree: { dir: string; cleanup: () => void };
beforeAll(() => {
  tree = tempTree({ 'eis.config.yaml': config, 'memos/notice.md': memo, 'memos/notice.eis.yaml': statement, 'notes/readme.txt': 'Nothing here.\n' });
});
afterAll(() => tree.cleanup());

describe('eis lint', () => {
  it('prints findings per file, fails on harmful language, and counts waived findings', async () => {
    const r = eis(['lint'], { cwd: tree.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/lint.text.txt');
  });

  it.each(['json', 'github', 'sarif', 'junit'])('prints %s', async (format) => {
    const r = eis(['lint', '--format', format], { cwd: tree.dir });
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/lint.${format}.${format === 'github' ? 'txt' : format === 'junit' ? 'xml' : 'json'}`);
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema, with a description for every rule', () => {
    const sarif = JSON.parse(eis(['lint', '--format', 'sarif'], { cwd: tree.dir }).stdout);
    // As in the check tests: the official draft-04 schema, read by Ajv with draft-07 identifiers.
    const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    schema.$id = id;
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const rules = sarif.runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
    expect(rules.map((r) => r.id)).toEqual(['lint/equality/chairman-chairwoman', 'lint/glossary/deadbeat-parent', 'lint/glossary/lcsa', 'lint/glossary/obligor', 'lint/profanity/crap']);
    for (const rule of rules) expect(rule.shortDescription.text).not.toMatch(/^eis finding/);
  });

  it('lists waived findings in JSON with what waived them', () => {
    const json = JSON.parse(eis(['lint', '--format', 'json'], { cwd: tree.dir }).stdout);
    expect(json.summary).toEqual({ files: 2, errors: 2, warnings: 4, suppressed: 3, fatal: 0, ok: false });
    expect(json.suppressed.map((f: { file: string; line: number; code: string; suppressedBy: unknown }) => [f.file, f.line, f.code, f.suppressedBy])).toEqual([
      ['memos/notice.eis.yaml', 10, 'lint/glossary/deadbeat-parent', { by: 'comment', line: 9 }],
      ['memos/notice.md', 7, 'lint/glossary/arrears', { by: 'comment', line: 6, reason: 'quoted from the 1998 manual' }],
      ['memos/notice.md', 10, 'lint/equality/he-she', { by: 'config', entry: 'lint/equality/he-she' }],
    ]);
  });

  it('lints named files and folders, and writes the last format to --output', () => {
    const r = eis(['lint', 'memos/notice.md', 'notes', '--format', 'text,json', '--output', 'out/lint.json'], { cwd: tree.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('memos/notice.md\n');
    const json = JSON.parse(readFileSync(join(tree.dir, 'out/lint.json'), 'utf8'));
    expect(json.files).toEqual([
      { file: 'memos/notice.md', kind: 'markdown' },
      { file: 'notes/readme.txt', kind: 'text' },
    ]);
  });

  it('passes (exit 0) with warnings only, and --strict makes them fail', () => {
    const r = eis(['lint', 'notes/readme.txt'], { cwd: tree.dir });
    expect(r).toEqual({ code: 0, stdout: '✔ no language findings in 1 file\n', stderr: '' });
    const onlyWarnings = tempTree({ 'a.md': 'The obligor pays.\n' });
    try {
      expect(eis(['lint', 'a.md'], { cwd: onlyWarnings.dir }).code).toBe(0);
      expect(eis(['lint', 'a.md', '--strict'], { cwd: onlyWarnings.dir }).code).toBe(1);
    } finally {
      onlyWarnings.cleanup();
    }
  });

  it('exits 2 for files it cannot lint, with one plain line', () => {
    const other = tempTree({ 'page.html': '<p>obligor</p>', 'empty/.keep': '' });
    try {
      expect(eis(['lint', 'page.html'], { cwd: other.dir })).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'eis: page.html: eis lint reads Markdown (.md), plain text (.txt), Word (.docx) and statements (.eis.yaml); this is none of them. Name memos or statements, or a folder that holds them.\n',
      });
      expect(eis(['lint'], { cwd: join(other.dir, 'empty') }).stderr).toBe(
        'eis: no memos or statements to lint under the current folder. Name the files (eis lint memos/*.md), or list memos under initiatives in eis.config.yaml.\n',
      );
      expect(eis(['lint', 'missing.md'], { cwd: other.dir }).code).toBe(2);
      expect(eis(['lint', '--format', 'xml', 'page.html'], { cwd: other.dir }).stderr).toMatch(/^eis: "xml" is not an output format\./);
    } finally {
      other.cleanup();
    }
  });

  it('reports a statement it cannot read as a fatal finding (exit 2), and still lints the rest', () => {
    const bad = tempTree({ 'a.eis.yaml': 'eis: 1\nquestionnaire: [\n', 'b.md': 'The deadbeat dad.\n' });
    try {
      const r = eis(['lint', 'a.eis.yaml', 'b.md'], { cwd: bad.dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/^a\.eis\.yaml\n {2}\d+:\d+ +error +The YAML cannot be read/);
      expect(r.stdout).toContain('b.md\n  1:5     error    Instead of "deadbeat dad", write "parent who is behind on support".  lint/glossary/deadbeat-parent\n');
    } finally {
      bad.cleanup();
    }
  });

  it('lints the examples: no errors anywhere, and memos to a director and quoted words left alone', async () => {
    const examples = copyExamples();
    try {
      const r = eis(['lint'], { cwd: examples.dir });
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot('__snapshots__/examples.text.txt');
      // The license memo quotes the 1998 manual ("the obligor's failure to cure arrears"), and its
      // memos are internal: neither the quoted words nor its reading grade are reported.
      expect(r.stdout).not.toContain('license-suspension-change.md');
      // Statements are public: their reading grade still is.
      expect(r.stdout).toMatch(/text-payment-reminders\.eis\.yaml\n {2}\d+:\d+ +warning +This paragraph reads at about grade/);
    } finally {
      examples.cleanup();
    }
  });

  it('reports an audience it does not know as a fatal finding at its place, and still lints the rest', () => {
    const odd = tempTree({ 'a.md': '---\naudience: everyone\n---\n\nText.\n', 'b.eis.yaml': 'eis: 1\nquestionnaire: equity-impact@1\nx-lint-audience: staff\n', 'c.md': 'The deadbeat dad.\n' });
    try {
      const r = eis(['lint', 'a.md', 'b.eis.yaml', 'c.md'], { cwd: odd.dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('a.md\n  2:11    error    The audience must be "public" or "internal", not "everyone".');
      expect(r.stdout).toContain('b.eis.yaml\n  3:1     error    "x-lint-audience" must be "public" or "internal", not "staff".');
      expect(r.stdout).toContain('c.md\n  1:5     error    Instead of "deadbeat dad"');
    } finally {
      odd.cleanup();
    }
  });

  it('lints a short line that almost holds a config term of 30 hyphens in well under the limit, and still finds the term', () => {
    // Before its patterns were built not to backtrack, this line took longer than anyone waits
    // (4 to 5 times as long for each space: 43 s at 10 of the 60 spaces here).
    const hostile = tempTree({
      'eis.config.yaml': `lint:\n  builtinGlossary: false\n  glossary:\n    - term: "no${'-'.repeat(30)}show"\n      use: missed appointment\n      why: Blames the parent.\n`,
      'memo.md': `Parents said no${' '.repeat(60)}sh\n\nOne no-show and two no shows were counted.\n`,
    });
    try {
      const started = Date.now();
      const r = eis(['lint', '--format', 'json', 'memo.md'], { cwd: hostile.dir, timeout: 15_000 });
      const took = Date.now() - started;
      expect(r.stderr).toBe('');
      const findings = (JSON.parse(r.stdout) as { findings: Array<{ code: string; line: number; column: number; message: string }> }).findings.filter((f) => f.code === 'lint/glossary/no-show');
      expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['3:5 Instead of "no-show", write "missed appointment".', '3:21 Instead of "no shows", write "missed appointments".']);
      expect(took).toBeLessThan(10_000);
    } finally {
      hostile.cleanup();
    }
  });

  it('shows help with examples', () => {
    const r = eis(['lint', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: eis lint [options] [files...]');
    expect(r.stdout).toContain('eis-disable-next-line');
  });
});

describe('eis check --lint', () => {
  it('adds language findings as warnings to statements and memos, without changing the exit code', () => {
    const plain = eis(['check', '--format', 'json'], { cwd: tree.dir });
    const linted = eis(['check', '--lint', '--format', 'json'], { cwd: tree.dir });
    expect(linted.code).toBe(plain.code);
    const before = JSON.parse(plain.stdout);
    const after = JSON.parse(linted.stdout);
    const lintOf = (list: Array<{ code: string; severity: string; file: string; line: number }>) =>
      list.filter((f) => f.code.startsWith('lint/')).map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`);
    expect(lintOf(before.findings)).toEqual([]);
    expect(lintOf(after.findings)).toEqual([
      'memos/notice.md:1 warning lint/glossary/obligor',
      'memos/notice.md:7 warning lint/glossary/deadbeat-parent',
      'memos/notice.md:10 warning lint/glossary/lcsa',
      'memos/notice.md:13 warning lint/equality/chairman-chairwoman',
      'memos/notice.md:13 warning lint/profanity/crap',
    ]);
    expect(lintOf(after.statements[0].findings)).toEqual(['memos/notice.eis.yaml:7 warning lint/glossary/obligor']);
    expect(after.summary.warnings - before.summary.warnings).toBe(6);
  });

  it('lints the examples in text output too', () => {
    const examples = copyExamples();
    try {
      const r = eis(['check', '--lint'], { cwd: examples.dir });
      expect(r.code).toBe(eis(['check'], { cwd: examples.dir }).code);
      expect(r.stdout).toContain('  10:252  warning  "easy" may be insensitive; try to do without it.  lint/equality/easy');
    } finally {
      examples.cleanup();
    }
  });
});
