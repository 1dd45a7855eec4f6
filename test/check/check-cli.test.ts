// eis check through the built binary, as CI and people run it.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, symlinkSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EXAMPLES, ROOT, copyExamples, eis, tempTree, olderVersionNote } from '../helpers/cli.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('eis check on the examples', () => {
  it("reports the draft's gaps at their lines and the memo without a statement, and exits 1", async () => {
    const result = eis(['check'], { cwd: EXAMPLES });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(olderVersionNote(2));
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/examples.txt');
    expect(result.stdout).toContain('memos/license-suspension-change.md\n  1:1     error    This memo has no equity impact statement');
    expect(result.stdout).toContain('  24:3    error    "What results do we want for the communities we serve?" holds the placeholder "TBD"');
    expect(result.stdout).toContain('memos/text-payment-reminders.eis.yaml  equity-impact@1, approved, level full, 36/36 required answered');
  });

  it('passes the complete, approved statement', () => {
    const result = eis(['check', 'memos/text-payment-reminders.eis.yaml'], { cwd: EXAMPLES });
    expect(result).toEqual({
      code: 0,
      stderr: olderVersionNote(1),
      stdout: 'memos/text-payment-reminders.eis.yaml  equity-impact@1, approved, level full, 36/36 required answered\n\n✔ 0 errors, 0 warnings in 1 statement\n',
    });
  });

  it('finds the config by walking up from a subfolder', () => {
    const result = eis(['check', '.'], { cwd: join(EXAMPLES, 'memos') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('license-suspension-change.md');
  });

  it('writes JSON with every finding placed on a line', () => {
    const result = eis(['check', '--format', 'json'], { cwd: EXAMPLES });
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ statements: 2, errors: 21, warnings: 0, missing: 1, fatal: 0, ok: false });
    for (const f of [...report.findings, ...report.statements.flatMap((s: { findings: unknown[] }) => s.findings)])
      expect(f).toMatchObject({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), code: expect.any(String), message: expect.any(String) });
  });

  it('writes GitHub workflow annotations with file, line and column', () => {
    const lines = eis(['check', '--format', 'github'], { cwd: EXAMPLES }).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(
      '::error file=memos/license-suspension-change.md,line=1,col=1,title=eis check%3A coverage/missing::This memo has no equity impact statement (expected memos/license-suspension-change.eis.yaml). Create it with: eis new memos/license-suspension-change.md',
    );
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[^:]+::\S/);
  });

  it('writes JUnit XML that parses, with a failing test case per statement that falls short', () => {
    const xml = eis(['check', '--format', 'junit'], { cwd: EXAMPLES }).stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect([suite['@_tests'], suite['@_failures']]).toEqual(['3', '2']);
    expect(suite.testcase.map((c: Record<string, unknown>) => [c['@_name'], 'failure' in c])).toEqual([
      ['memos/license-suspension-change.md', true],
      ['memos/online-application-portal.eis.yaml', true],
      ['memos/text-payment-reminders.eis.yaml', false],
    ]);
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', () => {
    const sarif = JSON.parse(eis(['check', '--format', 'sarif'], { cwd: EXAMPLES }).stdout);
    // The official schema (as shipped by @microsoft/jest-sarif) is draft-04; Ajv reads it once its
    // draft-04 identifiers are spelled the draft-07 way, which changes no constraint it uses.
    const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    schema.$id = id;
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    // The validator does reject a log that breaks the schema.
    expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...sarif.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
    expect(sarif.runs[0].results).toHaveLength(21);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'memos/license-suspension-change.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1 },
    });
  });

  it('prints several formats, the last one to --output', () => {
    const tree = tempTree();
    cleanup = tree.cleanup;
    const out = join(tree.dir, 'reports', 'eis.sarif');
    const result = eis(['check', '--format', 'text,sarif', '--output', out], { cwd: EXAMPLES });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ 21 errors, 0 warnings in 2 statements, 1 initiative without one');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

describe('warnings and --strict', () => {
  it('a warning passes, and fails with --strict', () => {
    // The review date (2027-06-30) has passed a year on; editing it would change the approved answers.
    const args = ['check', 'memos/text-payment-reminders.eis.yaml'];
    const later = { EIS_TODAY: '2027-07-01' };
    const loose = eis(args, { cwd: EXAMPLES, env: later });
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('warning  The review date has passed and there is no post-implementation review.  rule/review-overdue');
    expect(loose.stdout).toContain('✔ 0 errors, 1 warning in 1 statement (warnings do not fail; --strict makes them)');
    expect(eis([...args, '--strict'], { cwd: EXAMPLES, env: later }).code).toBe(1);
  });
});

describe('placeholders inside answers', () => {
  it('fail the check on a required answer, at its line, and warn on an optional one; every run says the same', () => {
    const tree = copyExamples();
    cleanup = tree.cleanup;
    const file = join(tree.dir, 'memos', 'text-payment-reminders.eis.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('when a parent moves. Missed', 'when a parent moves (how many is TBD). Missed')
        .replace('mobile numbers on file for 49% (Spanish)', 'mobile numbers on file for XXX (Spanish)'),
    );
    const args = ['check', 'memos/text-payment-reminders.eis.yaml'];
    const result = eis(args, { cwd: tree.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('approved, level full, 35/36 required answered');
    expect(result.stdout).toContain(
      '  24:3    error    "What problem does it solve?" holds the placeholder "TBD" in "...all when a parent moves (how many is TBD). Missed payments lead to enforcement.": the answer is not finished.  placeholder/inside',
    );
    expect(result.stdout).toContain(
      '  43:7    warning  "Evidence" holds the placeholder "XXX" in "...case data - mobile numbers on file for XXX (Spanish) and 38% (other languages).": the answer is not finished.  placeholder/inside',
    );
    // without the cache, and from it
    expect(eis([...args, '--no-cache'], { cwd: tree.dir }).stdout).toBe(result.stdout);
    expect(eis(args, { cwd: tree.dir }).stdout).toBe(result.stdout);
  });
});

describe('without a config', () => {
  it('checks every *.eis.yaml under the given paths with the built-in questionnaire', () => {
    const tree = tempTree({ 'a/one.eis.yaml': readFileSync(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml')), 'a/notes.yaml': 'not: a statement\n' });
    cleanup = tree.cleanup;
    const result = eis(['check', 'a'], { cwd: tree.dir });
    expect(result.stdout).toBe('a/one.eis.yaml  equity-impact@1, approved, level full, 36/36 required answered\n\n✔ 0 errors, 0 warnings in 1 statement\n');
    expect(result.code).toBe(0);
  });

  it('validates statements of a questionnaire written only in YAML', () => {
    const result = eis(['check'], { cwd: join(ROOT, 'test', 'fixtures', 'race-forward') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('gaps.eis.yaml  race-forward@2, level deep, 1/4 required answered');
    expect(result.stdout).toContain('"Tribal families" faces a negative impact and no remedy is listed for it.  rule/negative-remedied');
  });
});

describe('bad input gets one clear line and the documented exit code', () => {
  const cases: Array<[string, Record<string, string | Uint8Array>, string[], number, RegExp]> = [
    [
      'malformed YAML',
      { 's.eis.yaml': 'eis: 1\nquestionnaire: equity-impact@1\ninitiative:\n  title: [unclosed\n' },
      ['check'],
      2,
      /^s\.eis\.yaml\n {2}5:1 {5}error {4}The YAML cannot be read: .*file\/yaml$/m,
    ],
    ['duplicate keys', { 's.eis.yaml': 'eis: 1\nquestionnaire: equity-impact@1\neis: 1\n' }, ['check'], 2, /3:1 {5}error {4}A key appears twice in the same mapping/],
    [
      'an alias bomb',
      {
        's.eis.yaml': `eis: 1\nquestionnaire: equity-impact@1\n${Array.from(
          { length: 9 },
          (_, i) =>
            `x-${i}: &a${i} [${
              i === 0
                ? Array(9).fill('"lol"').join(',')
                : Array(9)
                    .fill(`*a${i - 1}`)
                    .join(',')
            }]`,
        ).join('\n')}\n`,
      },
      ['check'],
      2,
      /expands YAML aliases too many times/,
    ],
    [
      'an unknown questionnaire',
      { 's.eis.yaml': 'eis: 1\nquestionnaire: gare@3\n' },
      ['check'],
      2,
      /2:1 {5}error {4}The statement answers questionnaire "gare", but the config requires equity-impact@2\./,
    ],
    ['a newer questionnaire version', { 's.eis.yaml': 'eis: 1\nquestionnaire: equity-impact@9\n' }, ['check'], 2, /newer than the equity-impact@2 eis has/],
    ['a binary file', { 's.eis.yaml': new Uint8Array([0x65, 0x69, 0x73, 0x3a, 0x00, 0x01, 0xff]) }, ['check'], 2, /1:5 {5}error {4}The file holds a NUL byte/],
    ['an empty file', { 's.eis.yaml': '' }, ['check'], 2, /1:1 {5}error {4}The statement is empty\./],
    ['a UTF-16 file', { 's.eis.yaml': new Uint8Array([0xff, 0xfe, 0x65, 0x00]) }, ['check'], 2, /UTF-16/],
    [
      'a config with an unknown key',
      { 'eis.config.yaml': 'questionnaire: equity-impact\nrulez: {}\n', 's.eis.yaml': 'eis: 1\n' },
      ['check'],
      2,
      /^eis: eis\.config\.yaml:2:1: "rulez" is not a config setting; did you mean "rules"\? See docs\/config\.md\.\n$/,
    ],
    [
      'a questionnaire whose condition names a missing question',
      {
        'eis.config.yaml': 'questionnaire: q.yaml\n',
        's.eis.yaml': 'eis: 1\n',
        'q.yaml':
          'id: q\nversion: 1\ntitle: Q\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: a\n        label: A\n        type: text\n        when: { question: s.b, answered: true }\n',
      },
      ['check'],
      2,
      /q\.yaml:11:17: questionnaire at sections\.0\.questions\.0\.when\.question: condition names question "s\.b", which does not exist/,
    ],
    ['a path that does not exist', {}, ['check', 'nowhere'], 2, /^eis: nowhere: the path does not exist\./],
    ['no statements where some were expected', { 'memo.md': '# Memo\n' }, ['check'], 2, /^eis: no statements \(\*\.eis\.yaml\) found under the current folder\./],
    ['an unknown format', { 's.eis.yaml': 'eis: 1\n' }, ['check', '--format', 'xml'], 2, /^eis: "xml" is not an output format\./],
    ['an unknown flag', {}, ['check', '--frmat', 'json'], 2, /error: unknown option '--frmat'/],
    ['a statement that is a directory', { 'd.eis.yaml/x': 'y' }, ['check', 'd.eis.yaml'], 2, /^d\.eis\.yaml\n {2}1:1 {5}error {4}The statement is a directory, not a file\./],
    ['a folder named like a statement, found by searching', { 'd.eis.yaml/x': 'y' }, ['check'], 2, /^eis: no statements/],
  ];

  it.each(cases)('%s', (_name, files, args, code, pattern) => {
    const tree = tempTree(files);
    cleanup = tree.cleanup;
    const result = eis(args, { cwd: tree.dir });
    expect(result.code).toBe(code);
    expect(`${result.stdout}${result.stderr}`).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a 50 MB file is refused without reading it as YAML', () => {
    const tree = tempTree({ 'big.eis.yaml': `eis: 1\nquestionnaire: equity-impact@1\nx-padding: "${'x'.repeat(50 * 1024 * 1024)}"\n` });
    cleanup = tree.cleanup;
    const result = eis(['check'], { cwd: tree.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/The file is 50\.0 MB, larger than the 10 MB eis reads\./);
  });

  it('a symbolic link that loops is not followed forever', () => {
    const tree = tempTree({ 'a/s.eis.yaml': readFileSync(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml')) });
    cleanup = tree.cleanup;
    symlinkSync('..', join(tree.dir, 'a', 'loop'));
    const result = eis(['check'], { cwd: tree.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 statement');
  });

  it('an unreadable statement is reported, not crashed on', () => {
    if (process.getuid?.() === 0) {
      // Root reads any file regardless of its mode, so permission cannot be taken away here;
      // a directory named like a statement exercises the same "cannot read" path instead.
      const tree = tempTree({});
      cleanup = tree.cleanup;
      mkdirSync(join(tree.dir, 'x.eis.yaml'));
      const result = eis(['check', 'x.eis.yaml'], { cwd: tree.dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('The statement is a directory, not a file.');
      return;
    }
    const tree = tempTree({ 's.eis.yaml': 'eis: 1\n' });
    cleanup = tree.cleanup;
    chmodSync(join(tree.dir, 's.eis.yaml'), 0);
    const result = eis(['check'], { cwd: tree.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('permission denied');
  });

  it('an unexpected error prints no stack trace unless --debug', () => {
    const tree = tempTree({ 's.eis.yaml': 'eis: 1\n' });
    cleanup = tree.cleanup;
    // The questionnaire named here is a directory: reading it fails in a way eis reports plainly.
    mkdirSync(join(tree.dir, 'q.yaml'));
    writeFileSync(join(tree.dir, 'eis.config.yaml'), 'questionnaire: q.yaml\n');
    const result = eis(['check'], { cwd: tree.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^eis: q\.yaml: the questionnaire file is a directory, not a file\.\n$/);
  });
});

describe('eis questions and eis schema', () => {
  it('lists questions for people and as JSON for scripts', () => {
    const text = eis(['questions']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  screening.none_justification       markdown     required when level is none  shown when level is none');
    const json = JSON.parse(eis(['questions', '--format', 'json']).stdout);
    expect(json.sections).toHaveLength(12);
    expect(json.sections[3].questions[0]).toMatchObject({ key: 'populations.groups', type: 'list', required: 'always' });
  });

  it('keeps the generated JSON Schemas in schemas/ up to date', () => {
    expect(eis(['schema']).stdout).toBe(readFileSync(join(ROOT, 'schemas', 'equity-impact.schema.json'), 'utf8'));
    expect(eis(['schema', '--questionnaire-format']).stdout).toBe(readFileSync(join(ROOT, 'schemas', 'questionnaire.schema.json'), 'utf8'));
    // The earlier version's, which statements still pinned to it (the examples) name for editors.
    expect(eis(['schema', '-q', 'schemas/questionnaires/equity-impact.v1.yaml']).stdout).toBe(readFileSync(join(ROOT, 'schemas', 'equity-impact.v1.schema.json'), 'utf8'));
  });

  it('prints a schema that accepts the complete example and rejects an unknown key', () => {
    const schema = JSON.parse(eis(['schema']).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const data = JSON.parse(eis(['check', '--format', 'json', 'memos/text-payment-reminders.eis.yaml'], { cwd: EXAMPLES }).stdout);
    expect(data.summary.ok).toBe(true);
    const statement = { eis: 1, questionnaire: 'equity-impact@1', initiative: { title: 'T', status: 'draft' }, access: { translations: ['spanish'] } };
    expect(validate(statement)).toBe(true);
    expect(validate({ ...statement, access: { translation: ['spanish'] } })).toBe(false);
    expect(validate({ ...statement, 'x-note': 'kept' })).toBe(true);
  });
});

describe('help and version', () => {
  it('prints help with examples and exit codes, and the version', () => {
    const help = eis(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 statements fall short, 2 eis could not do its job, 130 interrupted.');
    expect(eis(['check', '--help']).stdout).toContain('$ eis check --since origin/main');
    const version = `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`;
    expect(eis(['--version']).stdout).toBe(version);
    // The entry answers --version and -V without loading the bundle; the bundle must agree.
    expect(eis(['-V']).stdout).toBe(version);
    const bundle = spawnSync(process.execPath, [join(ROOT, 'dist', 'boot.cjs'), '--version'], { encoding: 'utf8' });
    expect(bundle.stdout).toBe(version);
  });
  it('treats no command as a usage error', () => {
    expect(eis([]).code).toBe(2);
  });
});
