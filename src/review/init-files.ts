// The text of the files `eis init` writes. Pure: the command finds the memo folders and writes.

export interface InitChoices {
  /** Globs of memo files found in the repository, relative to the config. */
  memoGlobs: string[];
  /** Set by --eject: where the questionnaire and templates were copied, relative to the config. */
  questionnaire?: string;
  templates?: { md?: string; html?: string; partials?: string };
  /** The config's folder relative to the repository root ('' at the root), for CI steps. */
  subdir: string;
  version: string;
}

const quote = (s: string) => JSON.stringify(s);

export function configText(c: InitChoices): string {
  const memos = c.memoGlobs.length
    ? ['  # Memo files: the statement sits beside each one. eis init found memos in these folders.', '  memos:', ...c.memoGlobs.map((g) => `    - ${quote(g)}`)]
    : ['  # Memo files: the statement sits beside each one. eis init found no memo folder; name yours, e.g. "memos/**/*.{md,markdown,docx}".', '  memos: []'];
  const lines = [
    '# eis configuration: which questionnaire statements answer, which files must have one, and how',
    '# strict eis check is. Every setting is explained in docs/config.md of the eis package.',
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
    '  stale: error                       # approved, but the memo changed since the sign-off',
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
  const dir = c.subdir ? `\n    defaults:\n      run:\n        working-directory: ${quote(c.subdir)}` : '';
  return `# Checks equity impact statements on every pull request, and posts what changed in them as a
# comment. Written by eis init; see docs/ci.md of the eis package.
name: Equity impact statements

on:
  pull_request:

permissions:
  contents: read
  pull-requests: write

jobs:
  eis:
    runs-on: ubuntu-latest${dir}
    env:
      # The branch the pull request goes into, passed through the environment rather than pasted into scripts.
      BASE_REF: \${{ github.base_ref }}
    steps:
      - uses: actions/checkout@v4
        with:
          # --since and --git compare with the base branch, so the history is needed.
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --global eis@${c.version}

      # Annotations on the lines of the statements this pull request touches.
      - name: Check statements
        run: eis check --since "origin/$BASE_REF" --format github,text

      - name: Describe what changed in the statements
        id: diff
        if: \${{ !cancelled() }}
        run: |
          set +e
          eis diff --git "origin/$BASE_REF...HEAD" --format md --exit-code > "$RUNNER_TEMP/eis-diff.md"
          code=$?
          if [ "$code" -eq 1 ]; then echo "changed=true" >> "$GITHUB_OUTPUT"; elif [ "$code" -ne 0 ]; then exit "$code"; fi
          cat "$RUNNER_TEMP/eis-diff.md" >> "$GITHUB_STEP_SUMMARY"

      # Pull requests from forks get a read-only token: the summary above still shows the diff.
      - name: Comment on the pull request
        if: \${{ !cancelled() && steps.diff.outputs.changed == 'true' && github.event.pull_request.head.repo.full_name == github.repository }}
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
        run: gh pr comment "$PR" --body-file "$RUNNER_TEMP/eis-diff.md" --edit-last || gh pr comment "$PR" --body-file "$RUNNER_TEMP/eis-diff.md"
`;
}

export function preCommitText(c: InitChoices): string {
  return `# An example pre-commit (https://pre-commit.com) hook that checks statements before each commit.
# Copy the hook into your .pre-commit-config.yaml (or rename this file to it). Written by eis init;
# see docs/ci.md of the eis package.
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
