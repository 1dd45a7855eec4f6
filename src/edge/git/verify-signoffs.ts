// --verify-signoffs: proof from git that each sign-off entry, as it stands, was written by its
// reviewer. `git blame` names the commit that last wrote each line of the entry; every one of
// them must be authored with the reviewer's email. An entry typed or edited by anyone else, or
// not committed at all, is an error. --require-signed also asks `git verify-commit` of each.
// What this proves and what it does not: docs/review.md.
import { relative, resolve, sep } from 'node:path';
import { isMap, isSeq, type Node } from 'yaml';
import type { Config } from '../../core/config/config.js';
import type { CheckReport, Finding } from '../../core/findings/findings.js';
import { registryFor } from '../questionnaire/registry.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { parseYamlSource, type YamlSource } from '../../core/yaml/source.js';
import { readBytes } from '../files/statement-file.js';
import { signoffList } from '../../core/review/conventions.js';
import { decisionsOf, findReviewer } from '../../core/review/approval.js';
import { approvalPolicy } from '../review/memo-hash.js';
import { displayPath } from '../files/discover.js';
import { repoRoot } from './repo.js';
import { git } from './run.js';
import { spawnSync } from 'node:child_process';
import type { QuestionnaireSource } from '../questionnaire/registry.js';

export interface VerifyOptions {
  config: Config;
  cwd: string;
  requireSigned: boolean;
  questionnaireSource?: QuestionnaireSource | undefined;
  policyRef?: string;
}

interface Blamed {
  sha: string;
  email: string;
  boundary: boolean;
}

export function verifySignoffs(report: CheckReport, options: VerifyOptions): Finding[] {
  const root = repoRoot(options.cwd);
  const known = registryFor(options);
  const findings: Finding[] = [];
  // In a shallow clone blame gives the oldest commit it has every line before it: no proof at all.
  if (git(['rev-parse', '--is-shallow-repository'], root).trim() === 'true')
    return [
      {
        code: 'signoff/unverified',
        severity: 'error',
        file: '.',
        path: [],
        line: 1,
        column: 1,
        message: 'This clone is shallow, so git cannot show who wrote each sign-off.',
        hint: 'Fetch the whole history (actions/checkout with fetch-depth: 0), then run again.',
      },
    ];
  const signed = new Map<string, boolean>();
  const verify = (file: string, shown: string, entries: Array<{ who: string; expected?: string | undefined; lines: [number, number]; path: Array<string | number> }>) => {
    if (!entries.length) return;
    const blame = blameLines(
      root,
      file,
      entries.map((e) => e.lines),
    );
    for (const entry of entries) {
      const at = { file: shown, path: entry.path, line: entry.lines[0], column: 1 };
      if (!entry.expected) {
        findings.push({
          ...at,
          code: 'signoff/unverified',
          severity: 'error',
          message: `The sign-off by ${entry.who} names no email, so git cannot show who wrote it.`,
          hint: 'Name the reviewer with their email under reviewers: in eis.config.yaml.',
        });
        continue;
      }
      const lines = range(entry.lines).map((n) => blame.get(n));
      const problem = lines.find((b) => !b || b.boundary || b.sha.startsWith('0000000') || b.email.toLowerCase() !== entry.expected!.toLowerCase());
      if (problem === undefined) {
        if (options.requireSigned)
          for (const sha of new Set(lines.map((b) => b!.sha))) {
            if (!signed.has(sha)) signed.set(sha, spawnSync('git', ['verify-commit', sha], { cwd: root, stdio: 'ignore' }).status === 0);
            if (!signed.get(sha))
              findings.push({
                ...at,
                code: 'signoff/unsigned',
                severity: 'error',
                message: `The sign-off by ${entry.who} was committed in ${sha.slice(0, 10)}, which has no signature git can verify.`,
                hint: 'Reviewers sign their commits (git commit -S) with a key git here trusts.',
              });
          }
        continue;
      }
      const message = !problem
        ? `The sign-off by ${entry.who} could not be traced in git.`
        : problem.sha.startsWith('0000000')
          ? `The sign-off by ${entry.who} is not committed, so git cannot show that ${entry.expected} wrote it.`
          : problem.boundary
            ? `The sign-off by ${entry.who} reaches past the history git has here (a shallow clone), so its author cannot be shown.`
            : `The sign-off by ${entry.who} was last written by ${problem.email} (commit ${problem.sha.slice(0, 10)}), not by the reviewer, ${entry.expected}.`;
      findings.push({
        ...at,
        code: 'signoff/unverified',
        severity: 'error',
        message,
        hint: problem?.boundary ? 'Fetch the whole history (actions/checkout with fetch-depth: 0).' : 'A sign-off counts only when its reviewer records it with eis signoff and commits it themselves.',
      });
    }
  };

  for (const statement of report.statements) {
    if (statement.findings.some((f) => f.fatal)) continue;
    const file = resolve(options.cwd, statement.file);
    const source = parse(file);
    if (!source) continue;
    let model: Questionnaire;
    try {
      model = questionnaireFor(source.data, known);
    } catch {
      continue;
    }
    const list = signoffList(model);
    if (!list) continue;
    const seq = source.doc.getIn(list.key.split('.'), true) as Node | undefined;
    if (!isSeq(seq)) continue;
    const policy = approvalPolicy(options.config);
    const decisions = decisionsOf(model, source.data, policy);
    verify(
      file,
      statement.file,
      decisions.map((d, i) => ({ who: d.name || 'an unnamed reviewer', expected: d.reviewer?.email ?? d.email, lines: lineRange(source, seq.items[i] as Node), path: d.path })),
    );
  }

  // Policy approvals in the config: the same proof.
  const config = options.config.file ? resolve(options.config.file) : undefined;
  const working = config ? parse(config) : undefined;
  if (config && working) {
    const seq = working.doc.getIn(['policyApprovals'], true) as Node | undefined;
    if (isSeq(seq))
      verify(
        config,
        displayPath(config, options.cwd),
        seq.items.map((item, i) => {
          const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : {};
          const email = typeof entry.email === 'string' ? entry.email : undefined;
          const reviewer = email ? findReviewer(options.config.reviewers, { email }) : undefined;
          return { who: reviewer?.name ?? email ?? 'someone', expected: reviewer?.email ?? email, lines: lineRange(working, item as Node), path: ['policyApprovals', i] };
        }),
      );
  }
  return findings;
}

function parse(file: string): YamlSource | undefined {
  try {
    return parseYamlSource(decodeLines(readBytes(file, 'statement'), file).text, file);
  } catch {
    return undefined;
  }
}

function lineRange(source: YamlSource, node: Node): [number, number] {
  const [start, , end] = node.range ?? [0, 0, 0];
  const first = source.lineCounter.linePos(start).line;
  // The range ends after the entry's last line break: the line before it is its last.
  const body = source.text.slice(start, end).replace(/\s+$/, '');
  return [first, source.lineCounter.linePos(start + body.length).line];
}

function range([a, b]: [number, number]): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Line number -> who last wrote it, for the given line ranges of a file as it is on disk. */
function blameLines(root: string, file: string, ranges: Array<[number, number]>): Map<number, Blamed> {
  const rel = relative(root, file).split(sep).join('/');
  const args = ['blame', '--porcelain', '--root', ...ranges.flatMap(([a, b]) => ['-L', `${a},${b}`]), '--', rel];
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = new Map<number, Blamed>();
  if (result.status !== 0) return lines; // untracked: every line unknown, reported as not traced
  const emails = new Map<string, string>();
  const boundaries = new Set<string>();
  let current: { sha: string; line: number } | undefined;
  for (const row of result.stdout.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      current = { sha: header[1]!, line: Number(header[2]) };
      continue;
    }
    if (!current) continue;
    if (row.startsWith('author-mail ')) emails.set(current.sha, row.slice('author-mail '.length).replace(/^<|>$/g, ''));
    else if (row === 'boundary') boundaries.add(current.sha);
    else if (row.startsWith('\t')) {
      lines.set(current.line, { sha: current.sha, email: emails.get(current.sha) ?? '', boundary: false });
      current = undefined;
    }
  }
  for (const blamed of lines.values()) blamed.boundary = boundaries.has(blamed.sha);
  return lines;
}
