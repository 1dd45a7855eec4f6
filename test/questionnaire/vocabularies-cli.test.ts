// Agency vocabularies through the built binary: `eis questions` says where each list came from,
// and `eis new --answers` and `eis check` take only the agency's values.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyExamples, eis } from '../helpers/cli.js';

const LISTS = `vocabularies:
  divisions: [Customer Services Division, Policy and Program Division]
  languages: [English, Spanish, Vietnamese]
disaggregation:
  categories:
    - { value: race-ethnicity, label: Race and ethnicity, subgroups: [Black, Latino, Asian] }
  suppressBelow: 5
`;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyExamples());
  const config = join(dir, 'eis.config.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}\n${LISTS}`);
  writeFileSync(join(dir, 'pilot.md'), '# Pilot\n\nA pilot.\n');
});
afterEach(() => cleanup());

describe('agency vocabularies', () => {
  it('eis questions shows each list, its values and where it came from', () => {
    const text = eis(['questions'], { cwd: dir });
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const at = lines.findIndex((l) => l.trimStart().startsWith('access.translations'));
    expect(lines.slice(at + 1, at + 3).map((l) => l.trim())).toEqual([
      'choices from eis.config.yaml: vocabularies.languages',
      'values: english (English), spanish (Spanish), vietnamese (Vietnamese), other (Other)',
    ]);
    expect(text.stdout).toContain('choices from the questionnaire (the config may set vocabularies.engagement-bodies)');
    expect(text.stdout).toContain('choices from eis.config.yaml: disaggregation.categories');

    const json = JSON.parse(eis(['questions', '--format', 'json'], { cwd: dir }).stdout);
    const division = json.sections.flatMap((s: any) => s.questions).find((q: any) => q.key === 'initiative.division');
    expect(division).toMatchObject({
      type: 'choice',
      choices: [
        { value: 'Customer Services Division', label: 'Customer Services Division' },
        { value: 'Policy and Program Division', label: 'Policy and Program Division' },
      ],
      choicesFrom: { vocabulary: 'divisions', from: 'config', file: 'eis.config.yaml' },
    });
  });

  it('eis new --answers refuses a value off the list, naming the closest, and writes nothing', () => {
    const r = eis(['new', 'pilot.md', '--answers', '-'], { cwd: dir, input: 'initiative:\n  division: Customer Service Division\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Customer Service Division" is not one of the choices; did you mean "Customer Services Division"?');
    expect(r.stderr).toContain('pilot.eis.yaml was not created');
  });

  it('eis check holds a statement to the list, naming the agency list', () => {
    const answers = 'initiative:\n  division: Policy and Program Division\n';
    const made = eis(['new', 'pilot.md', '--answers', '-'], { cwd: dir, input: answers });
    expect(made.stdout.split('\n')[0]).toBe('pilot.eis.yaml');
    expect(parse(readFileSync(join(dir, 'pilot.eis.yaml'), 'utf8')).initiative.division).toBe('Policy and Program Division');
    const statement = join(dir, 'pilot.eis.yaml');
    writeFileSync(statement, readFileSync(statement, 'utf8').replace('division: Policy and Program Division', 'division: Legal Division'));
    const r = eis(['check', 'pilot.eis.yaml', '--format', 'json'], { cwd: dir });
    const [report] = JSON.parse(r.stdout).statements;
    const finding = report.findings.find((f: { message: string }) => f.message.includes('Legal Division'));
    expect(finding).toMatchObject({ code: 'schema/unknown-choice', severity: 'error', line: readFileSync(statement, 'utf8').split('\n').indexOf('  division: Legal Division') + 1 });
    expect(finding.message).toBe('"Division or office": "Legal Division" is not one of the choices (Customer Services Division, Policy and Program Division).');
    expect(r.code).toBe(1);
  });
});
