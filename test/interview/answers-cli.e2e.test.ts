// eis new and eis answer without a terminal: the built binary, no TTY, answers from a file or stdin.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExamples, eis, EXAMPLES, tempTree } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyExamples()));
afterEach(() => cleanup());

const MEMO = 'memos/license-suspension-change.md';
const STATEMENT = 'memos/license-suspension-change.eis.yaml';
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Every required answer of a brief assessment, in the statement's own shape; entries without ids. */
const briefAnswers = `# answers for the licence suspension memo
initiative:
  title: Changing the driver's license suspension policy
  kind: memo
  summary: >-
    We suspend fewer licences, and only after checking that a parent can pay.
  division: Policy Division, Office of Equity
  author: Policy and Equity Review Team
  status: draft
screening:
  affected: [noncustodial-parents, children]
  changes: [notices-forms]
  known_disparities: no
  staff_discretion: no
proposal:
  problem: Suspensions cost parents the jobs they need to pay support.
  decision: Raise the threshold and review ability to pay first.
  desired_results: Parents keep working and paying.
populations:
  groups:
    - name: Rural parents
      kinds: [region]
      directness: direct
      effect: burden
      why: No public transit; they need to drive to work.
engagement:
  engaged: no
  not_engaged_reason: The change was ordered by a deadline.
  plan: Listening sessions in rural counties in the spring.
access:
  language_access: Notices in English and Spanish.
mitigation:
  actions:
    - what: Offer payment plans before any referral
      populations: [rural-parents]
      owner: Policy Division
      due: 2027-01-31
      status: planned
  decision: proceed-adjusted
  justification: Payment plans keep parents driving to work.
monitoring:
  review_date: 2027-06-30
  responsible: Office of Equity
`;

describe('eis new without a terminal', () => {
  it('creates nothing, names the required answers and says how to give them (exit 2)', () => {
    const result = eis(['new', MEMO], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, STATEMENT))).toBe(false);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`eis: no terminal to ask in (stdin or stdout is not a terminal, or CI is set), and no --answers file was given; ${STATEMENT} was not created.`);
    expect(lines[1]).toBe(`Required for ${STATEMENT}:`);
    // The title (the memo's first heading), the kind (a memo) and the status (a draft) are filled in.
    expect(lines[2]).toBe('  initiative.summary: "Plain-language summary" is required and not answered.');
    expect(lines).toHaveLength(2 + 17 + 1);
    expect(lines[lines.length - 1]).toBe(`Give the answers with: eis new ${MEMO} --answers answers.yaml (or --answers - for stdin); eis questions lists every question.`);
    // nothing is left to trip over: the same command with answers works at once
    writeFileSync(join(dir, 'answers.yaml'), briefAnswers);
    expect(eis(['new', MEMO, '--answers', 'answers.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('creates nothing when the answers file is bad, so that the run can be repeated once it is fixed', () => {
    writeFileSync(join(dir, 'answers.yaml'), briefAnswers.replace('  title: Changing', '  titel: Changing'));
    const result = eis(['new', MEMO, '--answers', 'answers.yaml'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `eis: answers.yaml:3:3: "titel" is not a question of equity-impact@2 in initiative; did you mean "title"?\neis: nothing was written, and ${STATEMENT} was not created; fix the answers and run again.\n`,
    });
    expect(existsSync(join(dir, STATEMENT))).toBe(false);
    writeFileSync(join(dir, 'answers.yaml'), briefAnswers);
    const retry = eis(['new', MEMO, '--answers', 'answers.yaml'], { cwd: dir });
    expect(retry.code).toBe(0);
    expect(retry.stdout).toBe(`${STATEMENT}\n`);
  });

  it('creates nothing when the answers file cannot be read or parsed', () => {
    expect(eis(['new', MEMO, '--answers', 'missing.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'eis: missing.yaml: the answers file does not exist.\n' });
    expect(existsSync(join(dir, STATEMENT))).toBe(false);
    const result = eis(['new', MEMO, '--answers', '-'], { cwd: dir, input: 'initiative: [unclosed\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^eis: <stdin>:\d+:\d+: /);
    expect(existsSync(join(dir, STATEMENT))).toBe(false);
  });

  it("takes every answer from a file and leaves a statement whose only gap is a reviewer's approval", () => {
    writeFileSync(join(dir, 'answers.yaml'), briefAnswers);
    const result = eis(['new', MEMO, '--answers', 'answers.yaml'], { cwd: dir });
    expect(result.stderr).toBe(`Saved 23 answers from answers.yaml to ${STATEMENT}.\nEvery required answer is given.\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${STATEMENT}\n`);
    const text = read(STATEMENT);
    expect(text).toContain('    - id: rural-parents\n      kinds:\n        - region\n      name: Rural parents\n');
    expect(text).toContain('    - id: offer-payment-plans-before-any-referral\n      what: Offer payment plans before any referral\n      populations:\n        - rural-parents\n');
    const check = eis(['check', STATEMENT, '--format', 'json'], { cwd: dir });
    const [report] = JSON.parse(check.stdout).statements;
    expect(report.completeness).toEqual({ answered: 22, required: 22, level: 'brief' });
    expect(report.findings.map((f: { code: string; message: string }) => `${f.code}: ${f.message}`)).toEqual([
      'approval/required: The statement is not approved: it needs an approval from "equity-office".',
    ]);
    expect(check.code).toBe(1);
  });

  it('reads JSON answers from stdin and reports what is still missing (exit 1)', () => {
    const json = JSON.stringify({ initiative: { title: 'Licence suspension', kind: 'policy' } });
    const result = eis(['new', MEMO, '--answers', '-'], { cwd: dir, input: json });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([
      `Saved 2 answers from <stdin> to ${STATEMENT}.`,
      'Still to do:',
      // Line 5: the statement starts with the schema line and a comment.
      `  ${STATEMENT}:5:1  initiative.summary: "Plain-language summary" is required and not answered.`,
    ]);
    expect(read(STATEMENT)).toContain('initiative:\n  title: Licence suspension\n  kind: policy\n');
  });

  it('refuses unknown questions and wrong types with file:line:col and writes nothing', () => {
    eis(['new', MEMO, '--answers', '-'], { cwd: dir, input: 'initiative: { title: Licence suspension }' });
    const before = read(STATEMENT);
    writeFileSync(join(dir, 'bad.yaml'), 'initiative:\n  title: 42\n  kindd: memo\nscreening:\n  staff_discretion: maybe\nmonitoring:\n  review_date: 2027-02-30\npopulationz: []\n');
    const result = eis(['answer', STATEMENT, '--answers', 'bad.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'eis: bad.yaml:2:3: "Title" should be text, not a number. Put it in quotes.',
        'eis: bad.yaml:3:3: "kindd" is not a question of equity-impact@2 in initiative; did you mean "kind"?',
        'eis: bad.yaml:5:3: "Do staff use their own judgement in applying it?" should be yes or no, not text.',
        'eis: bad.yaml:7:3: "Review date": "2027-02-30" is not a date written YYYY-MM-DD.',
        'eis: bad.yaml:8:1: "populationz" is not a question of equity-impact@2 at the top level; did you mean "populations"?',
        `eis: nothing was written to ${STATEMENT}; fix the answers and run again.`,
        '',
      ].join('\n'),
    );
    expect(read(STATEMENT)).toBe(before);
  });

  it('says so when the statement exists, and does not touch it', () => {
    const existing = 'memos/text-payment-reminders.eis.yaml';
    const before = read(existing);
    const result = eis(['new', 'memos/text-payment-reminders.md'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `eis: the statement ${existing} exists already; eis new does not overwrite it. Continue it with: eis answer ${existing}\n` });
    expect(read(existing)).toBe(before);
  });

  it('refuses a path that does not exist, and a statement given as the memo', () => {
    expect(eis(['new', 'memos/nope.md'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'eis: memos/nope.md: the memo or folder does not exist. Give the path of the memo (such as memos/child-care-credit.md) or of the initiative folder.\n',
    });
    expect(eis(['new', 'memos/text-payment-reminders.eis.yaml'], { cwd: dir }).stderr).toBe(
      'eis: memos/text-payment-reminders.eis.yaml: this is a statement already, not a memo. Continue it with: eis answer memos/text-payment-reminders.eis.yaml\n',
    );
    expect(existsSync(join(dir, 'memos/nope.eis.yaml'))).toBe(false);
  });

  it('creates the statement inside an initiative folder with the configured name', () => {
    writeFileSync(join(dir, 'eis.config.yaml'), read('eis.config.yaml').replace('  folders: []', '  folders:\n    - "initiatives/*"'));
    mkdirSync(join(dir, 'initiatives/fair-fees'), { recursive: true });
    const result = eis(['new', 'initiatives/fair-fees/', '--answers', '-'], { cwd: dir, input: 'initiative: { title: Fair fees }' });
    expect(result.stdout).toBe('initiatives/fair-fees/equity-impact.eis.yaml\n');
    expect(read('initiatives/fair-fees/equity-impact.eis.yaml')).toContain('initiative:\n  title: Fair fees\n');
  });

  it('refuses a folder the config does not name as an initiative folder, and creates nothing', () => {
    const result = eis(['new', 'memos', '--answers', '-'], { cwd: dir, input: 'initiative: { title: All memos }' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "eis: memos: this is a folder, and eis.config.yaml names no initiative folders. Name a memo (eis new memos/license-suspension-change.md), or add the folder's glob to initiatives.folders in eis.config.yaml.\n",
    });
    expect(existsSync(join(dir, 'memos/equity-impact.eis.yaml'))).toBe(false);
    // with folders named, one that none of them matches is refused too
    writeFileSync(join(dir, 'eis.config.yaml'), read('eis.config.yaml').replace('  folders: []', '  folders:\n    - "initiatives/*"'));
    expect(eis(['new', 'memos'], { cwd: dir }).stderr).toBe(
      "eis: memos: this is a folder, and no glob in initiatives.folders of eis.config.yaml matches it. Name a memo (eis new memos/license-suspension-change.md), or add the folder's glob to initiatives.folders in eis.config.yaml.\n",
    );
    // and without any config, no folder is an initiative folder
    const bare = tempTree({ 'plans/a.md': '# A\n' });
    try {
      expect(eis(['new', 'plans'], { cwd: bare.dir })).toEqual({
        code: 2,
        stdout: '',
        stderr:
          "eis: plans: this is a folder, and there is no eis.config.yaml, so no folder is an initiative folder. Name a memo (eis new plans/a.md), or add the folder's glob to initiatives.folders in eis.config.yaml (eis init writes one).\n",
      });
      expect(existsSync(join(bare.dir, 'plans/equity-impact.eis.yaml'))).toBe(false);
    } finally {
      bare.cleanup();
    }
  });
});

describe('eis answer without a terminal', () => {
  it('exits 2 naming the missing answers when there is no --answers', () => {
    eis(['new', MEMO, '--answers', '-'], { cwd: dir, input: briefAnswers.replace(/ {2}responsible: Office of Equity\n/, '') });
    const result = eis(['answer', STATEMENT], { cwd: dir, env: { CI: 'true' } });
    expect(result.code).toBe(2);
    // a missing answer points at its section, where it should be written
    const line = read(STATEMENT).split('\n').indexOf('monitoring:') + 1;
    expect(line).toBeGreaterThan(1);
    expect(result.stderr.split('\n').slice(1, 3)).toEqual([
      `Still missing in ${STATEMENT}:`,
      `  ${STATEMENT}:${line}:1  monitoring.responsible: "Responsible for monitoring" is required and not answered.`,
    ]);
  });

  it('updates list entries by id, adds new ones, and removes answers set to null, keeping comments', () => {
    const file = 'memos/text-payment-reminders.eis.yaml';
    const answers =
      'populations:\n  groups:\n    - id: rural-parents\n      direction: neutral\n      evidence: null\n    - name: Grandparents raising children\n      population: age\n      effect: indirect\n      direction: unknown\n      why: Not asked yet.\nmitigation:\n  alternatives: null\n';
    const result = eis(['answer', file, '--answers', '-'], { cwd: dir, input: answers });
    const text = read(file);
    expect(text.startsWith('# yaml-language-server: $schema=../../schemas/equity-impact.v1.schema.json\n# Equity Impact Statement for the text-message payment reminder pilot.\n')).toBe(true);
    expect(text).toContain(
      '      direction: neutral\n      size: About 9,000 parents in Humboldt County\n      why: Texts reach parents faster than mail, which is slowest in rural areas.\n    - id: survivors',
    );
    expect(text).toContain('    - id: grandparents-raising-children\n      population: age\n');
    expect(text).not.toContain('alternatives:');
    // the new group has an unknown effect and no mitigation: the same finding as eis check, exit 1
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Grandparents raising children" is marked "Unknown", but no mitigation action addresses it');
  });

  it('refuses a statement pinned to a newer questionnaire version, saying what to do', () => {
    writeFileSync(join(dir, 'new.eis.yaml'), 'eis: 1\nquestionnaire: equity-impact@7\ninitiative:\n  title: From the future\n');
    const result = eis(['answer', 'new.eis.yaml', '--answers', '-'], { cwd: dir, input: 'initiative: { kind: memo }' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'eis: new.eis.yaml:2:1: the statement answers equity-impact@7, newer than the equity-impact@2 eis has. Update eis or the questionnaire file, then run again.\n',
    });
    expect(read('new.eis.yaml')).toBe('eis: 1\nquestionnaire: equity-impact@7\ninitiative:\n  title: From the future\n');
  });

  it('changes a large statement answer by answer, keeping its other lines byte for byte', () => {
    // Large enough to be changed with its big blocks set aside (src/statement/change.ts).
    const file = 'memos/text-payment-reminders.eis.yaml';
    const list = `x-list: [${Array(100_000).fill('1').join(',')}] # kept as written\n`;
    const before = read(file)
      .replace('mitigation:\n', `${list}mitigation:\n`)
      .replace('  alternatives:', `  x-notes: |\n${'    A note kept as written.\n'.repeat(1_000)}  alternatives:`);
    writeFileSync(join(dir, file), before);
    const result = eis(['answer', file, '--answers', '-'], { cwd: dir, input: 'proposal:\n  desired_results: Fewer missed payments.\nmitigation:\n  alternatives: null\n' });
    expect(result.stderr).toContain(`Saved 2 answers from <stdin> to ${file}.`);
    // Only the two answers changed; the list and the notes are where they were, as they were.
    const expected = before.replace(/ {2}desired_results: >-\n(?: {4}.*\n)+/, '  desired_results: Fewer missed payments.\n').replace(/ {2}alternatives: .*\n/, '');
    expect(expected).not.toBe(before);
    expect(read(file)).toBe(expected);
  });

  it('takes the memo for its statement, saying which file it opened', () => {
    const result = eis(['answer', 'memos/text-payment-reminders.md', '--answers', '-'], { cwd: dir, input: 'proposal:\n  desired_results: Fewer missed payments.\n' });
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'The statement for memos/text-payment-reminders.md: memos/text-payment-reminders.eis.yaml',
      'Saved 1 answer from <stdin> to memos/text-payment-reminders.eis.yaml.',
    ]);
    expect(result.code).toBe(0);
    expect(read('memos/text-payment-reminders.eis.yaml')).toContain('  desired_results: Fewer missed payments.\n');
    expect(read('memos/text-payment-reminders.md')).toBe(readFileSync(join(EXAMPLES, 'memos/text-payment-reminders.md'), 'utf8'));
  });

  it('takes an initiative folder for the statement inside it, named as the config says', () => {
    writeFileSync(join(dir, 'eis.config.yaml'), read('eis.config.yaml').replace('  memo: "{name}.eis.yaml"\n', '  memo: "{name}.eis.yaml"\n  folder: eia.eis.yaml\n'));
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans/eia.eis.yaml'), 'eis: 1\nquestionnaire: equity-impact@1\n');
    const result = eis(['answer', 'plans', '--answers', '-'], { cwd: dir, input: 'initiative: { title: Plans }' });
    expect(result.stderr.split('\n')[0]).toBe('The statement for plans: plans/eia.eis.yaml');
    expect(read('plans/eia.eis.yaml')).toBe('eis: 1\nquestionnaire: equity-impact@1\ninitiative:\n  title: Plans\n');
  });

  it('says how to create the statement of a memo that has none, and creates nothing (exit 2)', () => {
    const result = eis(['answer', MEMO, '--answers', '-'], { cwd: dir, input: 'initiative: { title: Licence }' });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `eis: ${MEMO}: no statement yet (looked for ${STATEMENT}); create it with: eis new ${MEMO}\n` });
    expect(existsSync(join(dir, STATEMENT))).toBe(false);
  });

  it('names a section that does not exist, with a suggestion', () => {
    const result = eis(['answer', 'memos/text-payment-reminders.eis.yaml', '--section', 'population'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'eis: "population" is not a section of equity-impact@1; did you mean "populations"? Sections: initiative, screening, proposal, populations, data, engagement, analysis, access, mitigation, monitoring, communication, signoff.\n',
    });
  });
});
