// A brief statement for the license-suspension example memo, answered the same way at inquirer's
// prompts and, line by line, in accessible mode: shared by the terminal tests. Choices are typed
// by value or number, which every language of the questionnaire accepts alike.
export const MEMO = 'memos/license-suspension-change.md';
export const STATEMENT = 'memos/license-suspension-change.eis.yaml';

/** The environment of a terminal run: a fixed date, no CI, no editor, no colour settings. */
export function baseEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, EIS_TODAY: '2026-11-23', TERM: 'xterm-256color' };
  for (const key of ['CI', 'EDITOR', 'VISUAL', 'GITHUB_ACTIONS', 'TMUX', 'NO_COLOR', 'FORCE_COLOR', 'ACCESSIBLE', 'EIS_ACCESSIBLE']) delete env[key];
  return env;
}

export type Key = string | { text: string };
const text = (t: string): Key => ({ text: t });

/**
 * One question, answered the same in both modes: `prompt` is part of its prompt; `lines` are typed
 * in accessible mode, one a line; `keys` are pressed at inquirer's prompt.
 */
export interface Reply {
  prompt: string;
  lines: string[];
  keys: Key[];
}
const typed = (prompt: string, answer: string): Reply => ({ prompt, lines: [answer], keys: [text(answer), 'Enter'] });
const skipped = (prompt: string): Reply => ({ prompt, lines: [''], keys: ['Enter'] });

export const INTERVIEW: Reply[] = [
  // The title, the kind and the status are filled in from the memo: the summary comes first.
  // A long answer: ended by a line holding only a full stop in accessible mode.
  {
    prompt: 'Plain-language summary',
    lines: ['We suspend fewer licences, and only after checking that a parent can pay.', '.'],
    keys: [text('We suspend fewer licences, and only after checking that a parent can pay.'), 'Enter'],
  },
  typed('Division or office', 'Policy Division'),
  typed('Author', 'Policy and Equity Review Team'),
  { prompt: 'Add an entry to "Memos this statement covers"?', lines: ['no'], keys: ['Enter'] },
  { prompt: 'Who is affected?', lines: ['', '2'], keys: ['Down', 'Space', 'Enter'] }, // none is refused: it is required
  { prompt: 'What does it change?', lines: ['notices-forms'], keys: ['Down', 'Down', 'Down', 'Space', 'Enter'] },
  { prompt: 'Are there known differences', lines: ['no'], keys: ['Down', 'Enter'] },
  { prompt: 'Do staff use their own judgement', lines: ['2'], keys: ['Down', 'Enter'] },
  {
    prompt: 'What problem does it solve?',
    lines: ['Suspensions cost parents the jobs they need to pay support.', '.'],
    keys: [text('Suspensions cost parents the jobs they need to pay support.'), 'Enter'],
  },
  { prompt: 'What is being decided?', lines: ['Raise the threshold and offer a payment plan first.', '.'], keys: [text('Raise the threshold and offer a payment plan first.'), 'Enter'] },
  { prompt: 'What results do we want', lines: ['Parents keep their jobs.', '.'], keys: [text('Parents keep their jobs.'), 'Enter'] },
  typed('Affected populations, entry 1', 'Rural parents'),
  { prompt: 'Kinds of population', lines: ['region'], keys: ['Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter'] },
  { prompt: 'Direct or indirect', lines: ['7', '1'], keys: ['Enter'] }, // 7 is no choice: asked again
  { prompt: 'Effect', lines: ['burden'], keys: ['Down', 'Enter'] },
  skipped('How many people, roughly'),
  { prompt: 'Why this effect', lines: ['No public transit.', '.'], keys: [text('No public transit.'), 'Enter'] },
  { prompt: 'likely to perceive the change', lines: [''], keys: ['Enter'] }, // optional: "write an answer?" Enter means no
  // A burden: the data gap is offered, starting on "Skip".
  { prompt: 'Data gap', lines: [''], keys: ['Enter'] },
  { prompt: 'Evidence', lines: [''], keys: ['Enter'] }, // optional: "write an answer?" Enter means no
  { prompt: 'Add another entry to "Affected populations"?', lines: ['n'], keys: ['Enter'] },
  { prompt: 'Did you engage the people affected?', lines: ['No'], keys: ['Down', 'Enter'] },
  { prompt: 'Why was nobody engaged?', lines: ['A short deadline.', '.'], keys: [text('A short deadline.'), 'Enter'] },
  { prompt: 'Plan to engage', lines: ['Listening sessions this spring.', '.'], keys: [text('Listening sessions this spring.'), 'Enter'] },
  { prompt: 'Language access', lines: ['Notices in English and Spanish.', '.'], keys: [text('Notices in English and Spanish.'), 'Enter'] },
  skipped('Translated into'),
  { prompt: 'Accessible formats', lines: [''], keys: ['Enter'] }, // optional: "write an answer?" Enter means no
  { prompt: 'Technology barriers', lines: [''], keys: ['Enter'] }, // optional: "write an answer?" Enter means no
  { prompt: 'reviewed for plain language', lines: ['yes'], keys: ['Up', 'Up', 'Enter'] }, // an optional pick starts on "Skip"
  { prompt: 'Add an entry to "Harmful or barrier language', lines: [''], keys: ['Enter'] },
  { prompt: 'Alternatives considered', lines: [''], keys: ['Enter'] }, // optional: "write an answer?" Enter means no
  { prompt: 'Add an entry to "Mitigation actions"?', lines: ['y'], keys: [text('y'), 'Enter'] },
  typed('Mitigation actions, entry 1', 'Offer payment plans before any referral'),
  { prompt: 'Populations it addresses', lines: ['1'], keys: ['Space', 'Enter'] },
  typed('Owner', 'Policy Division'),
  { prompt: 'Due', lines: ['2027-02-30', '2027-01-31'], keys: [text('2027-01-31'), 'Enter'] }, // not a real date: asked again
  skipped('How we will know it worked'),
  { prompt: 'Status', lines: ['planned'], keys: ['Enter'] },
  { prompt: 'Add another entry to "Mitigation actions"?', lines: ['no'], keys: ['Enter'] },
  { prompt: 'Decision', lines: ['2'], keys: ['Down', 'Enter'] },
  { prompt: 'Why this decision', lines: ['Payment plans keep parents driving to work.', '.'], keys: [text('Payment plans keep parents driving to work.'), 'Enter'] },
  { prompt: 'Add an entry to "Indicators"?', lines: ['no'], keys: ['Enter'] },
  typed('Review date', '2027-06-30'),
  typed('Responsible for monitoring', 'Office of Equity'),
  { prompt: 'Post-implementation review', lines: [''], keys: ['Enter'] }, // optional: "write an answer?" Enter means no
];
