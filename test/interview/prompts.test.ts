// The inquirer adapter, driven through @inquirer/testing's virtual screen (no terminal needed).
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { inquirerPrompter, editorCommand } from '../../src/edge/interview/prompts.js';
import { askStep } from '../../src/edge/interview/ask.js';
import { afterResponse, nextStep, startState, type Step } from '../../src/core/interview/flow.js';
import { builtin } from '../helpers/model.js';
import { TODAY } from './walk.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempTree } from '../helpers/cli.js';

const model = builtin();

function prompter(env: NodeJS.ProcessEnv = {}) {
  const notes: string[] = [];
  return { notes, prompter: inquirerPrompter({ env, note: (t) => notes.push(t) }) };
}

/** The first step of a walk through everything that matches, everything before it skipped. */
function stepFor(answers: Record<string, unknown>, find: (s: Step) => boolean): Step {
  let state = startState(model, answers, { kind: 'all' }, TODAY);
  for (let step = nextStep(model, answers, state, TODAY); step; step = nextStep(model, answers, state, TODAY)) {
    if (find(step)) return step;
    state = afterResponse(state, step, step.kind === 'add' || step.kind === 'revisit' ? { kind: step.kind === 'revisit' && step.index === 0 ? 'yes' : 'no' } : { kind: 'skip' });
  }
  throw new Error('no such step');
}

const question = (key: string) => (s: Step) => s.kind === 'question' && s.path.join('.') === key;

describe('the inquirer prompter', () => {
  it('shows why an answer is refused, under the prompt, and asks again', async () => {
    const { prompter: p } = prompter();
    const answer = askStep(stepFor({}, question('initiative.title')), p, model);
    expect(screen.getScreen()).toBe('? Title (? for help)');
    screen.type('TBD');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toBe('? Title (? for help) TBD\n> "TBD" is a placeholder, not an answer: write the answer.');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('Text reminders');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Text reminders' });
  });

  it('shows the help and the example when "?" is typed, then asks again', async () => {
    const { prompter: p, notes } = prompter();
    const answer = askStep(stepFor({}, question('initiative.author')), p, model);
    screen.type('?');
    screen.keypress('enter');
    await screen.next();
    expect(notes).toEqual(['The person who answers questions about this statement.\nExample: Dana Ruiz, Policy Analyst']);
    expect(screen.getScreen()).toBe('? Author (? for help)');
    screen.type('Dana Ruiz');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Dana Ruiz' });
  });

  it('offers a way to skip an optional choice, and none for a required one', async () => {
    const { prompter: p } = prompter();
    const optional = askStep(stepFor({}, question('access.plain_language')), p, model);
    // Not yet answered: the cursor starts on "Skip", so Enter leaves an optional answer empty.
    expect(screen.getScreen()).toContain('❯ Skip (leave unanswered)');
    screen.keypress('enter');
    await expect(optional).resolves.toEqual({ kind: 'skip' });

    const required = askStep(stepFor({}, question('initiative.kind')), p, model);
    expect(screen.getScreen()).not.toContain('Skip');
    screen.keypress('down');
    screen.keypress('enter');
    await expect(required).resolves.toEqual({ kind: 'answer', value: 'memo' });
  });

  it('starts a choice at the current answer when revisiting', async () => {
    const { prompter: p } = prompter();
    const answer = askStep(stepFor({ initiative: { status: 'in-review' } }, question('initiative.status')), p, model);
    expect(screen.getScreen()).toContain('❯ In review');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'in-review' });
  });

  it('needs at least one pick in a required multi-choice', async () => {
    const { prompter: p, notes } = prompter();
    const answer = askStep(stepFor({}, question('screening.affected')), p, model);
    expect(notes[0]).toMatch(/^Pick everyone the change reaches/);
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Pick at least one (space selects, enter confirms).');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: ['noncustodial-parents', 'children'] });
  });

  it('offers the entries of the list a reference points into', async () => {
    const { prompter: p } = prompter();
    const answers = {
      populations: {
        groups: [
          { id: 'rural-parents', name: 'Rural parents' },
          { id: 'survivors', name: 'Survivors' },
        ],
      },
      mitigation: { actions: [{ id: 'plans', what: 'Payment plans' }] },
    };
    const step = stepFor(answers, (s) => s.kind === 'field' && s.path.join('.') === 'mitigation.actions.0.populations');
    expect(step.kind).toBe('field');
    const answer = askStep(step, p, model);
    expect(screen.getScreen()).toContain('Rural parents');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: ['survivors'] });
  });

  it('asks before adding an entry to an optional list, "no" by default', async () => {
    const { prompter: p } = prompter();
    const answer = askStep(
      stepFor({}, (s) => s.kind === 'add' && s.path.join('.') === 'initiative.memos'),
      p,
      model,
    );
    expect(screen.getScreen()).toBe('? Add an entry to "Memos this statement covers"? (y/N)');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'no' });
  });

  it('opens $VISUAL for a long answer, on a .md file named after the question, holding its help as a note that is removed', async () => {
    // A real editor program, spawned by @inquirer/external-editor with an argument array: it keeps a
    // copy of what it was given and writes the answer.
    const tree = tempTree({});
    const script = join(tree.dir, 'fake-editor.sh');
    writeFileSync(script, `#!/bin/sh\ncp "$1" "${tree.dir}/seen.md"\necho "$1" > "${tree.dir}/name"\nprintf 'Parents get a text\\n\\nbefore a payment is due.\\n' > "$1"\n`, { mode: 0o755 });
    const saved = process.env.VISUAL;
    process.env.VISUAL = script;
    try {
      const { prompter: p } = prompter({ VISUAL: script });
      expect(p.hasEditor).toBe(true);
      const answer = askStep(stepFor({}, question('initiative.summary')), p, model);
      expect(screen.getScreen()).toBe('? Plain-language summary Press <enter> to launch your preferred editor.');
      screen.keypress('enter');
      await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Parents get a text\n\nbefore a payment is due.' });
      expect(readFileSync(join(tree.dir, 'name'), 'utf8').trim()).toMatch(/\/eis-initiative-summary-[^/]*\.md$/);
      expect(readFileSync(join(tree.dir, 'seen.md'), 'utf8')).toBe(
        '\n\n<!-- eis: Plain-language summary\nTwo or three sentences a parent could understand: what will change, for whom, and why. Avoid acronyms and legal terms.\n' +
          'Example: We want to send parents a text message a few days before a support payment is due. Parents choose whether to get the texts, and can get them in English or Spanish.\n' +
          'Write the answer above this note; the note is removed when you save. -->\n',
      );
    } finally {
      if (saved === undefined) delete process.env.VISUAL;
      else process.env.VISUAL = saved;
      tree.cleanup();
    }
  });

  it('falls back to one line for a long answer without an editor', async () => {
    const { prompter: p } = prompter({});
    expect(p.hasEditor).toBe(false);
    const answer = askStep(stepFor({}, question('initiative.summary')), p, model);
    expect(screen.getScreen()).toBe('? Plain-language summary (? for help)');
    screen.type('One line will do.');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'One line will do.' });
  });

  it('reads the editor from VISUAL before EDITOR', () => {
    expect(editorCommand({ VISUAL: 'code --wait', EDITOR: 'vi' })).toBe('code --wait');
    expect(editorCommand({ EDITOR: 'vi' })).toBe('vi');
    expect(editorCommand({ EDITOR: '  ' })).toBeUndefined();
  });

  it('keeps an existing long answer with Enter, without opening the editor', async () => {
    const tree = tempTree({});
    const marker = join(tree.dir, 'opened');
    const script = join(tree.dir, 'editor.sh');
    writeFileSync(script, `#!/bin/sh\ntouch "${marker}"\n`, { mode: 0o755 });
    try {
      const { prompter: p, notes } = prompter({ VISUAL: script });
      const summary = 'Parents get a text before a payment is due.';
      const answer = askStep(stepFor({ initiative: { summary } }, question('initiative.summary')), p, model);
      expect(notes).toEqual([`Plain-language summary: ${summary}`]);
      expect(screen.getScreen()).toBe('? Plain-language summary: edit this answer? (y/N)');
      screen.keypress('enter');
      await expect(answer).resolves.toEqual({ kind: 'answer', value: summary });
      expect(() => readFileSync(marker)).toThrow();
    } finally {
      tree.cleanup();
    }
  });

  it('says why a pick breaks a rule about its question, and asks again', async () => {
    const { prompter: p, notes } = prompter();
    const objection = (value: unknown) => (value === 'in-review' ? 'Not yet: nobody has reviewed it.' : undefined);
    const answer = askStep(stepFor({}, question('initiative.status')), p, model, { objection });
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(notes[1]).toBe('Not yet: nobody has reviewed it.');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'draft' });
  });

  it('defaults "Add an entry?" to yes when a rule needs one, and to no otherwise', async () => {
    const { prompter: p } = prompter();
    const add = (s: Step) => s.kind === 'add' && s.path.join('.') === 'mitigation.actions';
    const wanted = askStep(stepFor({}, add), p, model, { addWanted: true });
    expect(screen.getScreen()).toContain('(Y/n)');
    screen.keypress('enter');
    await expect(wanted).resolves.toEqual({ kind: 'yes' });
    const plain = askStep(stepFor({}, add), p, model);
    expect(screen.getScreen()).toContain('(y/N)');
    screen.keypress('enter');
    await expect(plain).resolves.toEqual({ kind: 'no' });
  });
});
