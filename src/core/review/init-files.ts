// The text of the files `eis init` writes. Pure: the command finds the memo folders and writes.
import { PACKAGE_NAME } from '../version.js';

export interface InitChoices {
  /** Globs of memo files found in the repository, relative to the config. */
  memoGlobs: string[];
  /** Set by --eject: where the questionnaire and templates were copied, relative to the config. */
  questionnaire?: string;
  templates?: { md?: string | undefined; html?: string | undefined; partials?: string | undefined };
  /** The config's folder relative to the repository root ('' at the root), for CI steps. */
  subdir: string;
  version: string;
  /** The GitHub Action the workflow uses, OWNER/REPO@REF (--action). */
  action: string;
}

/** The eis GitHub Action (action.yml at the root of the eis repository), at its major version. */
export const DEFAULT_ACTION = 'equity-impact-statements/eis@v1';

/** OWNER/REPO@REF, OWNER/REPO/PATH@REF, or ./PATH for an action inside the repository itself. */
export const ACTION_REF = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._/-]+)?@[A-Za-z0-9._/-]+|\.\/[A-Za-z0-9._/-]*)$/;

const quote = (s: string) => JSON.stringify(s);

export function configText(c: InitChoices): string {
  const memos = c.memoGlobs.length
    ? ['  # Memo files: the statement sits beside each one. eis init found memos in these folders.', '  memos:', ...c.memoGlobs.map((g) => `    - ${quote(g)}`)]
    : ['  # Memo files: the statement sits beside each one. eis init found no memo folder; name yours, e.g. "memos/**/*.{md,markdown,docx}".', '  memos: []'];
  const lines = [
    '# eis configuration: which questionnaire statements answer, which files must have one, and how',
    '# strict eis check is. Every setting is explained in docs/config.md of the npm package',
    `# ${PACKAGE_NAME}.`,
    '',
    '# A built-in questionnaire id, or the path of a questionnaire file.',
    `questionnaire: ${c.questionnaire ? quote(c.questionnaire) : 'equity-impact'}`,
    '',
    '# Initiatives that must each have a statement: eis check and eis status report any without one.',
    'initiatives:',
    ...memos,
    '  # Initiative folders: the statement sits inside each one, e.g. "initiatives/*/".',
    '  folders: []',
    '  # Never initiatives (case does not matter). Files under the folders above that look like memos',
    '  # (.md, .markdown, .docx) and that no glob takes are reported, unless they are excluded here.',
    '  exclude:',
    '    - "**/README.md"',
    '    - "**/CHANGELOG.md"',
    '',
    '# Where statements are expected.',
    'statements:',
    '  memo: "{name}.eis.yaml"            # memos/child-care-credit.md -> memos/child-care-credit.eis.yaml',
    '  folder: "equity-impact.eis.yaml"   # initiatives/portal/ -> initiatives/portal/equity-impact.eis.yaml',
    '',
    '# Severity per finding code or rule id: error, warning or off.',
    'rules:',
    '  review-overdue: warning',
    '  stale: error                       # approved, but the memo or an answer changed since the sign-off',
    '',
    '# Who may approve statements, and in which roles (like CODEOWNERS): eis signoff takes the reviewer',
    '# from git config user.email, and eis check --verify-signoffs holds each sign-off to their commit.',
    "# Until reviewers are named here, anyone's sign-off counts. See docs/review.md.",
    'reviewers: []',
    '#  - name: Morgan Lee',
    '#    email: morgan.lee@example.gov',
    '#    roles: [equity-office]',
    '',
    '# Which roles must approve a statement at each screening level (an empty list: none needed).',
    '# Without it, one approval by any reviewer is needed.',
    '# approvals:',
    '#   none: [equity-office]',
    '#   brief: [equity-office]',
    '#   full: [equity-office, language-access]',
    '',
    '# Who may approve a change to this file or to the questionnaire (eis signoff --policy). In the',
    '# pull-request gate this file is read from the base branch: a branch cannot loosen it alone.',
    'policyOwners: []',
    '',
    "# The agency's own lists, which questions take as their choices (divisions, languages,",
    '# engagement-bodies, reviewer-roles), and the standard data is broken down by. See',
    '# docs/config.md, "Vocabularies".',
    '# vocabularies:',
    '#   divisions: [Customer Services Division, Policy and Program Division]',
    '#   languages: [English, Spanish, Chinese, Vietnamese]',
    '# disaggregation:',
    '#   categories:',
    '#     - { value: race-ethnicity, label: Race and ethnicity, subgroups: [Black, Latino, Asian, White] }',
    '#   suppressBelow: 11',
  ];
  if (c.templates && (c.templates.md || c.templates.html || c.templates.partials)) {
    lines.push('', '# Templates for eis render, copied here by eis init --eject to be edited.', 'templates:');
    for (const key of ['md', 'html', 'partials'] as const) if (c.templates[key]) lines.push(`  ${key}: ${quote(c.templates[key]!)}`);
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

export const ATTRIBUTES = ['*.eis.yaml diff=eis', '*.eis.yml diff=eis'];
export const TEXTCONV = 'eis render --format md';

export function workflowText(c: InitChoices): string {
  const dir = c.subdir ? `\n          # Where eis.config.yaml is.\n          working-directory: ${quote(c.subdir)}` : '';
  return `# Checks equity impact statements on every pull request, and posts what changed in them as a
# comment. Written by eis init; see docs/ci.md of the npm package ${PACKAGE_NAME}.
name: Equity impact statements

on:
  pull_request:

permissions:
  contents: read
  pull-requests: write

jobs:
  eis:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          # eis compares with the base branch, so the history is needed.
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Annotations on the lines of the statements the pull request touches, and what changed in
      # them in the job summary and as a comment (pull requests from forks get the summary only).
      # Its inputs: docs/ci.md of the npm package ${PACKAGE_NAME}, "The GitHub Action".
      - uses: ${c.action}
        with:
          # The exact eis to install: a new release changes nothing until this line does.
          version: ${quote(c.version)}
          github-token: \${{ github.token }}${dir}
`;
}

export function preCommitText(c: InitChoices): string {
  return `# An example pre-commit (https://pre-commit.com) hook that checks statements before each commit.
# Copy the hook into your .pre-commit-config.yaml (or rename this file to it). Written by eis init;
# see docs/ci.md of the npm package ${PACKAGE_NAME}.
repos:
  - repo: local
    hooks:
      - id: eis-check
        name: Check equity impact statements
        # Only what changed since the last commit: staged, unstaged and new files.
        entry: eis${c.subdir ? ` --config ${c.subdir}/eis.config.yaml` : ''} check --since HEAD${c.subdir ? ` ${c.subdir}` : ''}
        language: system
        files: '\\.(eis\\.ya?ml|md)$'
        pass_filenames: false
`;
}
