// A statement saved by a Windows editor ends its lines with CRLF. eis changes it without mixing in
// LF lines: the lines it did not change stay byte for byte, the new ones end the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExamples, eis } from '../helpers/cli.js';
import { generatedStatement } from '../property/support.js';
import { lineEndings } from '../../src/core/statement/change.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyExamples()));
afterEach(() => cleanup());

const DRAFT = 'memos/online-application-portal.eis.yaml';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const lines = (text: string) => text.split('\r\n');

describe('statements with CRLF line endings', () => {
  it('keep them when answers are merged in, every untouched line as it was', () => {
    const original = crlf(readFileSync(join(dir, DRAFT), 'utf8'));
    writeFileSync(join(dir, DRAFT), original);
    writeFileSync(join(dir, 'answers.yaml'), 'proposal:\n  desired_results: Fewer missed payments, in every group.\n');
    const run = eis(['answer', DRAFT, '--answers', 'answers.yaml'], { cwd: dir });
    expect(run.stderr).toContain('Saved 1 answer');
    const saved = readFileSync(join(dir, DRAFT), 'utf8');
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
    expect(saved).toContain('desired_results: Fewer missed payments, in every group.\r\n');
    const kept = new Set(lines(saved));
    const lost = lines(original).filter((line) => !kept.has(line));
    expect(lost).toEqual(lines(original).filter((line) => line.includes('desired_results')));
    // The saved file reads as the same statement, plus the answer.
    const check = eis(['check', DRAFT, '--format', 'json', '--no-cache'], { cwd: dir });
    expect(JSON.parse(check.stdout).statements[0].findings.some((f: { path: string[] }) => f.path.join('.') === 'proposal.desired_results')).toBe(false);
  });

  it('keep them when a sign-off is added', () => {
    const complete = 'memos/text-payment-reminders.eis.yaml';
    writeFileSync(join(dir, complete), crlf(readFileSync(join(dir, complete), 'utf8')));
    const run = eis(['signoff', complete, '--as', 'sam.ortiz@example.gov', '--decision', 'changes-requested'], { cwd: dir });
    expect(run.code).toBe(0);
    const saved = readFileSync(join(dir, complete), 'utf8');
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
    expect(saved).toContain('decision: changes-requested\r\n');
    expect(saved).toContain('  status: changes-requested\r\n');
  });

  it('are read as LF, with the ending noted, only when every line has it', () => {
    const text = generatedStatement(5);
    expect(lineEndings(text)).toEqual({ text });
    expect(lineEndings(crlf(text))).toEqual({ text, eol: '\r\n' });
    const mixed = crlf(text).replace('\r\n', '\n');
    expect(lineEndings(mixed)).toEqual({ text: mixed });
  });
});
