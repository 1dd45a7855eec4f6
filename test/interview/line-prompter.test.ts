// The accessible prompter, fed lines through in-memory streams: what it prints, what it accepts,
// and what it asks again.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { choicesFor, linePrompter, plainMessage } from '../../src/edge/interview/line-prompter.js';
import { askStep } from '../../src/edge/interview/ask.js';
import { afterResponse, nextStep, startState, type Choice, type Step } from '../../src/core/interview/flow.js';
import { builtinLatest } from '../helpers/model.js';
import { TODAY } from './walk.js';

const model = builtinLatest();

/** A prompter reading `replies` (one a line) and everything it wrote, as text. */
function lines(replies: string[], options: { end?: boolean; env?: NodeJS.ProcessEnv; openEditor?: (text: string) => string } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString('utf8');
  });
  const prompter = linePrompter({ input, output, env: options.env ?? {}, ...(options.openEditor ? { openEditor: options.openEditor } : {}) });
  input.write(replies.map((r) => `${r}\n`).join(''));
  if (options.end) input.end();
  return { prompter, input, output: () => written };
}

const languages: Choice[] = [
  { value: 'es', label: 'Spanish' },
  { value: 'zh', label: 'Chinese' },
  { value: 'asl', label: 'American Sign Language', help: 'Video relay or an interpreter in person.' },
];

/** The first step of a walk through everything that matches, everything before it skipped. */
function stepFor(find: (s: Step) => boolean): Step {
  const answers = {};
  let state = startState(model, answers, { kind: 'all' }, TODAY);
  for (let step = nextStep(model, answers, state, TODAY); step; step = nextStep(model, answers, state, TODAY)) {
    if (find(step)) return step;
    state = afterResponse(state, step, step.kind === 'add' || step.kind === 'revisit' ? { kind: 'no' } : { kind: 'skip' });
  }
  throw new Error('no such step');
}
const question = (key: string) => (s: Step) => s.kind === 'question' && s.path.join('.') === key;

describe('the accessible prompter', () => {
  it('numbers the choices and takes the number, the value or the label, in any case', async () => {
    const { prompter, output } = lines(['3', 'zh', 'spanish', ' AMERICAN sign language ']);
    const ask = () => prompter.select({ message: 'Translated into', choices: languages });
    expect(await ask()).toBe('asl');
    expect(await ask()).toBe('zh');
    expect(await ask()).toBe('es');
    expect(await ask()).toBe('asl');
    expect(output().split('Translated into. Choose one')[1]).toBe(
      ' of 3:\n1. Spanish\n2. Chinese\n3. American Sign Language: Video relay or an interpreter in person.\nTranslated into, number or name: ',
    );
  });

  it('asks again, in plain words, after a reply that names no choice', async () => {
    const { prompter, output } = lines(['7', 'Spansh', '', '0', '1']);
    expect(await prompter.select({ message: 'Translated into', choices: languages })).toBe('es');
    expect(output()).toBe(
      [
        'Translated into. Choose one of 3:',
        '1. Spanish',
        '2. Chinese',
        '3. American Sign Language: Video relay or an interpreter in person.',
        'Translated into, number or name: Not accepted: There is no choice 7: type a number from 1 to 3, or the name of a choice.',
        'Translated into, number or name: Not accepted: "Spansh" is not one of the choices: type a number from 1 to 3, or the name of a choice.',
        'Translated into, number or name: Not accepted: type a number from 1 to 3, or the name of a choice.',
        'Translated into, number or name: Not accepted: There is no choice 0: type a number from 1 to 3, or the name of a choice.',
        'Translated into, number or name: ',
      ].join('\n'),
    );
  });

  it('keeps the current choice on Enter, and says which it is', async () => {
    const { prompter, output } = lines(['']);
    expect(await prompter.select({ message: 'Translated into', choices: languages, default: 'zh' })).toBe('zh');
    expect(output()).toContain('Current answer: 2, Chinese. Press Enter to keep it.\n');
  });

  it('takes several choices separated by commas, by number, value or label', async () => {
    const { prompter } = lines(['1, asl', '2,spanish,2', '']);
    const ask = (checked: string[] = []) => prompter.checkbox({ message: 'Translated into', choices: languages, checked, validate: () => true });
    expect(await ask()).toEqual(['es', 'asl']);
    expect(await ask()).toEqual(['zh', 'es']);
    expect(await ask(['zh'])).toEqual(['zh']);
  });

  it('matches a label holding a comma whole before splitting on commas', () => {
    const choices: Choice[] = [
      { value: 'partners', label: 'Partners (courts, employers, community organizations)' },
      { value: 'children', label: 'Children' },
    ];
    expect(choicesFor(choices, 'partners (courts, employers, community organizations)')).toEqual([choices[0]]);
    expect(choicesFor(choices, '2, 1')).toEqual([choices[1], choices[0]]);
    expect(choicesFor(choices, '1, Adults')).toBe('"Adults" is not one of the choices: type a number from 1 to 2, or the name of a choice.');
  });

  it('for several choices, Enter chooses none when that is allowed, and "none" clears the current ones', async () => {
    const { prompter, output } = lines(['', 'none']);
    const ask = (checked: string[]) => prompter.checkbox({ message: 'Translated into (optional)', choices: languages, checked, validate: () => true });
    expect(await ask([])).toEqual([]);
    expect(output()).toContain('Press Enter to choose none.\n');
    expect(await ask(['es', 'asl'])).toEqual([]);
    expect(output()).toContain('Chosen now: 1, Spanish; 3, American Sign Language. Press Enter to keep them, or type none to clear them.\n');
  });

  it('refuses no choice for a required question, and a bad one among several', async () => {
    const step = stepFor(question('screening.affected'));
    const { prompter, output } = lines(['', '2, 12', 'none, 3']);
    await expect(askStep(step, prompter, model)).resolves.toEqual({ kind: 'answer', value: ['none', 'children'] });
    // "none" is a choice of this question (Nobody outside the agency), so it is not "clear".
    expect(output()).toContain('Who is affected? Numbers or names: Not accepted: choose at least one: type its number or name; separate several with commas.\n');
    expect(output()).toContain('Not accepted: There is no choice 12: type a number from 1 to 7, or the name of a choice.\n');
  });

  it('takes yes, y, no and n in any case, Enter for the default, and asks again otherwise', async () => {
    const { prompter, output } = lines(['YES', 'y', 'No', 'n', '', 'maybe', 'yes']);
    const ask = () => prompter.confirm({ message: 'Add an entry to "Indicators"?', default: false });
    expect([await ask(), await ask(), await ask(), await ask(), await ask(), await ask()]).toEqual([true, true, false, false, false, true]);
    expect(output()).toContain('Add an entry to "Indicators"? Type yes or no; Enter means no: Not accepted: type yes or no (or y or n).\n');
  });

  it('asks a text question again with the reason an answer was refused, and keeps the current one on Enter', async () => {
    const step = stepFor(question('initiative.author'));
    const { prompter, output } = lines(['TBD', '?', 'Dana Ruiz']);
    await expect(askStep(step, prompter, model)).resolves.toEqual({ kind: 'answer', value: 'Dana Ruiz' });
    expect(output()).toBe(
      [
        'Author (? for help): Not accepted: "TBD" is a placeholder, not an answer: write the answer.',
        'Author (? for help): The person who answers questions about this statement.',
        'Example: Dana Ruiz, Policy Analyst',
        'Author (? for help): ',
      ].join('\n'),
    );
    const again = lines(['']);
    await expect(again.prompter.input({ message: 'Author', default: 'Dana Ruiz', validate: () => true })).resolves.toBe('Dana Ruiz');
    expect(again.output()).toBe('Current answer: Dana Ruiz. Press Enter to keep it.\nAuthor: ');
  });

  it('picks a choice of a real question by number through the interview', async () => {
    const { prompter } = lines(['2']);
    const step = stepFor(question('initiative.kind'));
    const second = (step as Step & { choices: Choice[] }).choices[1]!.value;
    await expect(askStep(step, prompter, model)).resolves.toEqual({ kind: 'answer', value: second });
  });

  it('without an editor, takes a long answer over several lines, up to a line holding only a full stop', async () => {
    const step = stepFor(question('initiative.summary'));
    const { prompter, output } = lines(['', '?', '.', 'We will text parents.', '', 'In English and Spanish.', '.']);
    await expect(askStep(step, prompter, model)).resolves.toEqual({ kind: 'answer', value: 'We will text parents.\n\nIn English and Spanish.' });
    expect(output()).toContain(
      'Plain-language summary: a long answer, which may take several lines. Type them, then a line holding only a full stop (.) to finish.\nType ? on the first line for help and an example.\n',
    );
    expect(output()).toContain('Plain-language summary, first line: Two or three sentences a parent could understand');
    // The full stop right after the help ends an empty answer, which a required question refuses.
    expect(output()).toContain(
      'Example: We want to send parents a text message a few days before a support payment is due. Parents choose whether to get the texts, and can get them in English or Spanish.\nPlain-language summary, first line: Not accepted: An answer is needed here.',
    );
  });

  it('keeps the current long answer when the first line is a full stop', async () => {
    const { prompter, output } = lines(['.']);
    const text = await prompter.editor({ message: 'Summary', default: 'Texts before payments.\n\n<!-- eis: Summary\nTwo sentences.\nThis note is removed when you save. -->\n', validate: () => true });
    expect(text).toBe('Texts before payments.');
    expect(output()).toContain('Current answer:\nTexts before payments.\nEnd of the current answer. A full stop on the first line keeps it.\n');
  });

  it('with $EDITOR set, opens the editor after Enter, and again after a refused answer', async () => {
    const opened: string[] = [];
    const saved = ['TBD', 'Written in the editor.'];
    const { prompter, output } = lines(['', ''], {
      env: { EDITOR: 'nano' },
      openEditor: (text) => {
        opened.push(text);
        return saved.shift()!;
      },
    });
    const text = await prompter.editor({ message: 'Summary', default: 'old', validate: (v) => (v === 'TBD' ? 'write the answer.' : true) });
    expect(text).toBe('Written in the editor.');
    expect(opened).toEqual(['old', 'old']);
    expect(output()).toContain('Summary: a long answer, written in your editor (nano). The editor opens with the current answer.\n');
    expect(output()).toContain('Not accepted: write the answer.\n');
  });

  it('stops as a stopped inquirer prompt does when the input ends or on Ctrl-C', async () => {
    const ended = lines([], { end: true });
    await expect(ended.prompter.input({ message: 'Title', validate: () => true })).rejects.toMatchObject({ name: 'ExitPromptError' });
    const stopped = lines([]);
    const asked = stopped.prompter.confirm({ message: 'Go on?', default: true });
    stopped.prompter.interrupt();
    await expect(asked).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('writes no escape sequence: no colour, no cursor movement, no clearing', async () => {
    const { prompter, output } = lines(['1', '9', '2', 'y', 'text', 'more', '.']);
    await prompter.select({ message: 'A › B', choices: languages });
    await prompter.checkbox({ message: 'C', choices: languages, checked: [], validate: () => true });
    await prompter.confirm({ message: 'D?', default: false });
    await prompter.editor({ message: 'E', default: '', validate: () => true });
    expect(output()).not.toContain('\u001b');
    expect(output()).toContain('A: B, number or name: ');
  });

  it('says list entries as "entry: field", not with an arrow a screen reader spells out', () => {
    expect(plainMessage('Affected populations, entry 1 (Rural parents) › Effect')).toBe('Affected populations, entry 1 (Rural parents): Effect');
  });
});
