// eis render as people and git use it: the built binary, whole outputs where practical.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, EXAMPLES, copyExamples, eis, tempTree } from '../helpers/cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
const examples = () => {
  const tree = copyExamples();
  cleanups.push(tree.cleanup);
  return tree.dir;
};
const COMPLETE = 'memos/text-payment-reminders.eis.yaml';
const DRAFT = 'memos/online-application-portal.eis.yaml';

describe('eis render', () => {
  it('writes Markdown to stdout by default', () => {
    const result = eis(['render', COMPLETE], { cwd: EXAMPLES });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^# Text-message payment reminders\n/);
  });

  it('takes a memo for the statement beside it, and says how to create a missing one', () => {
    const result = eis(['render', 'memos/text-payment-reminders.md'], { cwd: EXAMPLES });
    expect(result).toEqual({ code: 0, stdout: eis(['render', COMPLETE], { cwd: EXAMPLES }).stdout, stderr: `The statement for memos/text-payment-reminders.md: ${COMPLETE}\n` });
    expect(eis(['render', 'memos/license-suspension-change.md'], { cwd: EXAMPLES })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'eis: memos/license-suspension-change.md: no statement yet (looked for memos/license-suspension-change.eis.yaml); create it with: eis new memos/license-suspension-change.md\n',
    });
  });

  it('renders a statement with gaps, marked, and exits 0', () => {
    const result = eis(['render', DRAFT], { cwd: EXAMPLES });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('### Root causes\n\n**Not answered** (required).\n');
  });

  it('with --strict, does not render a statement with errors and exits 1', () => {
    const result = eis(['render', DRAFT, '--strict'], { cwd: EXAMPLES });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('memos/online-application-portal.eis.yaml:24:3: "What results do we want for the communities we serve?" holds the placeholder "TBD"');
    expect(result.stderr).toMatch(/eis: memos\/online-application-portal\.eis\.yaml was not rendered: it has 20 problems \(--strict\)\.\n$/);
    expect(eis(['render', COMPLETE, '--strict'], { cwd: EXAMPLES }).code).toBe(0);
  });

  it('writes several statements into a folder it creates, named after each statement', () => {
    const dir = examples();
    const result = eis(['render', COMPLETE, DRAFT, '--format', 'html', '--out', 'site/eis'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'site/eis/text-payment-reminders.eis.html\nsite/eis/online-application-portal.eis.html\n' });
    expect(readFileSync(join(dir, 'site/eis/text-payment-reminders.eis.html'), 'utf8')).toBe(eis(['render', COMPLETE, '--format', 'html'], { cwd: dir }).stdout);
  });

  it('keeps the folders of statements from different places', () => {
    const dir = examples();
    mkdirSync(join(dir, 'initiatives/portal'), { recursive: true });
    copyFileSync(join(dir, DRAFT), join(dir, 'initiatives/portal/equity-impact.eis.yaml'));
    const result = eis(['render', COMPLETE, 'initiatives/portal/equity-impact.eis.yaml', '--out', 'out'], { cwd: dir });
    expect(result.stdout).toBe('out/memos/text-payment-reminders.eis.md\nout/initiatives/portal/equity-impact.eis.md\n');
  });

  it('replaces an existing output file', () => {
    const dir = examples();
    writeFileSync(join(dir, 'out.md'), 'old');
    expect(eis(['render', COMPLETE, '--out', 'out.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'out.md\n' });
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toMatch(/^# Text-message payment reminders/);
  });

  it('leaves a page that would not change as it is, and rewrites one that would', () => {
    const dir = examples();
    const pages = ['site/text-payment-reminders.eis.html', 'site/online-application-portal.eis.html'].map((p) => join(dir, p));
    const render = () => eis(['render', COMPLETE, DRAFT, '--format', 'html', '--out', 'site'], { cwd: dir });
    expect(render().code).toBe(0);
    const longAgo = new Date('2020-01-01T00:00:00Z');
    for (const page of pages) utimesSync(page, longAgo, longAgo);
    const draft = readFileSync(join(dir, DRAFT), 'utf8');
    writeFileSync(join(dir, DRAFT), draft.replace(/^ {2}title: .*$/m, '  title: A renamed portal'));
    // Every page is still listed, written or not.
    expect(render()).toMatchObject({ code: 0, stdout: 'site/text-payment-reminders.eis.html\nsite/online-application-portal.eis.html\n' });
    expect(statSync(pages[0]).mtime).toEqual(longAgo);
    expect(statSync(pages[1]).mtime).not.toEqual(longAgo);
    expect(readFileSync(pages[1], 'utf8')).toContain('A renamed portal');
    // A page edited by hand, even to the same length, is put back.
    const original = readFileSync(pages[0], 'utf8');
    writeFileSync(pages[0], original.replace('<html', '<HTML'));
    expect(render().code).toBe(0);
    expect(readFileSync(pages[0], 'utf8')).toBe(original);
  });

  it('needs --out for several statements', () => {
    const result = eis(['render', COMPLETE, DRAFT], { cwd: EXAMPLES });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'eis: 2 statements cannot all go to standard output. Give a folder to write them to with --out DIR.\n' });
  });

  it('says clearly when a statement pins a questionnaire eis does not know', () => {
    const tree = tempTree({ 'x.eis.yaml': 'eis: 1\nquestionnaire: gare-tool@3\ninitiative:\n  title: X\n' });
    cleanups.push(tree.cleanup);
    const result = eis(['render', 'x.eis.yaml'], { cwd: tree.dir });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      'eis: x.eis.yaml:2:1: the statement answers questionnaire "gare-tool", but the config requires equity-impact@2. Answer equity-impact@2 ("questionnaire: equity-impact@2"); the questionnaire a statement answers is the config\'s to choose.\n',
    );
  });

  it('works as a git textconv driver on a file with any name', () => {
    const tree = tempTree({ 'blob-4f2a.tmp': readFileSync(join(EXAMPLES, COMPLETE)) });
    cleanups.push(tree.cleanup);
    const result = eis(['render', '--format', 'md', join(tree.dir, 'blob-4f2a.tmp')], { cwd: EXAMPLES });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(eis(['render', COMPLETE], { cwd: EXAMPLES }).stdout);
  });

  it('makes git diff show the rendered text', () => {
    const dir = examples();
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', EIS_TODAY: '2026-11-23', GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
    git('init', '-q');
    git('config', 'user.email', 't@example.org');
    git('config', 'user.name', 'T');
    git('config', 'diff.eis.textconv', `"${process.execPath}" "${BIN}" render --format md`);
    writeFileSync(join(dir, '.gitattributes'), '*.eis.yaml diff=eis\n');
    git('add', '.');
    git('commit', '-qm', 'start');
    const file = join(dir, COMPLETE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('direction: unknown', 'direction: burden'));
    const diff = git('diff', '--no-color', COMPLETE);
    expect(diff.stderr).toBe('');
    expect(diff.stdout).toContain('-| Parents with limited English |  |  |  | ? Unknown |\n+| Parents with limited English |  | ▼ Burden |  |  |\n');
  });

  it('rejects a format it does not know', () => {
    const result = eis(['render', COMPLETE, '--format', 'odt'], { cwd: EXAMPLES });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'odt' is invalid");
  });

  it('adds the render date only when asked', () => {
    expect(eis(['render', COMPLETE], { cwd: EXAMPLES }).stdout).not.toContain('2026-11-23');
    expect(eis(['render', COMPLETE, '--date'], { cwd: EXAMPLES }).stdout).toContain('- **Rendered on:** 2026-11-23\n');
  });
});

describe('eis render with other templates', () => {
  it('uses a template named with --template', () => {
    const dir = examples();
    writeFileSync(join(dir, 'mine.md.hbs'), '{{title}} ({{completeness.percent}}%)\n{{#each sections}}* {{title}}\n{{/each}}');
    const result = eis(['render', COMPLETE, '--template', 'mine.md.hbs'], { cwd: dir });
    expect(result.stdout).toBe(
      'Text-message payment reminders (100%)\n* Screening\n* The proposal\n* Populations\n* Data\n* Community engagement\n* Analysis\n* Language and access\n* Mitigation and decision\n* Monitoring\n* Reporting back\n* Sign-off\n',
    );
  });

  it('uses partials from the folder the config names, over the built-in ones', () => {
    const dir = examples();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'yes-no.md.hbs'), '{{#if answered}}**{{text}}!**{{else}}{{> unanswered}}{{/if}}\n');
    writeFileSync(join(dir, 'eis.config.yaml'), `${readFileSync(join(dir, 'eis.config.yaml'), 'utf8')}\ntemplates:\n  partials: tpl\n`);
    const result = eis(['render', COMPLETE], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('### Do staff use their own judgement in applying it?\n\n**No!**\n');
  });

  it('names the template file and line of a syntax error, and exits 2', () => {
    const dir = examples();
    writeFileSync(join(dir, 'bad.md.hbs'), '# {{title}}\n\n{{#each sections}}\n## {{title}}\n');
    const result = eis(['render', COMPLETE, '--template', 'bad.md.hbs'], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^eis: bad\.md\.hbs:5:1: the template has a syntax error: Expecting .+\. See docs\/templates\.md for the view model and helpers\.\n$/);
  });

  it('names an unknown helper with its place', () => {
    const dir = examples();
    writeFileSync(join(dir, 'bad.md.hbs'), '# {{title}}\n\n{{upper title}}\n');
    const result = eis(['render', COMPLETE, '--template', 'bad.md.hbs'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^eis: bad\.md\.hbs:3:1: the template calls "upper", which is not a helper eis has\. Helpers: eq, not, and, or, join, cell, plural, colon, t, inc and the Handlebars built-ins/,
    );
  });

  it('names a field the view model does not have, in the partial that uses it', () => {
    const dir = examples();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'text.md.hbs'), '{{answer}}\n');
    writeFileSync(join(dir, 'eis.config.yaml'), 'questionnaire: equity-impact\ntemplates:\n  partials: tpl\n');
    const result = eis(['render', COMPLETE], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^eis: tpl\/text\.md\.hbs:1:3: the template uses "answer", which the view model does not have here\./);
  });

  it('places a template path that does not exist, or a partials folder that is a file, at its line and column', () => {
    const dir = examples();
    writeFileSync(join(dir, 'eis.config.yaml'), 'questionnaire: equity-impact\n# house templates\ntemplates:\n  html: house/page.html.hbs\n');
    const missing = eis(['render', COMPLETE, '--format', 'html'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('eis: eis.config.yaml:4:3: "templates.html" in the config names house/page.html.hbs, which does not exist. Paths in the config are relative to the config file.\n');
    writeFileSync(join(dir, 'eis.config.yaml'), 'questionnaire: equity-impact\ntemplates:\n    partials: eis.config.yaml\n');
    const file = eis(['render', COMPLETE], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^eis: eis\.config\.yaml:3:5: "templates\.partials" in the config names eis\.config\.yaml, which is not a folder\./);
  });

  it('will not read templates outside the repository because the config says so', () => {
    const outside = tempTree({ 'evil.md.hbs': '{{title}}\n' });
    cleanups.push(outside.cleanup);
    const dir = examples();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'eis.config.yaml'), `questionnaire: equity-impact\ntemplates:\n  md: ${join(outside.dir, 'evil.md.hbs')}\n`);
    const refused = eis(['render', COMPLETE], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`eis: eis.config.yaml:3:3: "templates.md" in the config names ${join(outside.dir, 'evil.md.hbs')}, which is outside the repository`);
    expect(refused.stderr).toContain('--allow-external-templates');
    const allowed = eis(['render', COMPLETE, '--allow-external-templates'], { cwd: dir });
    expect(allowed).toMatchObject({ code: 0, stdout: 'Text-message payment reminders\n' });
  });

  it('refuses a symbolic link that leads out of the repository', () => {
    const outside = tempTree({ 'evil.md.hbs': '{{title}}\n' });
    cleanups.push(outside.cleanup);
    const dir = examples();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('ln', ['-s', join(outside.dir, 'evil.md.hbs'), join(dir, 'link.md.hbs')]);
    writeFileSync(join(dir, 'eis.config.yaml'), 'questionnaire: equity-impact\ntemplates:\n  md: link.md.hbs\n');
    expect(existsSync(join(dir, 'link.md.hbs'))).toBe(true);
    expect(eis(['render', COMPLETE], { cwd: dir }).code).toBe(2);
  });
});
