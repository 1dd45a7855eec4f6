// A stale approval names the answers that changed since it was given, as eis diff would: the
// statement as it stood when the approval was committed is read from git and compared with now.
import { relative, resolve, sep } from 'node:path';
import type { CheckReport } from '../../core/findings/findings.js';
import { questionnaireFor } from '../../core/statement/pin.js';
import { statementData } from '../../core/statement/change.js';
import { readStatementText } from '../files/read-statement.js';
import { signoffList } from '../../core/review/conventions.js';
import { unhashedQuestions } from '../review/memo-hash.js';
import { changedQuestions, decisionsOf, type ApprovalPolicy } from '../../core/review/approval.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { git } from './run.js';
import { repoRoot } from './repo.js';

const ANSWERS_CHANGED = 'the answers changed';

export function explainStaleAnswers(report: CheckReport, cwd: string, known: (id: string) => Questionnaire | undefined, policy: ApprovalPolicy): void {
  let root: string;
  try {
    root = repoRoot(cwd);
  } catch {
    return; // outside git the message stays as it is
  }
  for (const statement of report.statements) {
    const stale = statement.findings.filter((f) => f.code === 'stale' && f.message.includes(ANSWERS_CHANGED));
    if (!stale.length) continue;
    try {
      const file = resolve(cwd, statement.file);
      const data = readStatementText(file).data;
      const model = questionnaireFor(data, known);
      const rel = relative(root, file).split(sep).join('/');
      const decisions = decisionsOf(model, data, policy);
      const exclude = { signoff: signoffList(model)?.key, status: unhashedQuestions(model) };
      for (const finding of stale) {
        const decision = decisions.find((d) => d.path.join('.') === finding.path.join('.'));
        if (!decision?.answersHash) continue;
        // The oldest commit that added this hash to the file is the one that recorded the approval.
        const commits = git(['log', '--format=%H', '-S', decision.answersHash, '--', rel], root).trim().split('\n').filter(Boolean);
        const commit = commits[commits.length - 1];
        if (!commit) continue;
        const before = statementData(git(['show', `${commit}:${rel}`], root), `${commit.slice(0, 10)}:${rel}`);
        const changed = changedQuestions(model, before, data, exclude);
        if (changed.length) finding.message = finding.message.replace(ANSWERS_CHANGED, `the answers changed (${changed.join(', ')}; see eis diff --git ${commit.slice(0, 10)} ${statement.file})`);
      }
    } catch {
      // An explanation is a courtesy: the finding stands without it.
    }
  }
}
