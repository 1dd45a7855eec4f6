// Templates, questionnaires and configs are data. A custom Handlebars template cannot reach
// JavaScript prototypes, the file system or the process; a config cannot make eis read a template
// or questionnaire outside the repository unless the person running eis allows it with a flag.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eis, ROOT, tempTree } from '../helpers/cli.js';
import { looksLikeACrash } from './run.js';

const STATEMENT = readFileSync(join(ROOT, 'examples', 'memos', 'text-payment-reminders.eis.yaml'), 'utf8');
const tree = tempTree();
const repo = join(tree.dir, 'repo');
const outside = join(tree.dir, 'outside');
afterAll(() => tree.cleanup());

beforeAll(() => {
  mkdirSync(join(repo, 'memos'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  writeFileSync(join(repo, 'memos', 's.eis.yaml'), STATEMENT);
  writeFileSync(join(outside, 'secret.html.hbs'), 'OUTSIDE-SECRET {{title}}\n');
  writeFileSync(join(outside, 'secret.md.hbs'), 'OUTSIDE-SECRET {{title}}\n');
  writeFileSync(join(outside, 'partial.md.hbs'), 'OUTSIDE-SECRET\n');
  writeFileSync(join(outside, 'questionnaire.yaml'), readFileSync(join(ROOT, 'test', 'fixtures', 'questionnaires', 'race-forward.yaml')));
});

const canaries = () =>
  readdirSync(tree.dir, { recursive: true })
    .map(String)
    .filter((f) => f.includes('CANARY'));

/** Renders memos/s.eis.yaml with a main template written to the repository. */
function renderWith(template: string, format: 'md' | 'html' = 'md') {
  writeFileSync(join(repo, `t.${format}.hbs`), template);
  return eis(['render', '--format', format, '--template', `t.${format}.hbs`, 'memos/s.eis.yaml'], { cwd: repo });
}

// What would show that JavaScript leaked into the output.
const LEAK = /\[native code\]|function Function|function Object|\bprocess\b|mainModule|child_process|\/etc\/passwd|root:x:0/;

describe('a custom template cannot reach the prototype, the file system or the process', () => {
  const attempts = [
    '{{constructor}}',
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{__proto__.constructor}}',
    '{{title.constructor}}',
    '{{title.constructor.constructor}}',
    '{{lookup this "constructor"}}',
    '{{lookup (lookup this "constructor") "constructor"}}',
    '{{lookup title "constructor"}}',
    '{{#with (lookup this "constructor")}}{{name}}{{/with}}',
    '{{#with constructor}}{{#with constructor}}{{this}}{{/with}}{{/with}}',
    '{{#each (lookup this "__proto__")}}{{@key}}{{/each}}',
    '{{#each this}}{{@key}}:{{#if (lookup this "constructor")}}has{{/if}} {{/each}}',
    '{{lookup this "__defineGetter__"}}',
    '{{lookup title "toString"}}',
    '{{title.toString}}',
    '{{title.length}}',
    '{{#with "a"}}{{#with split as |s|}}{{s}}{{/with}}{{/with}}',
    // The classic Handlebars sandbox escape (CVE-2019-19919 style).
    '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'touch CANARY\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
    '{{> /etc/passwd}}',
    '{{> ../../../../etc/passwd}}',
    '{{> (lookup this "constructor")}}',
    '{{log "x"}}{{log constructor}}',
    '{{{constructor.constructor "return process"}}}',
    '{{helperMissing "x"}}{{blockHelperMissing "x"}}',
    '{{#each (lookup . "constructor")}}x{{/each}}',
    // eis's own helpers read only an item's own data.
    '{{join sections "constructor"}}',
    '{{join sections "__proto__"}}',
    '{{join sections "toString"}}',
    '{{join sections "__lookupGetter__"}}',
  ];

  for (const template of attempts) {
    it(template.length > 80 ? `${template.slice(0, 80)}...` : template, () => {
      for (const format of ['md', 'html'] as const) {
        const run = renderWith(`# {{title}}\n\n${template}\n`, format);
        expect(looksLikeACrash(run), run.stderr).toBeUndefined();
        expect([0, 2]).toContain(run.code);
        if (run.code === 2) expect(run.stderr).toMatch(/^eis: t\.(md|html)\.hbs(:\d+:\d+)?: /m);
        expect(run.stdout, `${format} output`).not.toMatch(LEAK);
        expect(run.stderr).not.toMatch(/\[native code\]|root:x:0/);
      }
      expect(canaries()).toEqual([]);
    });
  }

  it('the built-in templates and helpers still work (the attempts above are judged against a working renderer)', () => {
    const run = renderWith('# {{title}}\n{{#each sections}}{{title}}, {{/each}}\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('# Text-message payment reminders');
  });
});

describe('a config cannot name files outside the repository without a flag', () => {
  const config = (body: string) => writeFileSync(join(repo, 'eis.config.yaml'), body);

  it('refuses a main template outside the repository, and allows it with --allow-external-templates', () => {
    config('templates:\n  html: ../outside/secret.html.hbs\n');
    const refused = eis(['render', '--format', 'html', 'memos/s.eis.yaml'], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^eis: eis\.config\.yaml.*outside the repository/m);
    expect(refused.stdout).not.toContain('OUTSIDE-SECRET');
    const allowed = eis(['render', '--format', 'html', '--allow-external-templates', 'memos/s.eis.yaml'], { cwd: repo });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('OUTSIDE-SECRET');
  });

  it('refuses an absolute template path and a link that leads outside', () => {
    config('templates:\n  md: /etc/passwd\n');
    const absolute = eis(['render', 'memos/s.eis.yaml'], { cwd: repo });
    expect(absolute.code).toBe(2);
    expect(absolute.stdout).not.toMatch(/root:/);
    symlinkSync(join(outside, 'secret.md.hbs'), join(repo, 'linked.md.hbs'));
    config('templates:\n  md: linked.md.hbs\n');
    const linked = eis(['render', 'memos/s.eis.yaml'], { cwd: repo });
    expect(linked.code).toBe(2);
    expect(linked.stdout).not.toContain('OUTSIDE-SECRET');
  });

  // The partials folder is inside the repository, but each file in it is checked too: a link in
  // the folder must not read a template from anywhere on the machine without --allow-external-templates.
  it('refuses a partial that is a link to a file outside the repository', () => {
    mkdirSync(join(repo, 'partials'), { recursive: true });
    symlinkSync(join(outside, 'partial.md.hbs'), join(repo, 'partials', 'text.md.hbs'));
    config('templates:\n  partials: partials\n');
    const run = eis(['render', 'memos/s.eis.yaml'], { cwd: repo });
    expect(run.stdout).not.toContain('OUTSIDE-SECRET');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/text\.md\.hbs leads outside the repository/);
    expect(eis(['render', 'memos/s.eis.yaml', '--allow-external-templates'], { cwd: repo }).code).toBe(0);
  });

  // A config arrives with a pull request; CI then reads the questionnaire it names, and a YAML error
  // message can quote a line of it into a public log. So `questionnaire:` stays inside the
  // repository (links followed) unless the person running eis passes --allow-external-questionnaire.
  it('refuses a questionnaire outside the repository without a flag', () => {
    config('questionnaire: ../outside/questionnaire.yaml\n');
    const run = eis(['questions'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^eis: eis\.config\.yaml:1:1: "questionnaire" names \.\.\/outside\/questionnaire\.yaml, which is outside the repository \(.*\)\. .*--allow-external-questionnaire/m);
    expect(run.stdout).toBe('');
    // Every command that reads the config's questionnaire refuses it the same way.
    for (const args of [
      ['check'],
      ['schema'],
      ['status'],
      ['render', 'memos/s.eis.yaml'],
      ['lint', 'memos/s.eis.yaml'],
      ['diff', 'memos/s.eis.yaml', 'memos/s.eis.yaml'],
      ['answer', 'memos/s.eis.yaml'],
    ]) {
      const other = eis(args, { cwd: repo });
      expect(other.code, args.join(' ')).toBe(2);
      expect(other.stderr, args.join(' ')).toMatch(/outside the repository/);
    }
    // An absolute path, a missing file outside and a link that leads outside are refused too.
    for (const named of [join(outside, 'questionnaire.yaml'), '../outside/missing.yaml']) {
      config(`questionnaire: ${named}\n`);
      expect(eis(['questions'], { cwd: repo }).stderr).toMatch(/outside the repository/);
    }
    symlinkSync(join(outside, 'questionnaire.yaml'), join(repo, 'linked-questionnaire.yaml'));
    config('questionnaire: linked-questionnaire.yaml\n');
    expect(eis(['questions'], { cwd: repo }).stderr).toMatch(/outside the repository/);
    // From a subfolder, the config found above is held to the same rule.
    expect(eis(['questions'], { cwd: join(repo, 'memos') }).stderr).toMatch(/outside the repository/);
  });

  it('reads a questionnaire outside the repository when the person running eis allows it', () => {
    config('questionnaire: ../outside/questionnaire.yaml\n');
    const run = eis(['--allow-external-questionnaire', 'questions', '--format', 'json'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe('race-forward');
    // After the command too, as global options are in commander.
    expect(eis(['questions', '--allow-external-questionnaire'], { cwd: repo }).code).toBe(0);
    // A questionnaire named on the command line is the runner's choice: the config's is not read.
    expect(eis(['questions', '--questionnaire', 'equity-impact'], { cwd: repo }).code).toBe(0);
    expect(eis(['schema', '--questionnaire', join(outside, 'questionnaire.yaml')], { cwd: repo }).code).toBe(0);
  });

  it('reads a questionnaire anywhere inside the repository, and a built-in one by id', () => {
    mkdirSync(join(repo, 'policy', 'questions'), { recursive: true });
    writeFileSync(join(repo, 'policy', 'questions', 'q.yaml'), readFileSync(join(outside, 'questionnaire.yaml')));
    mkdirSync(join(repo, 'policy', 'config'), { recursive: true });
    // The config is in a subfolder; the questionnaire is beside it in the same repository.
    writeFileSync(join(repo, 'policy', 'config', 'eis.config.yaml'), 'questionnaire: ../questions/q.yaml\n');
    const run = eis(['questions', '--format', 'json'], { cwd: join(repo, 'policy', 'config') });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe('race-forward');
    config('questionnaire: equity-impact\n');
    expect(eis(['questions'], { cwd: repo }).code).toBe(0);
  });

  it('never shows the content of a non-YAML file named as the questionnaire', () => {
    writeFileSync(join(outside, 'private.txt'), 'password: hunter2\n{{ not yaml\n');
    config('questionnaire: ../outside/private.txt\n');
    const run = eis(['questions'], { cwd: repo });
    expect(looksLikeACrash(run), run.stderr).toBeUndefined();
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2');
  });
});
