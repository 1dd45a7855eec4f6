// A child process for the no-lost-answers tests: it saves answers through eis's own save layer
// (readStatement, setAnswer, writeAtomic), and says "saved N" only after a save returned. The test
// kills it at random moments, or runs two at once on one file.
import { existsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { documentText, setAnswer } from '../../src/core/statement/edit.js';
import { readStatement, writeAtomic } from '../../src/edge/files/statement-file.js';
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import { EisError } from '../../src/core/errors.js';

const [mode, file, a, b, c] = process.argv.slice(2);
const model = loadQuestionnaire('equity-impact');
const say = (line: string) => writeSync(1, `${line}\n`);

function save(key: string, value: string): void {
  const statement = readStatement(file);
  const doc = statement.source.doc;
  setAnswer(doc, model, ['x-log', key], value);
  writeAtomic(file, documentText(doc), statement.hash);
}

if (mode === 'loop') {
  // Saves answers <tag><from>, <tag><from+1>, ... until killed; each value is long, so writes take
  // time. With another writer on the file, a save refused because the file changed is made again.
  const tag = b ?? 'a';
  for (let n = Number(a); ; n++) {
    for (;;)
      try {
        save(`${tag}${n}`, `answer ${n} `.repeat(200).trim());
        break;
      } catch (error) {
        if (!(error instanceof EisError && /changed on disk/.test(error.message))) throw error;
      }
    say(`saved ${n}`);
  }
} else if (mode === 'race') {
  // Reads, waits for the starting gun (a file appearing), then saves its one answer.
  const statement = readStatement(file);
  const doc = statement.source.doc;
  setAnswer(doc, model, ['x-log', a], `written by ${a}`);
  const text = documentText(doc);
  say('ready');
  while (!existsSync(b)) {
    /* spin: both writers leave the line within microseconds of each other */
  }
  try {
    writeAtomic(file, text, statement.hash);
    say('saved');
  } catch (error) {
    if (!(error instanceof EisError)) throw error;
    say(`refused: ${error.message}`);
  }
} else if (mode === 'races') {
  // Many races in one process (starting node for each would make hundreds of races slow): for
  // race i, waits for <dir>/arm-i (the test has reset the file and planted a stale lock), reads,
  // says "ready i", spins until <dir>/go-i, saves, and says "i saved" or "i refused: ...".
  const [name, dir, count] = [a, b, Number(c)];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < count; i++) {
    while (!existsSync(join(dir, `arm-${i}`))) Atomics.wait(pause, 0, 0, 1);
    const statement = readStatement(file);
    const doc = statement.source.doc;
    setAnswer(doc, model, ['x-log', name], `written by ${name} in race ${i}`);
    const text = documentText(doc);
    say(`ready ${i}`);
    const go = join(dir, `go-${i}`);
    while (!existsSync(go)) {
      /* spin */
    }
    try {
      writeAtomic(file, text, statement.hash);
      say(`${i} saved`);
    } catch (error) {
      if (!(error instanceof EisError)) throw error;
      say(`${i} refused: ${error.message}`);
    }
  }
}
