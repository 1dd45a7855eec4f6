// The interview in Spanish, in a real pseudo-terminal (tmux), line by line: the questions are
// asked in Spanish, and the statement saved is the one the same answers save in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, copyExamples } from '../helpers/cli.js';
import { INTERVIEW, MEMO, STATEMENT, baseEnv } from '../interview/brief-interview.js';
import { Terminal, tmuxMissing } from '../interview/tmux.js';

const missing = tmuxMissing();
if (missing) console.log(`Skipping the Spanish terminal test: ${missing}.`);

describe.skipIf(missing !== undefined)('the interview in Spanish', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  /** `eis new --accessible` answered from INTERVIEW: each reply once its question's number is said. */
  async function interview(lang: string): Promise<{ yaml: string; said: string }> {
    const tree = copyExamples();
    const term = new Terminal(baseEnv());
    cleanups.push(() => term.kill(), tree.cleanup);
    term.run([process.execPath, BIN, 'new', MEMO, '--accessible', '--lang', lang], tree.dir);
    for (const [i, reply] of INTERVIEW.entries()) {
      // The prompts are in the questionnaire's language; the count before each is the same in both.
      await term.waitFor(
        (s) => {
          const lines = term
            .history()
            .split('\n')
            .filter((l) => l.trim());
          return lines.some((l) => l === `Question ${i + 1} of about ${l.split(' ').at(-1)}`) && /[:?]$/.test(lines.at(-1) ?? '') && s.length > 0;
        },
        `question ${i + 1} (${reply.prompt})`,
      );
      for (const line of reply.lines) {
        if (line) term.type(line);
        term.keys('Enter');
      }
    }
    expect(await term.exitCode(30_000)).toBe(0);
    return { yaml: readFileSync(join(tree.dir, STATEMENT), 'utf8'), said: term.history() };
  }

  it('asks in Spanish and saves the same statement as in English', { timeout: 150_000 }, async () => {
    const spanish = await interview('es');
    expect(spanish.said).toContain('Resumen en lenguaje sencillo');
    expect(spanish.said).toContain('¿A quiénes afecta?');
    expect(spanish.said).not.toContain('Who is affected?');
    const english = await interview('en');
    expect(english.said).toContain('Who is affected?');
    // Answers stay as written, values are the questionnaire's ids: the files are the same.
    expect(spanish.yaml).toBe(english.yaml);
  });
});
