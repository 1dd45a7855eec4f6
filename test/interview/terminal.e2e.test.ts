// The whole interview in a real pseudo-terminal (tmux): typed, stopped with Ctrl-C half-way,
// resumed with eis answer, finished, and checked with eis check.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, copyExamples, eis } from '../helpers/cli.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { walk } from './walk.js';
import { builtin, readYaml } from '../helpers/model.js';
import { Terminal, tmuxMissing } from './tmux.js';

const missing = tmuxMissing();
if (missing) console.log(`Skipping the terminal tests: ${missing}.`);

const MEMO = 'memos/license-suspension-change.md';
const STATEMENT = 'memos/license-suspension-change.eis.yaml';

/** The environment of the terminal: no editor, no CI (or eis would not prompt), no colour. */
function baseEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, EIS_TODAY: '2026-11-23', TERM: 'xterm-256color' };
  for (const key of ['CI', 'EDITOR', 'VISUAL', 'GITHUB_ACTIONS', 'TMUX']) delete env[key];
  return env;
}

describe.skipIf(missing !== undefined)('the interview in a terminal', () => {
  let dir: string;
  let cleanup: () => void;
  let term: Terminal;
  beforeEach(() => {
    ({ dir, cleanup } = copyExamples());
    term = new Terminal(baseEnv());
  });
  afterEach(() => {
    term.kill();
    cleanup();
  });

  const statement = () => parseYamlSource(readFileSync(join(dir, STATEMENT), 'utf8'), STATEMENT).data as Record<string, Record<string, unknown>>;

  async function answer(prompt: string, ...keys: Array<string | { text: string }>) {
    await term.prompt(prompt);
    for (const key of keys) {
      if (typeof key === 'string') term.keys(key);
      else term.type(key.text);
    }
  }
  const text = (t: string) => ({ text: t });

  it('is typed, stopped with Ctrl-C, resumed and finished into a statement that waits only for approval', async () => {
    // First session: no editor, so long answers are typed on one line.
    term.run([process.execPath, BIN, 'new', MEMO], dir, 'new');
    // The title (the memo's first heading), the kind and the status are filled in: the first
    // question is the summary.
    await term.prompt('Plain-language summary');
    expect(term.screen().split('\n')[0]).toBe(STATEMENT);
    expect(term.screen()).toContain(
      `Filled in from the memo and the defaults: Title: "Changing the Driver's License Suspension Policy for Past-Due Support"; Kind of work: Policy memo; Status: Draft. Change them with: eis answer ${STATEMENT} --section initiative`,
    );
    expect(term.screen()).toContain('No $VISUAL or $EDITOR is set, so long answers are typed on one line.');
    await answer('Plain-language summary', text('?'), 'Enter');
    await term.waitFor((s) => s.includes('Example: We want to send parents a text message'), 'the help of the summary');
    await answer('Plain-language summary', text('We suspend fewer licences, and only after checking that a parent can pay.'), 'Enter');
    await answer('Division or office', text('Policy Division'), 'Enter');
    await answer('Author', text('TBD'), 'Enter');
    await term.waitFor((s) => s.includes('"TBD" is a placeholder, not an answer: write the answer.'), 'the placeholder refused');
    term.keys('C-u');
    await answer('Author', text('Policy and Equity Review Team'), 'Enter');
    await answer('Add an entry to "Memos this statement covers"?', 'Enter');
    await answer('Who is affected?', 'Down', 'Space', 'Enter');
    await answer('What does it change?', 'Down', 'Down', 'Down', 'Space', 'Enter');
    await answer('Are there known differences', 'Down', 'Enter');
    await answer('Do staff use their own judgement', 'Down', 'Enter');
    await answer('What problem does it solve?', text('Suspensions cost parents the jobs they need to pay support.'), 'Enter');
    await answer('What is being decided?', text('Raise the thre'));
    await term.waitFor((s) => s.includes('Raise the thre'), 'the half-typed answer');
    term.keys('C-c');

    expect(await term.exitCode()).toBe(130);
    expect(term.history()).toContain(`Stopped. Every answer given so far is saved in ${STATEMENT}. Resume with: eis answer ${STATEMENT}`);
    expect(statement()).toEqual({
      eis: 1,
      questionnaire: 'equity-impact@2',
      initiative: {
        title: "Changing the Driver's License Suspension Policy for Past-Due Support",
        kind: 'memo',
        summary: 'We suspend fewer licences, and only after checking that a parent can pay.',
        division: 'Policy Division',
        author: 'Policy and Equity Review Team',
        status: 'draft',
      },
      screening: { affected: ['noncustodial-parents'], changes: ['notices-forms'], known_disparities: 'no', staff_discretion: 'no' },
      proposal: { problem: 'Suspensions cost parents the jobs they need to pay support.' },
    });

    // Second session: an editor program given with an argument, spawned without a shell.
    const editor = join(dir, 'fake-editor.sh');
    writeFileSync(editor, '#!/bin/sh\n# $1 is the word given in $EDITOR; the file to edit comes last\nfor file; do :; done\nprintf "Written in the %s.\\n" "$1" > "$file"\n', { mode: 0o755 });
    term.run([process.execPath, BIN, 'answer', STATEMENT], dir, 'answer', { EDITOR: `${editor} editor` });
    await term.waitFor((s) => s.includes('Section 3 of 9: The proposal'), 'the progress line');
    expect(term.screen()).toContain('11 of 20 required answers given · level brief · to do: The proposal, Populations, Community engagement, Language and access, Mitigation and decision, Monitoring');
    await answer('What is being decided?', 'Enter'); // launches the editor
    await answer('What results do we want', 'Enter');
    await answer('Affected populations, entry 1 › Group', text('Rural parents'), 'Enter');
    await answer('Kinds of population', 'Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter'); // several may be picked
    await answer('Direct or indirect', 'Enter');
    await answer('› Effect', 'Down', 'Enter');
    await answer('How many people, roughly', 'Enter');
    await answer('Why this effect', 'Enter');
    // An optional long answer asks first whether to write one: "y" opens the editor.
    await answer('likely to perceive the change', text('y'), 'Enter');
    // A burden: the data gap is offered (a new one could be named here); Enter leaves it.
    await answer('› Data gap (optional)', 'Enter');
    await answer('› Evidence', text('y'), 'Enter');
    await answer('Add another entry to "Affected populations"?', 'Enter');
    await answer('Did you engage the people affected?', 'Down', 'Enter');
    await answer('Why was nobody engaged?', 'Enter');
    await answer('Plan to engage', 'Enter');
    await answer('Language access', 'Enter');
    await answer('Translated into', 'Enter');
    await answer('Accessible formats', 'Enter');
    await answer('Technology barriers', 'Enter');
    await answer('reviewed for plain language', 'Enter');
    await answer('Add an entry to "Harmful or barrier language', 'Enter');
    await answer('Alternatives considered', 'Enter');
    await answer('Add an entry to "Mitigation actions"?', text('y'), 'Enter');
    await answer('Mitigation actions, entry 1 › Action', text('Offer payment plans before any referral'), 'Enter');
    await answer('Populations it addresses', 'Space', 'Enter');
    await answer('› Owner', text('Policy Division'), 'Enter');
    await answer('› Due', text('2027-02-30'), 'Enter');
    await term.waitFor((s) => s.includes('2027-02-30 is not a real date.'), 'the date refused');
    term.keys('C-u');
    await answer('› Due', text('2027-01-31'), 'Enter');
    await answer('How we will know it worked', 'Enter');
    await answer('› Status', 'Enter');
    await answer('Add another entry to "Mitigation actions"?', 'Enter');
    await answer('Decision', 'Down', 'Enter');
    await answer('Why this decision', 'Enter');
    await answer('Add an entry to "Indicators"?', 'Enter');
    await answer('Review date', text('2027-06-30'), 'Enter');
    await answer('Responsible for monitoring', text('Office of Equity'), 'Enter');
    await answer('Post-implementation review', 'Enter');

    expect(await term.exitCode()).toBe(0);
    const end = term.history();
    expect(end).toContain(`${STATEMENT}  equity-impact@2, draft, level brief, 22/22 required answered`);
    expect(end).toContain('✔ 0 errors, 0 warnings in 1 statement');
    // The author's part is done; approval is the reviewers'.
    expect(end).toContain(
      `Next: commit the statement with its memo, and ask a reviewer named in the config to approve it (eis signoff ${STATEMENT}); until then eis check reports it as not approved.`,
    );

    const data = statement();
    expect(data.proposal.decision).toBe('Written in the editor.');
    expect(data.populations.groups).toEqual([
      {
        id: 'rural-parents',
        kinds: ['region'],
        name: 'Rural parents',
        directness: 'direct',
        effect: 'burden',
        why: 'Written in the editor.',
        perception: 'Written in the editor.',
        evidence: 'Written in the editor.',
      },
    ]);
    expect(data.mitigation.actions).toEqual([
      {
        id: 'offer-payment-plans-before-any-referral',
        what: 'Offer payment plans before any referral',
        populations: ['rural-parents'],
        owner: 'Policy Division',
        due: '2027-01-31',
        status: 'planned',
      },
    ]);
    const check = eis(['check', STATEMENT], { cwd: dir });
    expect(check).toEqual({
      code: 1,
      stdout: `${STATEMENT}  equity-impact@2, draft, level brief, 22/22 required answered\n  ${readFileSync(join(dir, STATEMENT), 'utf8').split('\n').indexOf('  status: draft') + 1}:3    error    The statement is not approved: it needs an approval from "equity-office".  approval/required\n                   A reviewer named in eis.config.yaml records it with eis signoff.\n\n✖ 1 error, 0 warnings in 1 statement\n`,
      stderr: '',
    });
  });

  it('offers to resume an existing statement instead of overwriting it', async () => {
    const existing = 'memos/online-application-portal.eis.yaml';
    const before = readFileSync(join(dir, existing), 'utf8');
    term.run([process.execPath, BIN, 'new', 'memos/online-application-portal.md'], dir);
    await answer(`Continue answering ${existing}?`, text('n'), 'Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.history()).toContain(`${existing} exists already.`);
    expect(readFileSync(join(dir, existing), 'utf8')).toBe(before);
  });

  it('stopped before the first answer, eis new leaves no statement behind', async () => {
    term.run([process.execPath, BIN, 'new', MEMO], dir);
    await term.prompt('Plain-language summary');
    expect(existsSync(join(dir, STATEMENT))).toBe(true);
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.history()).toContain(`Stopped before any answer was given, so ${STATEMENT} was removed.`);
    expect(existsSync(join(dir, STATEMENT))).toBe(false);
  });

  it('stops without overwriting when the statement is edited in another window', async () => {
    writeFileSync(join(dir, STATEMENT), 'eis: 1\nquestionnaire: equity-impact@1\n');
    term.run([process.execPath, BIN, 'answer', STATEMENT], dir);
    await answer('Title', text('First title'), 'Enter');
    await term.prompt('Kind of work');
    const edited = readFileSync(join(dir, STATEMENT), 'utf8').replace('First title', 'Changed by hand');
    writeFileSync(join(dir, STATEMENT), edited);
    term.keys('Enter');
    expect(await term.exitCode()).toBe(2);
    expect(term.history()).toContain(`eis: ${STATEMENT}: the statement changed on disk during the interview (edited in another window?); eis stopped and did not overwrite it.`);
    expect(readFileSync(join(dir, STATEMENT), 'utf8')).toBe(edited);
  });

  it('revisits every question of a full statement with Enter alone, keeping each answer and never opening the editor', async () => {
    const file = 'memos/text-payment-reminders.eis.yaml';
    const before = readFileSync(join(dir, file), 'utf8');
    const opened = join(dir, 'editor-opened');
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\ntouch '${opened}'\n`, { mode: 0o755 });
    term.run([process.execPath, BIN, 'answer', file, '--all'], dir, 'all', { EDITOR: editor });
    // Enter at each prompt as it comes. A prompt waiting is a line starting "? "; once answered it
    // becomes a line starting with a tick, so a prompt is pressed only when every earlier one has
    // turned into its tick line: one Enter per prompt.
    let prompts = 0;
    const until = Date.now() + 150_000;
    while (!term.ended() && Date.now() < until) {
      const screen = term.screen();
      const answered = term
        .history()
        .split('\n')
        .filter((l) => l.startsWith('✔ ')).length;
      if (screen.split('\n').some((l) => l.startsWith('? ')) && answered === prompts) {
        prompts++;
        term.keys('Enter');
      } else await new Promise((r) => setTimeout(r, 30));
    }
    expect(await term.exitCode(), `after ${prompts} prompts:\n${term.screen()}`).toBe(0);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(before);
    expect(existsSync(opened)).toBe(false);
    // Every long answer offered "edit this answer? (y/N)", and Enter kept it.
    expect(term.history()).toMatch(/✔ What problem does it solve\?: edit this answer\? No/);
    // As many prompts as the interview has steps for this statement, walked without a terminal.
    const kept = walk(builtin(), readYaml(join(dir, file)) as Record<string, unknown>, { kind: 'all' }, (step) =>
      step.kind === 'add' || step.kind === 'revisit' ? { kind: 'no' } : step.current === undefined ? { kind: 'skip' } : { kind: 'answer', value: step.current },
    );
    expect(prompts).toBe(kept.steps.length);
    expect(prompts).toBeGreaterThan(50);
  }, 180_000);
});
