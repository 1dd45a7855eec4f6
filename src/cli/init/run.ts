// eis init: a commented config fitted to the repository, the git diff driver, an example CI
// workflow and pre-commit hook; --eject copies the questionnaire and templates to edit. It never
// replaces a file that exists: it says which it skipped.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Context } from '../../edge/context.js';
import type { InitOptions } from './flags.js';
import { EisError } from '../../core/errors.js';
import { CONFIG_NAMES } from '../../core/config/config.js';
import { packageRoot } from '../../edge/files/package-root.js';
import { git } from '../../edge/git/run.js';
import { assertWritesInside } from '../../edge/files/inside-repository.js';
import { MEMO_LIKE, recursiveMemoGlob } from '../../core/check/memo-globs.js';
import { ACTION_REF, ATTRIBUTES, DEFAULT_ACTION, TEXTCONV, configText, preCommitText, workflowText, type InitChoices } from '../../core/review/init-files.js';

/** Folders never searched for memos: tooling, build output, and documentation of the repository itself. */
const SKIP_DIRS = new Set(['node_modules', 'docs', 'doc', 'dist', 'build', 'out', 'coverage', 'vendor', 'templates', 'test', 'tests', 'eis']);
const NOT_MEMOS = /^(readme|changelog|contributing|license|licence|code_of_conduct|security|support|authors)(\.[a-z]+)?$/i;
const EJECT_DIR = 'eis';

export async function init(ctx: Context, options: InitOptions): Promise<number> {
  const action = options.action ?? DEFAULT_ACTION;
  if (!ACTION_REF.test(action))
    throw new EisError(`--action ${JSON.stringify(action)} is not a GitHub Action reference.`, {
      hint: 'Name it as OWNER/REPO@REF (for example my-agency/eis@v1), or ./PATH for one in this repository.',
    });
  const root = gitRoot(ctx.cwd);
  if (options.gitConfig && !root)
    throw new EisError('--git-config needs a git repository, and this folder is not inside one.', { file: ctx.cwd, hint: 'Run git init first, or leave out --git-config.' });
  const repo = root ?? ctx.cwd;
  const subdir = relative(repo, ctx.cwd).split(sep).join('/');
  const done: string[] = [];
  const skipped: string[] = [];
  const shown = (abs: string) => relative(ctx.cwd, abs).split(sep).join('/') || '.';

  /** Writes a new file; an existing one is left alone and reported. */
  let copied = 0;
  const create = (abs: string, text: string, quiet = false) => {
    if (existsSync(abs)) return void skipped.push(shown(abs));
    assertWritesInside(abs, ctx.cwd);
    mkdirSync(dirname(abs), { recursive: true });
    try {
      writeFileSync(abs, text, { flag: 'wx' });
      if (quiet) copied++;
      else done.push(`created ${shown(abs)}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') skipped.push(shown(abs));
      else throw new EisError(`cannot write the file (${(error as NodeJS.ErrnoException).code}).`, { file: shown(abs) });
    }
  };

  // Every place init writes, checked before it writes anything: a committed link to a folder
  // (.github, eis) must not carry a file out of the repository, nor leave half a set-up behind.
  const attributes = join(repo, '.gitattributes');
  const places = [join(ctx.cwd, 'eis.config.yaml'), join(repo, '.github', 'workflows', 'eis.yml'), join(repo, '.pre-commit-config.example.yaml')];
  if (options.eject) places.push(join(ctx.cwd, EJECT_DIR, 'questionnaires', 'equity-impact.yaml'), join(ctx.cwd, EJECT_DIR, 'templates', 'partials', 'x'));
  for (const place of places) assertWritesInside(place, ctx.cwd);
  assertWritesInside(attributes, ctx.cwd, { followFile: true });

  const choices: InitChoices = { memoGlobs: memoGlobs(ctx.cwd), subdir, version: ctx.version, action };
  const configExists = CONFIG_NAMES.some((n) => existsSync(join(ctx.cwd, n)));
  if (options.eject) {
    const pkg = packageRoot();
    const questionnaire = `${EJECT_DIR}/questionnaires/equity-impact.yaml`;
    create(join(ctx.cwd, questionnaire), readFileSync(join(pkg, 'schemas', 'questionnaires', 'equity-impact.yaml'), 'utf8'));
    // Its earlier versions too: its `previous:` names them, so statements written for them still check and migrate.
    for (const earlier of readdirSync(join(pkg, 'schemas', 'questionnaires')).filter((f) => /^equity-impact\.v\d+\.yaml$/.test(f)))
      create(join(ctx.cwd, EJECT_DIR, 'questionnaires', earlier), readFileSync(join(pkg, 'schemas', 'questionnaires', earlier), 'utf8'));
    // The questionnaire's first line points editors at this schema, one folder up.
    create(join(ctx.cwd, EJECT_DIR, 'questionnaire.schema.json'), readFileSync(join(pkg, 'schemas', 'questionnaire.schema.json'), 'utf8'));
    const templates = join(pkg, 'templates');
    for (const file of listFiles(templates)) create(join(ctx.cwd, EJECT_DIR, 'templates', file), readFileSync(join(templates, file), 'utf8'), true);
    if (copied) done.push(`copied ${copied} ${copied === 1 ? 'template' : 'templates'} into ${EJECT_DIR}/templates/`);
    const has = (f: string) => existsSync(join(templates, f));
    choices.questionnaire = questionnaire;
    choices.templates = {
      md: has('statement.md.hbs') ? `${EJECT_DIR}/templates/statement.md.hbs` : undefined,
      html: has('statement.html.hbs') ? `${EJECT_DIR}/templates/statement.html.hbs` : undefined,
      partials: has('partials') ? `${EJECT_DIR}/templates/partials` : undefined,
    };
  }
  create(join(ctx.cwd, 'eis.config.yaml'), configText(choices));

  // The diff driver: git shows statements rendered as Markdown in diffs.
  const present = existsSync(attributes) ? readFileSync(attributes, 'utf8') : undefined;
  const missing = ATTRIBUTES.filter((line) => !present?.split(/\r?\n/).some((l) => l.trim().replace(/\s+/g, ' ') === line));
  if (present === undefined) create(attributes, `# Show equity impact statements as rendered text in git diff (see eis init).\n${missing.join('\n')}\n`);
  else if (missing.length) {
    appendFileSync(attributes, `${present.endsWith('\n') || present === '' ? '' : '\n'}# Show equity impact statements as rendered text in git diff (see eis init).\n${missing.join('\n')}\n`);
    done.push(`added ${missing.map((m) => `"${m}"`).join(' and ')} to ${shown(attributes)}`);
  } else done.push(`${shown(attributes)} already sets the diff driver`);

  create(join(repo, '.github', 'workflows', 'eis.yml'), workflowText(choices));
  create(join(repo, '.pre-commit-config.example.yaml'), preCommitText(choices));

  let textconvNote: string;
  if (options.gitConfig) {
    const current = gitConfigValue('diff.eis.textconv', repo);
    if (current !== undefined && current !== TEXTCONV) textconvNote = `git config diff.eis.textconv is already "${current}"; eis left it.`;
    else {
      git(['config', 'diff.eis.textconv', TEXTCONV], repo);
      done.push(`set git config diff.eis.textconv "${TEXTCONV}"`);
      textconvNote = '';
    }
  } else textconvNote = `To see statements as rendered text in git diff, run:\n  git config diff.eis.textconv "${TEXTCONV}"\n(or run eis init --git-config).`;

  const out = [...done];
  if (skipped.length) out.push(`skipped ${skipped.length === 1 ? 'a file that exists' : 'files that exist'}, unchanged: ${skipped.join(', ')}`);
  if (options.eject && configExists)
    out.push(
      `${CONFIG_NAMES.find((n) => existsSync(join(ctx.cwd, n)))} was not changed; to use the copies, set in it:`,
      `  questionnaire: ${choices.questionnaire}`,
      '  templates:',
      ...Object.entries(choices.templates ?? {})
        .filter(([, v]) => v)
        .map(([k, v]) => `    ${k}: ${v}`),
    );
  if (!choices.memoGlobs.length && !configExists) out.push('No memo folders found: name yours under initiatives.memos in eis.config.yaml.');
  if (textconvNote) out.push(textconvNote);
  out.push('Next: eis check, then eis new <memo> for each memo without a statement. CI set-up: docs/ci.md.');
  ctx.stdout(`${out.join('\n')}\n`);
  return 0;
}

function gitRoot(cwd: string): string | undefined {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    return undefined;
  }
}

function gitConfigValue(key: string, cwd: string): string | undefined {
  try {
    return git(['config', '--get', key], cwd).replace(/\n$/, '');
  } catch {
    return undefined;
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : []))
    .sort();
}

/** Globs for the folders that hold memos (Markdown files that are not a README or the like). */
export function memoGlobs(base: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (rel && entries.some((e) => e.isFile() && MEMO_LIKE.test(e.name) && !NOT_MEMOS.test(e.name))) found.push(rel);
    if (depth >= 5) return;
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && !SKIP_DIRS.has(e.name.toLowerCase())) walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name, depth + 1);
  };
  walk(base, '', 0);
  // One recursive glob per top memo folder, for every memo-like extension: a memo added later in a
  // subfolder, or as .markdown or .docx, needs its statement too.
  const tops = found.filter((f) => !found.some((g) => g !== f && f.startsWith(`${g}/`)));
  return tops.map((top) => recursiveMemoGlob(top));
}
