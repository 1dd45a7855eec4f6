// A whole interview in accessible mode, in a real pseudo-terminal (tmux), with every byte the
// terminal received recorded: no cursor movement, no clearing, no colour; and the statement it
// saves is the one the usual prompts save for the same answers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, copyExamples } from '../helpers/cli.js';
import { Terminal, tmuxMissing } from './tmux.js';
import { INTERVIEW, MEMO, STATEMENT, baseEnv } from './brief-interview.js';

const missing = tmuxMissing();
if (missing) console.log(`Skipping the accessible terminal tests: ${missing}.`);

/** Cursor movement, scrolling, erasing and showing or hiding the cursor: ESC [ ... A-H, J, K, S, T, f, s, u, ?25l/h. */
const CURSOR_OR_ERASE = /\u001b\[[0-9;?]*[A-HJKSTfsu]|\u001b\[\?25[lh]/;

describe.skipIf(missing !== undefined)('the accessible interview in a terminal', () => {
  let dirs: Array<{ dir: string; cleanup: () => void }>;
  let terms: Terminal[];
  beforeEach(() => {
    dirs = [];
    terms = [];
  });
  afterEach(() => {
    for (const t of terms) t.kill();
    for (const d of dirs) d.cleanup();
  });

  /** `eis new` in a fresh copy of the examples, every byte the terminal gets recorded from the start. */
  function start(args: string[], env: Record<string, string | undefined>) {
    const tree = copyExamples();
    dirs.push(tree);
    const term = new Terminal(env);
    terms.push(term);
    const raw = join(tree.dir, '.raw');
    const go = join(tree.dir, '.go');
    writeFileSync(raw, '');
    // The program waits until the recording has started, so that none of its output is missed.
    term.run(['/bin/sh', '-c', `while [ ! -e '${go}' ]; do sleep 0.02; done; exec "$@"`, 'sh', process.execPath, BIN, 'new', MEMO, ...args], tree.dir);
    term.pipeTo(raw);
    writeFileSync(go, '');
    return { term, dir: tree.dir, raw: () => readFileSync(raw, 'latin1') };
  }

  /** Lines with something on them, scrollback included. */
  const filled = (term: Terminal) =>
    term
      .history()
      .split('\n')
      .filter((l) => l.trim() !== '');

  it('asks line by line with no cursor movement, and saves what the usual prompts save', { timeout: 120_000 }, async () => {
    // Colour forced on: accessible mode uses none all the same.
    const accessible = start(['--accessible'], { ...baseEnv(), FORCE_COLOR: '3' });
    let seen = 0;
    for (const reply of INTERVIEW) {
      // A new line (not the one just answered) that is a prompt for this question.
      await accessible.term.waitFor(() => {
        const lines = filled(accessible.term);
        const last = lines.at(-1) ?? '';
        return lines.length > seen && last.includes(reply.prompt) && /[:?]$/.test(last);
      }, `the accessible prompt "${reply.prompt}"`);
      seen = filled(accessible.term).length;
      for (const line of reply.lines) {
        if (line) accessible.term.type(line);
        accessible.term.keys('Enter');
      }
    }
    const code = await accessible.term.exitCode(30_000);
    await accessible.term.waitFor(() => accessible.raw().includes('Next:'), 'the end of the recording');

    const raw = accessible.raw();
    expect(raw).not.toMatch(CURSOR_OR_ERASE);
    expect(raw).not.toContain('\u001b'); // no colour either
    const said = accessible.term.history();
    expect(said).toContain('Section 1 of 9: The initiative');
    // Progress in words before each question, counted one by one.
    const numbers = [...said.matchAll(/^Question (\d+) of about (\d+)\.$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers.length).toBeGreaterThan(30);
    expect(numbers.map(([n]) => n)).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.every(([n, about]) => about! >= n!)).toBe(true);
    // The title, the kind and the status came from the memo and the defaults.
    expect(said).toContain('3 of 20 required answers given; level brief; to do: The initiative, Screening,');
    expect(said).toContain('Direct or indirect. Choose one of 2:\n1. Direct\n2. Indirect\n');
    // The next line may be typed (and echoed) before the refusal is printed: checked apart.
    expect(said).toContain('Direct or indirect, number or name: 7\n');
    expect(said).toContain('Not accepted: There is no choice 7: type a number from 1 to 2, or the name of a choice.\n');
    expect(said).toMatch(/Saved Affected populations, entry 1 \(Rural parents\)[^\n]*Direct or indirect: Direct \(\d+ of 2\d required answers given\)\./);
    expect(said).toContain('Who is affected? Numbers or names:\nNot accepted: choose at least one');
    expect(said).toContain('Saved Who is affected?: Parents who pay support (');
    expect(said).toContain('Not accepted: 2027-02-30 is not a real date.');
    expect(said).toContain('Nothing saved for Affected populations, entry 1 (Rural parents): How many people, roughly; it stays unanswered');

    // The same answers through inquirer's prompts, recorded the same way.
    const usual = start([], { ...baseEnv(), NO_COLOR: '1' });
    for (const reply of INTERVIEW) {
      await usual.term.prompt(reply.prompt);
      for (const key of reply.keys) {
        if (typeof key === 'string') usual.term.keys(key);
        else usual.term.type(key.text);
      }
    }
    expect(await usual.term.exitCode(30_000)).toBe(code);
    await usual.term.waitFor(() => usual.raw().includes('Next:'), 'the end of the recording');
    // The recording does see cursor movement when there is some: inquirer redraws its prompts.
    expect(usual.raw()).toMatch(CURSOR_OR_ERASE);

    expect(existsSync(join(accessible.dir, STATEMENT))).toBe(true);
    expect(readFileSync(join(accessible.dir, STATEMENT), 'utf8')).toBe(readFileSync(join(usual.dir, STATEMENT), 'utf8'));
  });

  it('stops on Ctrl-C, keeping what was saved, with the same message as the usual prompts', async () => {
    const { term, dir, raw } = start(['--accessible'], baseEnv());
    await term.waitFor((s) => s.includes('Plain-language summary'), 'the first prompt');
    term.type('Fewer suspensions.');
    term.keys('Enter');
    term.type('.');
    term.keys('Enter');
    await term.waitFor((s) => s.trimEnd().endsWith('Division or office (? for help):'), 'the second prompt');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.history()).toContain(`Stopped. Every answer given so far is saved in ${STATEMENT}. Resume with: eis answer ${STATEMENT}`);
    expect(readFileSync(join(dir, STATEMENT), 'utf8')).toContain('summary: Fewer suspensions.');
    expect(raw()).not.toMatch(CURSOR_OR_ERASE);
  });
});
