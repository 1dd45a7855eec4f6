// docs/findings.md, written from the catalogue (npm run docs:findings). A test holds the checked-in
// page to what this writes, so the page cannot drift from the codes eis reports.
import { FINDINGS, findingAnchor, shownCode, type CatalogueEntry, type FindingArea } from './catalogue.js';

const AREAS: Record<FindingArea, { title: string; intro: string }> = {
  answers: { title: 'Answers', intro: 'What a statement says, checked against its questionnaire by `eis check`, `eis render` and `eis new`.' },
  shape: { title: 'The shape of a statement', intro: 'Keys, types and formats: what the statement file must look like for its questionnaire.' },
  files: { title: 'Files eis cannot check', intro: 'The file is not checked further and the run exits 2, whatever the config says.' },
  review: { title: 'Review and approval', intro: 'Whether reviewers approved the statement as it is now ([review.md](review.md)).' },
  coverage: { title: 'Coverage', intro: 'Every initiative has its statement, with initiative globs in the config ([config.md](config.md#coverage-memos-no-glob-takes-and-statements-left-behind)).' },
  policy: { title: 'The policy the gate checks against', intro: 'With `eis check --since REF` or `--policy-from REF` ([ci.md](ci.md#what-the-gate-guarantees)).' },
  language: { title: 'Language', intro: 'From `eis lint`, and from `eis check --lint`, which reports them all as warnings ([lint.md](lint.md)).' },
};

export function findingsMarkdown(): string {
  const entries: readonly CatalogueEntry[] = FINDINGS;
  const out: string[] = [
    '# Findings',
    '',
    '<!-- Written by `npm run docs:findings` from src/core/findings/catalogue.ts: change that file, not this one. -->',
    '',
    'Every finding eis reports has a code, shown at the end of its line (`placeholder`,',
    '`schema/unknown-key`, `lint/glossary/obligor`), a severity and a message that names the question,',
    'file or reviewer it is about. An **error** fails the check (exit 1); a **warning** fails it only',
    'with `--strict`. A *fatal* finding means the file could not be checked at all (exit 2).',
    '',
    '## Changing severities',
    '',
    'Under `rules:` in eis.config.yaml, set a code to `error`, `warning` or `off`. A key is one of:',
    '',
    '- a code below whose severity can be changed (`placeholder: warning`);',
    '- a code of a family, with its tail (`lint/glossary/obligor: off`);',
    '- for `eis lint`, a group of codes (`lint`, `lint/glossary`, `lint/equality`, `lint/profanity`):',
    '  the most specific key wins;',
    '- a rule of the questionnaire, with or without `rule/` (`rule/burden-evidence` or `burden-evidence`);',
    '- a note of your own, starting with `x-`, which eis ignores.',
    '',
    'Any other key is an error at its line, with the closest code suggested. Rule ids are checked',
    'against the questionnaire the config names, once it is read:',
    '',
    '```',
    'eis: eis.config.yaml:18:3: "placeholdr" under rules is neither a finding code nor a rule of equity-impact@1; did you mean "placeholder"? See docs/findings.md for the codes; eis questions --format json lists the rules.',
    '```',
    '',
    'Some severities are fixed: a file eis cannot read, a missing statement, a sign-off git cannot',
    "verify and the gate's own findings cannot be set under `rules`.",
    '',
    '## All codes',
    '',
    '| code | severity | under `rules` | what it means |',
    '| --- | --- | --- | --- |',
    ...entries.map((e) => `| [\`${shownCode(e)}\`](#${findingAnchor(e)}) | ${severityCell(e)} | ${e.configurable ? 'yes' : 'fixed'} | ${inline(e.title)} |`),
  ];
  for (const [area, { title, intro }] of Object.entries(AREAS) as Array<[FindingArea, (typeof AREAS)[FindingArea]]>) {
    out.push('', `## ${title}`, '', intro);
    for (const e of entries.filter((x) => x.area === area)) out.push('', ...section(e));
  }
  return `${out.join('\n')}\n`;
}

function section(e: CatalogueEntry): string[] {
  const severity = [e.severityVaries ? inline(e.severityVaries) : `**${e.severity}**`];
  if (e.fatal) severity.push(e.fatal === true ? 'fatal' : `fatal ${inline(e.fatal)}`);
  severity.push(e.configurable ? 'can be changed under `rules`' : 'cannot be changed under `rules`');
  return [
    `<a id="${findingAnchor(e)}"></a>`,
    '',
    `### \`${shownCode(e)}\``,
    '',
    inline(e.title),
    '',
    `- Severity: ${severity.join('; ')}.`,
    `- When: ${inline(e.when)}`,
    `- Message: ${e.message.includes('`') ? inline(e.message) : `\`${e.message}\``}`,
    `- What to do: ${inline(e.fix)}`,
  ];
}

function severityCell(e: CatalogueEntry): string {
  const other = e.severity === 'error' ? 'warning' : 'error';
  return `${e.severity}${e.severityVaries ? ` or ${other}` : ''}${e.fatal === true ? ', fatal' : ''}`;
}

/** Text for Markdown: `<word>` outside code spans would be read as HTML, and `|` would end a table cell. */
function inline(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|')))
    .join('`');
}
