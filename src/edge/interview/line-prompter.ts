// The accessible prompter: every question is a line of text and every answer a line typed after it.
// Nothing is redrawn and the cursor is never moved, so a screen reader reads the interview in the
// order it was written and a magnifier can follow the last line. Choices are numbered; the number,
// the value or the label is accepted. Modelled on GitHub CLI's accessible prompter.
import { createInterface, type Interface } from 'node:readline';
import { edit } from '@inquirer/external-editor';
import type { Choice } from '../../core/interview/flow.js';
import { EDITOR_NOTE_END, EDITOR_NOTE_START } from '../../core/interview/validate.js';
import { HELP_KEY, type Prompter } from './ask.js';
import { editorCommand } from './editor-command.js';

export interface LinePrompterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Where notes go; the output stream unless given. */
  note?: (text: string) => void;
  /** Opens the external editor on `text` and returns what was saved; tests replace it. */
  openEditor?: (text: string) => string;
}

export interface LinePrompter extends Prompter {
  /** Stops the question being asked (Ctrl-C): it fails as an inquirer prompt does when stopped. */
  interrupt(): void;
  /** Lets go of the input, so that the process can end. */
  close(): void;
}

/** The line that ends a long answer typed without an editor. */
export const END_OF_TEXT = '.';

/**
 * Named as inquirer names its own, so that every place that treats Ctrl-C in a prompt as "stop,
 * keep what is saved" treats this the same.
 */
class StoppedError extends Error {
  override name = 'ExitPromptError';
}

/** Questions name list entries as "Entry › Field"; a screen reader would spell out the arrow. */
export function plainMessage(message: string): string {
  return message.replaceAll(' › ', ': ');
}

/** True when the question ends as a sentence does ("Who is affected?"). */
function ends(message: string): boolean {
  return /[?.!]$/.test(message);
}

/** "Kind of work, number" but "Who is affected? Number": no comma after a question mark. */
function joined(message: string, mark: string, word: string): string {
  const capital = `${word[0]!.toUpperCase()}${word.slice(1)}`;
  if (ends(message)) return `${message} ${capital}`;
  return `${message}${mark} ${mark === '.' ? capital : word}`;
}

function numbered(choices: Choice[]): string {
  return choices.map((c, i) => `${i + 1}. ${c.label}${c.help ? `: ${c.help.trim()}` : ''}`).join('\n');
}

/** The choice a typed reply names: its number, its value or its label (case does not matter). */
export function choiceFor(choices: Choice[], reply: string): Choice | string {
  const text = reply.trim();
  const range = `type a number from 1 to ${choices.length}, or the name of a choice`;
  if (/^\d+$/.test(text)) {
    const chosen = choices[Number(text) - 1];
    return chosen ?? `There is no choice ${text}: ${range}.`;
  }
  const lower = text.toLowerCase();
  const chosen = choices.find((c) => c.value.toLowerCase() === lower) ?? choices.find((c) => c.label.toLowerCase() === lower);
  return chosen ?? `"${text}" is not one of the choices: ${range}.`;
}

/** Several choices, separated by commas; a label that holds a comma is matched whole first. */
export function choicesFor(choices: Choice[], reply: string): Choice[] | string {
  const whole = choiceFor(choices, reply);
  if (typeof whole !== 'string') return [whole];
  const picked: Choice[] = [];
  for (const part of reply.split(',')) {
    if (part.trim() === '') continue;
    const chosen = choiceFor(choices, part);
    if (typeof chosen === 'string') return chosen;
    if (!picked.includes(chosen)) picked.push(chosen);
  }
  return picked;
}

function labelOf(choices: Choice[], value: string): string {
  const at = choices.findIndex((c) => c.value === value);
  return at === -1 ? value : `${at + 1}, ${choices[at]!.label}`;
}

/** The answer and the help note that ask.ts puts together into the editor's file. */
function splitNote(text: string): { answer: string; help: string | undefined } {
  const start = text.indexOf(EDITOR_NOTE_START);
  if (start === -1) return { answer: text.trim(), help: undefined };
  const end = text.indexOf(EDITOR_NOTE_END, start);
  const note = text.slice(start + EDITOR_NOTE_START.length, end === -1 ? undefined : end);
  // The note's first line is the question's label, its last says the note is removed on saving.
  const lines = note.split('\n').slice(1, -1);
  const help = lines.join('\n').trim();
  return { answer: text.slice(0, start).trim(), help: help || undefined };
}

export function linePrompter(options: LinePrompterOptions): LinePrompter {
  const { output } = options;
  const write = (text: string) => void output.write(text);
  const note = options.note ?? ((text: string) => write(`${text}\n`));
  const external = editorCommand(options.env);
  const openEditor = options.openEditor ?? ((text: string) => edit(text, { postfix: '.md' }));

  // Lines are queued as they arrive: a reply typed (or piped) ahead of its question is kept.
  const lines: string[] = [];
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  let ended = false;
  let reader: Interface | undefined;
  const start = () => {
    if (reader) return;
    reader = createInterface({ input: options.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    reader.on('line', (line) => {
      if (waiting) {
        const w = waiting;
        waiting = undefined;
        w.resolve(line);
      } else lines.push(line);
    });
    reader.on('close', () => stop('the input ended'));
  };
  const stop = (why: string) => {
    ended = true;
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w.reject(new StoppedError(`Stopped: ${why}.`));
    }
  };
  /** Writes the prompt and reads the reply; the end of the input or Ctrl-C stops the interview. */
  const ask = (prompt: string): Promise<string> => {
    start();
    write(prompt);
    const queued = lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (ended) return Promise.reject(new StoppedError('Stopped: the input ended.'));
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };
  const refused = (reason: string) => note(`Not accepted: ${reason}`);

  return {
    // Long answers always come through `editor`: in the external editor when one is set, or as
    // lines ended by a full stop, which a one-line input could not take.
    hasEditor: true,
    note,
    async input(o) {
      const message = plainMessage(o.message);
      if (o.default !== undefined && o.default !== '') note(`Current answer: ${o.default}. Press Enter to keep it.`);
      for (;;) {
        const reply = (await ask(`${message}${ends(message) ? '' : ':'} `)).trim();
        const value = reply === '' && o.default !== undefined ? o.default : reply;
        const valid = o.validate(value);
        if (valid === true) return value;
        refused(valid);
      }
    },
    async editor(o) {
      const message = plainMessage(o.message);
      const { answer, help } = splitNote(o.default);
      if (external) {
        note(`${joined(message, ':', 'a')} long answer, written in your editor (${external}).${answer ? ' The editor opens with the current answer.' : ''}`);
        for (;;) {
          await ask('Press Enter to open the editor; save and close it to go on. ');
          const text = openEditor(o.default);
          const valid = o.validate(text);
          if (valid === true) return text;
          refused(valid);
        }
      }
      note(`${joined(message, ':', 'a')} long answer, which may take several lines. Type them, then a line holding only a full stop (${END_OF_TEXT}) to finish.`);
      if (answer) note(`Current answer:\n${answer}\nEnd of the current answer. A full stop on the first line keeps it.`);
      if (help) note(`Type ${HELP_KEY} on the first line for help and an example.`);
      for (;;) {
        const typed: string[] = [];
        const first = `${joined(message, ',', 'first')} line: `;
        for (let line = await ask(first); line.trim() !== END_OF_TEXT; line = await ask(typed.length ? '' : first)) {
          if (!typed.length && help && line.trim() === HELP_KEY) note(help);
          // Blank lines before the first words are Enter pressed early, not paragraphs.
          else if (typed.length || line.trim() !== '') typed.push(line);
        }
        const text = typed.length === 0 ? answer : typed.join('\n');
        const valid = o.validate(text);
        if (valid === true) return text;
        refused(valid);
      }
    },
    async select(o) {
      const message = plainMessage(o.message);
      note(`${joined(message, '.', 'choose')} one of ${o.choices.length}:`);
      note(numbered(o.choices));
      const current = o.default !== undefined && o.choices.some((c) => c.value === o.default) ? o.default : undefined;
      if (current !== undefined) note(`Current answer: ${labelOf(o.choices, current)}. Press Enter to keep it.`);
      for (;;) {
        const reply = await ask(`${joined(message, ',', 'number')} or name: `);
        if (reply.trim() === '') {
          if (current !== undefined) return current;
          refused(`type a number from 1 to ${o.choices.length}, or the name of a choice.`);
          continue;
        }
        const chosen = choiceFor(o.choices, reply);
        if (typeof chosen !== 'string') return chosen.value;
        refused(chosen);
      }
    },
    async checkbox(o) {
      const message = plainMessage(o.message);
      const current = o.checked.filter((v) => o.choices.some((c) => c.value === v));
      const noneAllowed = o.validate([]) === true;
      note(`${joined(message, '.', 'choose')} any of ${o.choices.length}, by numbers or names separated by commas:`);
      note(numbered(o.choices));
      if (current.length) note(`Chosen now: ${current.map((v) => labelOf(o.choices, v)).join('; ')}. Press Enter to keep them${noneAllowed ? ', or type none to clear them' : ''}.`);
      else if (noneAllowed) note('Press Enter to choose none.');
      for (;;) {
        const reply = (await ask(`${joined(message, ',', 'numbers')} or names: `)).trim();
        let picked = reply === '' ? current : choicesFor(o.choices, reply);
        // "none" clears the answer, unless a choice is called that.
        if (typeof picked === 'string' && noneAllowed && reply.toLowerCase() === 'none') picked = [];
        if (typeof picked === 'string') {
          refused(picked);
          continue;
        }
        const values = picked.map((c) => (typeof c === 'string' ? c : c.value));
        const valid = o.validate(values);
        if (valid === true) return values;
        refused(values.length === 0 ? 'choose at least one: type its number or name; separate several with commas.' : valid);
      }
    },
    async confirm(o) {
      const message = plainMessage(o.message);
      for (;;) {
        const reply = (await ask(`${message} Type yes or no; Enter means ${o.default ? 'yes' : 'no'}: `)).trim().toLowerCase();
        if (reply === '') return o.default;
        if (reply === 'y' || reply === 'yes') return true;
        if (reply === 'n' || reply === 'no') return false;
        refused('type yes or no (or y or n).');
      }
    },
    interrupt: () => stop('Ctrl-C'),
    close() {
      ended = true;
      reader?.close();
      reader = undefined;
    },
  };
}
