// File names, keys and answers that eis prints for people cannot act on the terminal or the CI log:
// a newline followed by `::error::` or `::add-mask::` would be a GitHub workflow command, ESC
// sequences would clear the screen or hide a link. Every human-readable format shows them as visible
// escapes (`\n`, `\x1b`); only --format github writes workflow commands, its own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eis, ROOT, tempTree } from '../helpers/cli.js';
import { looksLikeACrash } from './run.js';

const STATEMENT = readFileSync(join(ROOT, 'examples', 'memos', 'text-payment-reminders.eis.yaml'), 'utf8');
const CONFIG = readFileSync(join(ROOT, 'examples', 'eis.config.yaml'), 'utf8');
const tree = tempTree();
const repo = join(tree.dir, 'repo');
afterAll(() => tree.cleanup());
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.gov', ...args], { cwd: repo, encoding: 'utf8' });

// A name and a value that try every trick: a forged command on a new line (after \n, \r and U+2028),
// a screen clear, an OSC 8 hyperlink, a C1 CSI.
const FORGED = 'x\n::error title=forged::all approved\r::add-mask::x\u2028::warning::y\x1b[2J\x1b]8;;https:evil.example\x07link\x1b]8;;\x07\x9b31m';
const NAME = `memos/${FORGED.replace(/\//g, '')}`;
// The same in YAML: a key the questionnaire does not know (quoted in the finding), and answers.
const yamlForged = JSON.stringify(FORGED);
const hostileStatement = (title: string) =>
  STATEMENT.replace(/^ {2}title: .*$/m, `  title: ${title}`)
    .replace(/^ {2}division: .*$/m, `  division: ${yamlForged}\n  ${yamlForged}: 1`)
    .replace(/^ {2}summary: >-\n(?: {4}.*\n)+/m, `  summary: "Line one\\n::error::forged from an answer\\n  ##[error]old style\\n\\e[2J"\n`);

beforeAll(() => {
  mkdirSync(join(repo, 'memos'), { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  writeFileSync(join(repo, 'eis.config.yaml'), CONFIG);
  writeFileSync(join(repo, `${NAME}.md`), '# Memo\n');
  writeFileSync(join(repo, `${NAME}.eis.yaml`), hostileStatement('Before'));
  git('add', '-A');
  git('commit', '-qm', 'x');
  writeFileSync(join(repo, `${NAME}.eis.yaml`), hostileStatement(`${yamlForged}`));
});

/** What a CI runner or a terminal would act on: a workflow command at the start of a line, or a control sequence. */
function expectInert(text: string, why: string): void {
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)) expect(line, why).not.toMatch(/^\s*(::|##\[)/);
  // NO_COLOR is set and output is not a terminal: any ESC or C1 byte came from input.
  expect(text, why).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
}

describe('text output shows control characters from input as visible escapes', () => {
  const commands: string[][] = [
    ['check'],
    ['check', NAME.concat('.eis.yaml')],
    ['lint'],
    ['status'],
    ['diff', '--git', 'HEAD'],
    ['render', '--format', 'md', `${NAME}.eis.yaml`],
    ['diff', '--git', 'HEAD', '--format', 'md'],
    ['status', '--format', 'md'],
    ['check', 'memos/no such file\n::error::forged.eis.yaml'],
    ['render', `memos/missing\x1b[2J.eis.yaml`],
  ];
  for (const args of commands) {
    it(`eis ${JSON.stringify(args)}`, () => {
      const run = eis(args, { cwd: repo });
      expect(looksLikeACrash(run), run.stderr).toBeUndefined();
      expect([0, 1, 2]).toContain(run.code);
      expectInert(run.stdout, `stdout of ${JSON.stringify(args)}:\n${run.stdout}`);
      expectInert(run.stderr, `stderr of ${JSON.stringify(args)}:\n${run.stderr}`);
      // The names and answers are shown, escaped, not dropped.
      expect(`${run.stdout}${run.stderr}`).toMatch(/\\n|\\x1b|x1b/);
    });
  }

  it('--format github writes only its own workflow commands, with the data escaped', () => {
    const run = eis(['check', '--format', 'github'], { cwd: repo });
    expect([0, 1]).toContain(run.code);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^\n]*::/);
  });
});
