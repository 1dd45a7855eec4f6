// The coverage findings that cannot be dodged: memo-like files no glob takes, globs that take
// nothing, and statements whose memo is gone (with where it went, when git knows). planCheck asks
// for them in one call; coverage/missing findings of renamed memos are pointed at their statement.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../../core/config/config.js';
import { displayPath, isStatementName, within } from '../files/discover.js';
import { scanMemos } from '../files/memo-scan.js';
import { fileMoves, type FileMoves } from '../git/renames.js';
import { readBytes } from '../files/statement-file.js';
import { decodeText, parseYamlSource, positionOf } from '../../core/yaml/source.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { statementData } from '../../core/statement/change.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { listedMemos } from '../review/memo-hash.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { closest } from '../../core/questionnaire/model.js';
import { memoMatcher, recursiveMemoGlob, whyMissed, type ConfigGlob } from '../../core/check/memo-globs.js';
import { statementPathForMemo } from '../../core/check/coverage.js';
import type { Finding, Severity } from '../../core/findings/findings.js';

export interface CoverageInput {
  config: Config;
  cwd: string;
  /** The absolute paths being checked. */
  roots: string[];
  /** From --since: only these absolute files count. */
  only?: Set<string> | undefined;
  /** The --since ref, whose merge base with HEAD is where renames are counted from. */
  since?: string | undefined;
  /** Every statement found under the roots (before --since narrows them). */
  statements: string[];
  /** The coverage/missing findings: one of a renamed memo is changed to name its statement. */
  missing: Finding[];
  known: (id: string) => Questionnaire | undefined;
}

/** Memo-like files no glob takes, globs that take nothing, and statements left without their memo. */
export function coverageFindings(input: CoverageInput): Finding[] {
  const { config, cwd, roots, only } = input;
  if (!config.initiatives.memos.length && !config.initiatives.folders.length) return [];
  const scan = scanMemos(config);
  const findings: Finding[] = [];
  const add = (finding: Omit<Finding, 'severity' | 'path' | 'column'> & { column?: number }) => {
    const level = config.rules[finding.code];
    if (level === 'off') return;
    findings.push({ severity: (level ?? 'error') as Severity, path: [], column: 1, ...finding });
  };

  const empty = scan.empty.filter((g) => within(resolve(config.root, g.base), roots));
  if (empty.length && config.file) {
    const shown = displayPath(config.file, cwd);
    const source = parseYamlSource(decodeText(readBytes(config.file, 'config file'), shown), shown);
    for (const g of empty) add({ code: 'coverage/glob-empty', file: shown, ...positionOf(source, ['initiatives', g.key, g.index]), ...emptyGlobMessage(g, config.root) });
  }

  for (const { file, near } of scan.uncovered) {
    if (!within(file, roots) || (only && !only.has(file))) continue;
    const rel = relative(config.root, file).split(sep).join('/');
    add({
      code: 'coverage/uncovered',
      file: displayPath(file, cwd),
      line: 1,
      message: `This looks like a memo, but no initiative glob takes it, so eis would not ask for its statement: ${whyMissed(rel, near)}.`,
      hint: `Add it to initiatives.memos in the config (e.g. "${recursiveMemoGlob(near.key === 'memos' ? near.base : dirname(rel) === '.' ? '' : dirname(rel))}"), or to initiatives.exclude if it is not a memo.`,
    });
  }

  for (const orphan of orphanFindings(
    input,
    scan.globs.filter((g) => g.key === 'memos'),
    scan.uncovered.map((u) => u.file),
  ))
    add(orphan);
  return findings;
}

function emptyGlobMessage(g: ConfigGlob, root: string): { message: string; hint: string } {
  const what = g.key === 'memos' ? 'no file' : 'no folder';
  const base = resolve(root, g.base);
  if (g.base && !isFolder(base)) {
    const parent = dirname(base);
    const folders = isFolder(parent)
      ? readdirSync(parent, { withFileTypes: true })
          .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
          .map((e) => e.name)
      : [];
    const near = closest(basename(base), folders);
    const suggestion = near ? `${g.base.slice(0, g.base.length - basename(base).length)}${near}${g.glob.slice(g.base.length)}` : undefined;
    return {
      message: `The glob "${g.glob}" of initiatives.${g.key} matches ${what}: the folder ${g.base}/ does not exist${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
      hint: 'Fix the glob, or remove it; initiatives it misses need no statement.',
    };
  }
  return {
    message: `The glob "${g.glob}" of initiatives.${g.key} matches ${what} (excluded paths left out).`,
    hint: 'Fix the glob, or remove it; initiatives it misses need no statement.',
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function realish(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const stemOf = (file: string) => basename(file, extname(file));

interface Orphan {
  statement: string;
  dir: string;
  stem: string;
}

/** Statements named for a memo that a memo glob would take, with no such memo beside them and none their memo list names. */
function findOrphans(input: CoverageInput, memoGlobs: ConfigGlob[]): Orphan[] {
  const { config, only, statements } = input;
  if (!memoGlobs.length) return [];
  const matches = memoMatcher(memoGlobs.map((g) => g.glob));
  const pattern = new RegExp(`^${config.statements.memo.split('{name}').map(escapeRegExp).join('(.+)')}$`);
  const touched = only ? new Set([...only].map((f) => `${dirname(f)}\0${stemOf(f)}`)) : undefined;
  const listings = new Map<string, string[]>();
  const orphans: Orphan[] = [];
  for (const statement of statements) {
    const name = basename(statement);
    const stem = pattern.exec(name)?.[1];
    if (!stem || name === config.statements.folder) continue;
    const dir = dirname(statement);
    const relStem = relative(config.root, join(dir, stem)).split(sep).join('/');
    if (!['.md', '.markdown', '.docx', '.txt'].some((ext) => matches(relStem + ext))) continue;
    if (touched && !only!.has(statement) && !touched.has(`${dir}\0${stem}`)) continue;
    let entries = listings.get(dir);
    if (!entries) listings.set(dir, (entries = readdirSync(dir)));
    if (entries.some((e) => !isStatementName(e) && e !== name && basename(e, extname(e)) === stem && isFile(join(dir, e)))) continue;
    if (listsAMemo(statement, input.known)) continue;
    orphans.push({ statement, dir, stem });
  }
  return orphans;
}

/** Whether the statement's memo list names a file that exists; unreadable statements count as yes (the check reports them). */
function listsAMemo(statement: string, known: (id: string) => Questionnaire | undefined): boolean {
  try {
    const { text } = decodeLines(readBytes(statement, 'statement'), statement);
    const data = statementData(text, statement);
    const model = questionnaireFor(data, known);
    return listedMemos(model, data).some((p) => isFile(resolve(dirname(statement), p)));
  } catch {
    return true;
  }
}

function orphanFindings(input: CoverageInput, memoGlobs: ConfigGlob[], uncovered: string[]): Array<Omit<Finding, 'severity' | 'path' | 'column'>> {
  const orphans = findOrphans(input, memoGlobs);
  if (!orphans.length) return [];
  const { cwd, config } = input;
  const moves = fileMoves(config.root, input.since);
  const candidates = moveCandidates(input, uncovered, moves);
  return orphans.map(({ statement, dir, stem }) => {
    const file = displayPath(statement, cwd);
    const realDir = realish(dir);
    const mine = (old: string) => dirname(old) === realDir && stemOf(old) === stem && !isStatementName(old);
    // Git's paths are real ones; they are shown as seen from the statement's folder.
    const seen = (real: string) => displayPath(join(dir, relative(realDir, real)), cwd);
    const renamed = moves && [...moves.renamed].find(([old]) => mine(old));
    const deleted = moves && [...moves.deleted].find(([old]) => mine(old));
    const copy = deleted && candidates.find((c) => c.id() === deleted[1]);
    const from = renamed?.[0] ?? deleted?.[0];
    const to = renamed ? seen(renamed[1]) : copy ? displayPath(copy.file, cwd) : undefined;
    if (from && to) {
      const old = seen(from);
      const target = resolve(cwd, to);
      if (isFile(statementPathForMemo(config, target)))
        return {
          code: 'coverage/orphan',
          file,
          line: 1,
          message: `This statement's memo, ${old}, was renamed to ${to}, which has a statement of its own.`,
          hint: `Keep one of the two statements: delete this one, or merge it into ${displayPath(statementPathForMemo(config, target), cwd)}.`,
        };
      const move = `eis mv ${old} ${to}`;
      const missing = input.missing.find((f) => f.code === 'coverage/missing' && realish(resolve(cwd, f.file)) === realish(target));
      if (missing) {
        missing.message = `This memo has no equity impact statement under its name: its statement is ${file}, which still has the name of ${old}.`;
        missing.hint = `Move it with: ${move}`;
      }
      return { code: 'coverage/orphan', file, line: 1, message: `This statement's memo, ${old}, was renamed to ${to}; the statement still has the old name.`, hint: `Move it with: ${move}` };
    }
    if (from)
      return {
        code: 'coverage/orphan',
        file,
        line: 1,
        message: `This statement's memo, ${seen(from)}, was deleted.`,
        hint: `If the memo moved, move the statement with it: eis mv ${seen(from)} NEW-MEMO. If it was withdrawn, delete the statement.`,
      };
    return {
      code: 'coverage/orphan',
      file,
      line: 1,
      message: `This statement's memo is gone: there is no file named ${stem} beside it, nor one its memo list names.`,
      hint: 'If the memo moved, move the statement with it: eis mv OLD-MEMO NEW-MEMO. If it was withdrawn, delete the statement.',
    };
  });
}

/** Memos a deleted memo may have become: those without a statement, and memo-like files no glob takes. Their git blob ids are computed only when asked. */
function moveCandidates(input: CoverageInput, uncovered: string[], moves: FileMoves | undefined): Array<{ file: string; id: () => string }> {
  if (!moves?.deleted.size) return [];
  const files = new Set([...input.missing.filter((f) => f.code === 'coverage/missing').map((f) => resolve(input.cwd, f.file)), ...uncovered]);
  return [...files].filter(isFile).map((file) => {
    let id: string | undefined;
    return { file, id: () => (id ??= moves.blobId(readFileSync(file))) };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
