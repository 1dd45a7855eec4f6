// Keys under `rules:` in eis.config.yaml: codes from the findings catalogue, lint groups, notes,
// and questionnaire rules, which are checked once the questionnaire is read (loadConfig).
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseConfig } from '../../src/core/config/config.js';
import { classifyRuleKey, ruleIdProblem, ruleKeyProblem } from '../../src/core/config/rule-keys.js';
import { EisError } from '../../src/core/errors.js';
import { loadConfig } from '../../src/edge/config/load.js';
import { builtin } from '../helpers/model.js';
import { tempTree } from '../helpers/cli.js';

let cleanup = () => {};
afterEach(() => cleanup());

function configError(text: string): EisError {
  try {
    parseConfig(text, 'eis.config.yaml', '/repo');
  } catch (error) {
    if (error instanceof EisError) return error;
    throw error;
  }
  throw new Error('the config was accepted');
}

const withRules = (...lines: string[]) => `questionnaire: equity-impact\nrules:\n${lines.map((l) => `  ${l}\n`).join('')}`;

describe('keys under rules, when the config is read', () => {
  it('takes codes, family codes, lint groups, rule ids and x- notes', () => {
    const config = parseConfig(
      withRules(
        'required: warning',
        'placeholder/inside: off',
        'lint/glossary/obligor: off',
        'lint: warning',
        'lint/equality: off',
        'rule/burden-evidence: off',
        'review-overdue: error',
        'x-why: off',
        'approval/required: warning',
      ),
      'eis.config.yaml',
      '/repo',
    );
    expect(Object.keys(config.rules)).toHaveLength(9);
  });

  it('points at a code that is not one, with the closest', () => {
    const error = configError(withRules('required: warning', 'schema/unkown-key: off'));
    expect([error.file, error.line, error.column]).toEqual(['eis.config.yaml', 4, 3]);
    expect(error.message).toBe('"schema/unkown-key" under rules is not a finding code; did you mean "schema/unknown-key"?');
    expect(error.hint).toBe('See docs/findings.md for the codes.');
  });

  it('mends the family part of a code and keeps its tail', () => {
    expect(configError(withRules('lint/glosary/obligor: off')).message).toContain('did you mean "lint/glossary/obligor"?');
    expect(configError(withRules('rules/burden-evidence: off')).message).toContain('did you mean "rule/burden-evidence"?');
    expect(configError(withRules('rule/: off')).message).toBe('"rule/" under rules is not a finding code.');
  });

  it('refuses a code whose severity is fixed', () => {
    const error = configError(withRules('coverage/missing: off'));
    expect(error.message).toBe('"coverage/missing" cannot be set under rules: its severity is fixed.');
    expect(error.hint).toBe('See docs/findings.md#coverage-missing.');
    expect(configError(withRules('file/yaml: warning')).line).toBe(3);
  });

  it('leaves plain words and rule/ keys to the questionnaire', () => {
    expect(classifyRuleKey('burden-evidnce')).toEqual({ kind: 'rule', id: 'burden-evidnce' });
    expect(classifyRuleKey('rule/nobody-alone')).toEqual({ kind: 'rule', id: 'nobody-alone' });
    expect(classifyRuleKey('stale')).toEqual({ kind: 'code' });
    expect(ruleKeyProblem(['requird', 'rule/whatever'])).toBeUndefined();
  });
});

describe('rule ids, against the questionnaire', () => {
  const model = builtin();

  it('takes the rules it has, with or without rule/', () => {
    expect(ruleIdProblem(['burden-evidence', 'rule/nobody-alone', 'required', 'lint/readability'], model)).toBeUndefined();
  });

  it('suggests the closest code or rule for a plain word', () => {
    expect(ruleIdProblem(['requird'], model)?.message).toBe('"requird" under rules is neither a finding code nor a rule of equity-impact@1; did you mean "required"?');
    expect(ruleIdProblem(['burden-evidnce'], model)?.message).toContain('did you mean "burden-evidence"?');
    expect(ruleIdProblem(['frobnicate'], model)?.message).toBe('"frobnicate" under rules is neither a finding code nor a rule of equity-impact@1.');
  });

  it('suggests a rule for a rule/ key', () => {
    expect(ruleIdProblem(['rule/burden-evidnce'], model)?.message).toBe('"rule/burden-evidnce" under rules is not a rule of equity-impact@1; did you mean "rule/burden-evidence"?');
  });

  it('are checked by loadConfig, at the key', () => {
    const tree = tempTree({ 'eis.config.yaml': withRules('review-overdue: warning', 'burden-evidnce: off') });
    cleanup = tree.cleanup;
    let error: unknown;
    try {
      loadConfig({ cwd: tree.dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EisError);
    expect((error as EisError).format()).toBe(
      'eis.config.yaml:4:3: "burden-evidnce" under rules is neither a finding code nor a rule of equity-impact@2; did you mean "burden-evidence"? See docs/findings.md for the codes; eis questions --format json lists the rules.',
    );
  });

  it('are left to the command when the questionnaire cannot be read', () => {
    const tree = tempTree({ 'eis.config.yaml': 'questionnaire: missing.yaml\nrules:\n  burden-evidnce: off\n' });
    cleanup = tree.cleanup;
    expect(loadConfig({ cwd: tree.dir }).file).toBe(join(tree.dir, 'eis.config.yaml'));
  });
});
