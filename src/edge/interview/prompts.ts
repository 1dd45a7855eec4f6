// The one place that knows @inquirer/prompts. Everything it offers the interview is in the Prompter
// interface (ask.ts), so tests can replace it and the flow never depends on a terminal.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import editor from '@inquirer/editor';
import type { Prompter } from './ask.js';
import { editorCommand } from './editor-command.js';

export { editorCommand };

export interface InquirerOptions {
  env: NodeJS.ProcessEnv;
  /** Where notes (help, progress) go; prompts draw on the terminal themselves. */
  note: (text: string) => void;
}

export function inquirerPrompter(options: InquirerOptions): Prompter {
  return {
    hasEditor: editorCommand(options.env) !== undefined,
    note: options.note,
    input: (o) => input({ message: o.message, default: o.default, validate: o.validate }),
    // @inquirer/external-editor reads $VISUAL/$EDITOR, splits it into a program and its arguments,
    // and spawns it without a shell. The file is named after the question (its tab says which one)
    // and ends in .md, for the editor's Markdown highlighting.
    editor: (o) =>
      editor({
        message: o.message,
        default: o.default,
        validate: o.validate,
        file: { prefix: `eis-${(o.name ?? 'answer').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}-`, postfix: '.md' },
        waitForUserInput: !o.now,
      }),
    select: (o) =>
      select<string>({
        message: o.message,
        choices: o.choices.map((c) => ({ value: c.value, name: c.label, ...(c.help !== undefined ? { description: c.help } : {}) })),
        // No default and an undefined one pick the same first choice; the prompt's type takes only the first.
        ...(o.default !== undefined ? { default: o.default } : {}),
        pageSize: Math.min(12, o.choices.length),
      }),
    checkbox: (o) =>
      checkbox<string>({
        message: o.message,
        choices: o.choices.map((c) => ({ value: c.value, name: c.label, ...(c.help !== undefined ? { description: c.help } : {}), checked: o.checked.includes(c.value) })),
        validate: (picked) => o.validate(picked.map((c) => c.value)),
        pageSize: Math.min(12, o.choices.length),
      }),
    confirm: (o) => confirm({ message: o.message, default: o.default }),
  };
}
