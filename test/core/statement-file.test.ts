import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { readStatement, writeAtomic, hashText } from '../../src/edge/files/statement-file.js';
import { tempPath } from '../../src/edge/files/temp-name.js';
import { setAnswer, appendEntry, documentText, newStatementText } from '../../src/core/statement/edit.js';
import { EisError } from '../../src/core/errors.js';
import { builtin } from '../helpers/model.js';
import { tempTree } from '../helpers/cli.js';

const model = builtin();
let cleanup = () => {};
afterEach(() => cleanup());

const original = `# yaml-language-server: $schema=../schemas/equity-impact.schema.json
# A person's note at the top.
eis: 1
questionnaire: equity-impact@1
x-team: Research   # an unknown key a person added
initiative:
  title: Reminders    # keep this comment
  status: draft
proposal:
  # Why we are doing this.
  problem: Late payments.
`;

describe('editing a statement', () => {
  it('keeps comments, unknown keys and order, and puts new answers in questionnaire order', () => {
    const tree = tempTree({ 's.eis.yaml': original });
    cleanup = tree.cleanup;
    const file = join(tree.dir, 's.eis.yaml');
    const statement = readStatement(file);
    const doc = statement.source.doc;
    setAnswer(doc, model, ['initiative', 'kind'], 'memo');
    setAnswer(doc, model, ['screening', 'affected'], ['children']);
    setAnswer(doc, model, ['proposal', 'decision'], 'Pilot in three counties.');
    appendEntry(doc, model, ['populations', 'groups'], { direction: 'burden', id: 'rural', name: 'Rural parents' });
    writeAtomic(file, documentText(doc), statement.hash);
    expect(readFileSync(file, 'utf8')).toBe(`# yaml-language-server: $schema=../schemas/equity-impact.schema.json
# A person's note at the top.
eis: 1
questionnaire: equity-impact@1
x-team: Research   # an unknown key a person added
initiative:
  title: Reminders    # keep this comment
  kind: memo
  status: draft
screening:
  affected:
    - children
proposal:
  # Why we are doing this.
  problem: Late payments.
  decision: Pilot in three counties.
populations:
  groups:
    - id: rural
      name: Rural parents
      direction: burden
`);
  });

  it('keeps the exact lines of answers it did not change: folding, flow lists, spacing', () => {
    const text = `eis: 1
questionnaire: equity-impact@1
initiative:
  summary: >-
    Parents who pay support can choose to get a text message three days
    before a payment is due.
  title: Reminders
screening:
  affected: [children, lcsas]      # who
populations:
  groups:
    - id: a
      name: A
`;
    const tree = tempTree({ 's.eis.yaml': text });
    cleanup = tree.cleanup;
    const file = join(tree.dir, 's.eis.yaml');
    const statement = readStatement(file);
    setAnswer(statement.source.doc, model, ['initiative', 'title'], 'Text reminders');
    appendEntry(statement.source.doc, model, ['populations', 'groups'], { id: 'b', name: 'B' });
    expect(documentText(statement.source.doc)).toBe(`eis: 1
questionnaire: equity-impact@1
initiative:
  summary: >-
    Parents who pay support can choose to get a text message three days
    before a payment is due.
  title: Text reminders
screening:
  affected: [children, lcsas]      # who
populations:
  groups:
    - id: a
      name: A
    - id: b
      name: B
`);
  });

  it('load, save, load gives the same data and text', () => {
    const tree = tempTree({ 's.eis.yaml': original });
    cleanup = tree.cleanup;
    const file = join(tree.dir, 's.eis.yaml');
    const first = readStatement(file);
    writeAtomic(file, documentText(first.source.doc), first.hash);
    const second = readStatement(file);
    expect(second.source.data).toEqual(first.source.data);
    writeAtomic(file, documentText(second.source.doc), second.hash);
    expect(readStatement(file).text).toBe(second.text);
  });

  it('starts a new statement with the editor line and the pin', () => {
    expect(newStatementText(model, { schemaUrl: 's.json', title: 'Reminders' })).toBe(
      '# yaml-language-server: $schema=s.json\n# Equity Impact Statement for Reminders. Answer with `eis answer`, or edit by hand.\neis: 1\nquestionnaire: equity-impact@1\n',
    );
  });
});

describe('atomic writes', () => {
  it('refuses to overwrite a file changed on disk since it was read, and leaves no temporary file', () => {
    const tree = tempTree({ 's.eis.yaml': original });
    cleanup = tree.cleanup;
    const file = join(tree.dir, 's.eis.yaml');
    const statement = readStatement(file);
    writeFileSync(file, `${original}# edited in another window\n`);
    expect(() => writeAtomic(file, 'eis: 1\n', statement.hash)).toThrow(EisError);
    expect(readFileSync(file, 'utf8')).toContain('edited in another window');
    expect(readdirSync(tree.dir)).toEqual(['s.eis.yaml']);
  });

  it('creates a file only when it does not exist yet', () => {
    const tree = tempTree({ 'taken.eis.yaml': 'eis: 1\n' });
    cleanup = tree.cleanup;
    const fresh = join(tree.dir, 'new.eis.yaml');
    expect(writeAtomic(fresh, 'eis: 1\n', null)).toBe(hashText('eis: 1\n'));
    expect(existsSync(fresh)).toBe(true);
    expect(() => writeAtomic(join(tree.dir, 'taken.eis.yaml'), 'x: 1\n', null)).toThrow(/created by someone else/);
    expect(readFileSync(join(tree.dir, 'taken.eis.yaml'), 'utf8')).toBe('eis: 1\n');
    expect(readdirSync(tree.dir).sort()).toEqual(['new.eis.yaml', 'taken.eis.yaml']);
  });

  it('says so when the statement was deleted meanwhile', () => {
    const tree = tempTree({});
    cleanup = tree.cleanup;
    expect(() => writeAtomic(join(tree.dir, 'gone.eis.yaml'), 'eis: 1\n', hashText('x'))).toThrow(/deleted by someone else/);
  });

  it('removes what saves killed earlier left behind, and nothing a live writer, another file or the user owns', () => {
    // A pid that surely ran and is gone now, and one that runs while the save happens.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const tree = tempTree({ 's.eis.yaml': 'eis: 1\n' });
      cleanup = tree.cleanup;
      const file = join(tree.dir, 's.eis.yaml');
      const name = (path: string) => basename(path);
      const deadTemp = name(tempPath(file, dead));
      const liveTemp = name(tempPath(file, live.pid!));
      const otherTemp = name(tempPath(join(tree.dir, 'other.eis.yaml'), dead));
      // Files of the user's that look like eis's leftovers (the old format, a wrong check), from a dead pid.
      const lookAlikes = [`.s.eis.yaml.${dead}.0badc0de.tmp`, `.s.eis.yaml.${dead}.notmine.tmp`, deadTemp.replace(/[0-9a-f]{8}\.tmp$/, '00000000.tmp')];
      for (const f of [deadTemp, liveTemp, otherTemp, ...lookAlikes]) writeFileSync(join(tree.dir, f), 'a file');
      writeFileSync(join(tree.dir, '.s.eis.yaml.lock'), String(dead));
      // The lock of the dead process is broken, and its temporary file removed.
      writeAtomic(file, 'eis: 1\nx: 2\n', readStatement(file).hash);
      expect(readFileSync(file, 'utf8')).toBe('eis: 1\nx: 2\n');
      expect(readdirSync(tree.dir).sort()).toEqual([otherTemp, liveTemp, ...lookAlikes, 's.eis.yaml'].sort());
      // Creating a statement cleans up the same way.
      const newTemp = name(tempPath(join(tree.dir, 'new.eis.yaml'), dead));
      writeFileSync(join(tree.dir, newTemp), 'half a save');
      writeAtomic(join(tree.dir, 'new.eis.yaml'), 'eis: 1\n', null);
      expect(readdirSync(tree.dir).filter((f) => f.startsWith('.new.'))).toEqual([]);
    } finally {
      live.kill();
    }
  });
});
