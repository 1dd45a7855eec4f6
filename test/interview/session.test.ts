// The interview loop against real files, with a scripted prompter instead of a terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSession } from '../../src/edge/interview/session.js';
import type { Prompter } from '../../src/edge/interview/ask.js';
import type { Mode } from '../../src/core/interview/flow.js';
import { newStatementText } from '../../src/core/statement/edit.js';
import { checkStatementData } from '../../src/core/check/statement.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { EisError } from '../../src/core/errors.js';
import { builtin } from '../helpers/model.js';
import { tempTree } from '../helpers/cli.js';
import { TODAY } from './walk.js';

const model = builtin();
type Reply = string | string[] | boolean | ((file: string) => never);

/** Answers prompts in order; records each prompt's message and what the file held when it was shown. */
function scripted(file: string, replies: Reply[]) {
  const log: Array<{ message: string; fileThen: string; choices?: Array<{ value: string; label: string }> }> = [];
  const notes: string[] = [];
  const next = (message: string, choices?: Array<{ value: string; label: string }>): Reply => {
    log.push({ message, fileThen: readFileSync(file, 'utf8'), ...(choices ? { choices } : {}) });
    if (!replies.length) throw new Error(`no scripted reply left for "${message}"`);
    const reply = replies.shift()!;
    if (typeof reply === 'function') return reply(file);
    return reply;
  };
  const prompter: Prompter = {
    hasEditor: false,
    note: (t) => notes.push(t),
    input: async (o) => {
      const value = next(o.message) as string;
      const valid = o.validate(value);
      if (valid !== true) throw new Error(`scripted answer "${value}" refused: ${valid}`);
      return value;
    },
    editor: async () => {
      throw new Error('no editor in these tests');
    },
    select: async (o) => next(o.message, o.choices) as string,
    checkbox: async (o) => next(o.message, o.choices) as string[],
    confirm: async (o) => next(o.message) as boolean,
  };
  return { prompter, log, notes };
}

function interrupt(): never {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  throw error;
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function statement(text = newStatementText(model)): string {
  const tree = tempTree({ 'memo.eis.yaml': text });
  cleanup = tree.cleanup;
  return join(tree.dir, 'memo.eis.yaml');
}

const run = (file: string, prompter: Prompter, mode: Mode = { kind: 'resume', fromStart: true }) =>
  runSession({ file, shown: 'memo.eis.yaml', model, mode, today: TODAY, prompter, heading: String, dim: String });

const data = (file: string) => parseYamlSource(readFileSync(file, 'utf8'), file).data as Record<string, Record<string, unknown>>;

describe('the interview loop', () => {
  it('writes each answer to the file before the next question is shown', async () => {
    const file = statement();
    const { prompter, log } = scripted(file, ['Text reminders', 'memo', 'Parents get texts.', 'Customer Services', 'Dana Ruiz', false, 'draft']);
    const result = await run(file, prompter, { kind: 'section', section: 'initiative' });
    expect(result).toEqual({ saved: 6, nothingToDo: false });
    expect(log.map((l) => l.message)).toEqual([
      'Title (? for help)',
      'Kind of work',
      'Plain-language summary (? for help)',
      'Division or office (? for help)',
      'Author (? for help)',
      'Add an entry to "Memos this statement covers"?',
      'Status',
    ]);
    expect(log[1].fileThen).toContain('title: Text reminders');
    expect(log[2].fileThen).toContain('kind: memo');
    expect(log[6].fileThen).toContain('author: Dana Ruiz');
    expect(readFileSync(file, 'utf8')).toBe(
      `${newStatementText(model)}initiative:\n  title: Text reminders\n  kind: memo\n  summary: Parents get texts.\n  division: Customer Services\n  author: Dana Ruiz\n  status: draft\n`,
    );
  });

  it('keeps the comments and notes a person wrote, and their key order', async () => {
    const file = statement(`${newStatementText(model)}# written by hand\ninitiative:\n  status: draft # until review\n  x-note: keep me\n`);
    const { prompter } = scripted(file, ['Text reminders']);
    await expect(run(file, prompter, { kind: 'resume' }).then(() => 'done')).rejects.toThrow(/no scripted reply left for "Kind of work"/);
    expect(readFileSync(file, 'utf8')).toBe(`${newStatementText(model)}# written by hand\ninitiative:\n  title: Text reminders\n  status: draft # until review\n  x-note: keep me\n`);
  });

  it('leaves every confirmed answer on disk when stopped with Ctrl-C, and resumes at the first missing one', async () => {
    const file = statement();
    const first = scripted(file, ['Text reminders', 'memo', 'Parents get texts.', interrupt]);
    await expect(run(file, first.prompter)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(data(file).initiative).toEqual({ title: 'Text reminders', kind: 'memo', summary: 'Parents get texts.' });

    const second = scripted(file, ['Customer Services', 'Dana Ruiz', false, 'draft', interrupt]);
    await expect(run(file, second.prompter, { kind: 'resume' })).rejects.toMatchObject({ name: 'ExitPromptError' });
    // the title, kind and summary are not asked again; the optional memo list after the resume point is
    expect(second.log.map((l) => l.message)).toEqual(['Division or office (? for help)', 'Author (? for help)', 'Add an entry to "Memos this statement covers"?', 'Status', 'Who is affected?']);
    expect(data(file).initiative.status).toBe('draft');
  });

  it('adds list entries with ids, and offers them to references', async () => {
    const file = statement(
      `${newStatementText(model)}initiative: { title: T, kind: memo, summary: S, division: D, author: A, status: draft }\nscreening: { affected: [children], changes: [technology], known_disparities: no, staff_discretion: no }\nproposal: { problem: P, decision: D, desired_results: R }\n`,
    );
    const replies: Reply[] = [
      'Rural parents',
      'region',
      'direct',
      'burden',
      '',
      'No transit.',
      '', // populations entry 1 (size, evidence skipped)
      '\u0000skip', // no data gap: the list of gaps is offered, with a new one, and skipped
      true,
      'Rural parents',
      'region',
      'indirect',
      'unknown',
      '',
      'Fewer buses.',
      '', // entry 2: same name, so a new id
      '\u0000skip',
      false,
      'no',
      'No time.',
      'Sessions in spring.', // engagement
      'English and Spanish.',
      [],
      '',
      '',
      '\u0000skip',
      false, // access
      '',
      true,
      'Payment plans',
      ['rural-parents', 'rural-parents-2'],
      'Policy Division',
      '2027-01-31',
      '',
      'planned',
      false,
      'proceed-adjusted',
      'Plans help.', // mitigation
      false,
      '2027-06-30',
      'Office of Equity',
      '', // monitoring; the sign-off list is not asked
    ];
    const { prompter, log, notes } = scripted(file, replies);
    await run(file, prompter, { kind: 'resume' });
    expect(replies).toEqual([]);
    const answers = data(file);
    expect((answers.populations.groups as Array<{ id: string }>).map((g) => g.id)).toEqual(['rural-parents', 'rural-parents-2']);
    expect(answers.mitigation.actions).toEqual([
      { id: 'payment-plans', what: 'Payment plans', populations: ['rural-parents', 'rural-parents-2'], owner: 'Policy Division', due: '2027-01-31', status: 'planned' },
    ]);
    // The data gap is offered though no gap is listed yet: a new one can be made there.
    expect(log.find((l) => l.message === 'Affected populations, entry 1 (Rural parents) › Data gap (optional)')).toMatchObject({
      choices: [{ label: 'A new entry in "Data gaps"' }, { label: 'Skip (leave unanswered)' }],
    });
    expect(notes).toContain('Section 4 of 9: Populations');
    expect(notes).toContain('13 of 20 required answers given · level brief · to do: Populations, Community engagement, Language and access, Mitigation and decision, Monitoring');
    expect(log.find((l) => l.message.includes('Populations it addresses'))).toBeDefined();
    expect(checkStatementData(model, answers, { today: TODAY }).findings).toEqual([]);
  });

  it('stops without overwriting when the file is changed in another window', async () => {
    const file = statement();
    const edited = `${newStatementText(model)}initiative:\n  title: Typed by someone else\n`;
    const { prompter } = scripted(file, [
      'Text reminders',
      () => {
        writeFileSync(file, edited);
        return 'memo' as never;
      },
    ]);
    const error = await run(file, prompter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EisError);
    expect((error as EisError).exitCode).toBe(2);
    expect((error as EisError).format()).toBe(
      'memo.eis.yaml: the statement changed on disk during the interview (edited in another window?); eis stopped and did not overwrite it. The answer just typed was not saved. Run eis answer memo.eis.yaml to continue from the file as it is now.',
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('has nothing to do in resume mode when every required answer is given', async () => {
    const file = statement(readFileSync(new URL('../../examples/memos/text-payment-reminders.eis.yaml', import.meta.url), 'utf8'));
    const before = readFileSync(file, 'utf8');
    const { prompter, log } = scripted(file, []);
    expect(await run(file, prompter, { kind: 'resume' })).toEqual({ saved: 0, nothingToDo: true });
    expect(log).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('does not rewrite the file when a revisited answer is kept as it was', async () => {
    const file = statement(`${newStatementText(model)}initiative:\n  title:   "Text reminders"   # quoted on purpose\n`);
    const before = readFileSync(file, 'utf8');
    const { prompter } = scripted(file, ['Text reminders', interrupt]);
    await expect(run(file, prompter, { kind: 'section', section: 'initiative' })).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
