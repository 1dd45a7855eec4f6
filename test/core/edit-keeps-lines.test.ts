// A save writes anew only what changed: answers in list entries nobody touched keep the lines the
// person wrote (folded at their width, with their comments), when another entry changes or one is added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendEntry, documentText, setAnswer } from '../../src/core/statement/edit.js';
import { parseYamlSource } from '../../src/core/yaml/source.js';
import { builtin } from '../helpers/model.js';
import { ROOT } from '../helpers/cli.js';

const model = builtin();
const PORTAL = readFileSync(join(ROOT, 'examples', 'memos', 'online-application-portal.eis.yaml'), 'utf8');
const FOLDED = `      why: >- # folded by hand at 60
        The first release is in English only, and the help
        pages are not translated yet.
`;
const text = PORTAL.replace('      why: The first release is in English only.\n', FOLDED);

function edited(change: (doc: ReturnType<typeof parseYamlSource>['doc']) => void): string {
  const { doc } = parseYamlSource(text, 's.eis.yaml');
  change(doc);
  return documentText(doc);
}

describe('saving keeps untouched list entries as written', () => {
  it('the fixture holds the folded answer', () => expect(text).toContain(FOLDED));

  it('a field changed in another entry of the same list', () => {
    const out = edited((doc) => setAnswer(doc, model, ['populations', 'groups', 1, 'size'], 'About 3% of applicants'));
    expect(out).toContain(FOLDED);
    expect(parse(out).populations.groups[1].size).toBe('About 3% of applicants');
  });

  it('an entry added to the list', () => {
    const out = edited((doc) => appendEntry(doc, model, ['populations', 'groups'], { id: 'new-group', name: 'Rural applicants', population: 'region' }));
    expect(out).toContain(FOLDED);
    expect(parse(out).populations.groups.at(-1).id).toBe('new-group');
  });

  it('the folded answer itself changed: written anew, meaning what was set', () => {
    const out = edited((doc) => setAnswer(doc, model, ['populations', 'groups', 0, 'why'], 'Now in Spanish too.'));
    expect(out).not.toContain('pages are not translated yet');
    expect(parse(out).populations.groups[0].why).toBe('Now in Spanish too.');
  });
});
