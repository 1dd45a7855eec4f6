// Every finding code eis can report, in one list: its default severity, what it means, when it
// fires, what to do, and whether the config's `rules` can change its severity. The producers
// still write each message (it names the question, the file, the reviewer); this list is what the
// documentation (docs/findings.md, generated from it), SARIF rules and the config check read.
// Codes with a tail that varies (a glossary term, a questionnaire rule id) are one entry, `x/*`.
import type { Severity } from './severity.js';

export type FindingArea = 'answers' | 'shape' | 'files' | 'review' | 'coverage' | 'policy' | 'language';

export interface CatalogueEntry {
  /** The code, or a family of codes written `prefix/*`. */
  readonly code: string;
  /** For a family: what the tail stands for (`term` in `lint/glossary/<term>`). */
  readonly tail?: string;
  readonly area: FindingArea;
  /** The severity it is reported with unless the config says otherwise. */
  readonly severity: Severity;
  /** When the severity depends on the case: how. */
  readonly severityVaries?: string;
  /** The file is not checked further and the run exits 2: always, or in the case described. */
  readonly fatal?: true | string;
  /** Whether `rules:` in eis.config.yaml can change its severity or turn it off. */
  readonly configurable: boolean;
  /** One line: what it means. */
  readonly title: string;
  /** When it fires, in more detail. */
  readonly when: string;
  /** The message as the producer writes it, with `<...>` for the parts that vary. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

export const FINDINGS = [
  // Answers: what a statement says, against its questionnaire.
  {
    code: 'required',
    area: 'answers',
    severity: 'error',
    configurable: true,
    title: 'A required question is not answered.',
    when: "A question the statement's level requires has no answer, a list has fewer entries than it needs, or a required field of a list entry is empty. Which questions are required can depend on the screening level and on other answers.",
    message: '"<question>" is required and not answered. / "<list>" needs at least <n> entries; it has <m>.',
    fix: 'Answer it with `eis answer`, or in the statement file; the hint shows the example answer when the questionnaire has one.',
  },
  {
    code: 'placeholder',
    area: 'answers',
    severity: 'error',
    severityVaries: 'error for a required question, warning for an optional one',
    configurable: true,
    title: 'An answer is a placeholder such as TBD.',
    when: "The whole answer is one of the questionnaire's placeholders (`TBD`, `N/A`, `TODO`, `?`, ... as listed under `placeholders:`), which does not count as an answer.",
    message: '"<question>" holds the placeholder "<placeholder>", which does not count as an answer.',
    fix: 'Write the answer, or say plainly why it does not apply; for an optional question, remove the line.',
  },
  {
    code: 'placeholder/inside',
    area: 'answers',
    severity: 'error',
    severityVaries: 'error for a required question, warning for an optional one',
    configurable: true,
    title: 'A free-text answer holds a placeholder such as TBD inside it.',
    when: 'A text or Markdown answer holds one of the placeholders inside longer text ("the cost is TBD."), so the answer is not finished.',
    message: '"<question>" holds the placeholder "<placeholder>" in "<excerpt>": the answer is not finished.',
    fix: 'Write what the placeholder stands for, or say plainly what is not known yet and when it will be.',
  },
  {
    code: 'reference/unknown',
    area: 'answers',
    severity: 'error',
    configurable: true,
    title: 'A reference names an entry that does not exist.',
    when: 'A reference answer (such as the populations a mitigation action addresses) names an id that is not an entry of the list it refers to.',
    message: '"<field>" refers to "<id>", which is not an entry of "<list>".',
    fix: 'Use one of the ids the hint lists, or add the entry to the list first.',
  },
  {
    code: 'rule/*',
    tail: 'id',
    area: 'answers',
    severity: 'error',
    severityVaries: "the rule's own `severity` in the questionnaire (error unless it says otherwise)",
    configurable: true,
    title: 'A rule of the questionnaire does not hold.',
    when: "A cross-question rule of the questionnaire (under `rules:` in its file) does not hold, such as a burden no mitigation addresses. The id after `rule/` is the rule's id; under `rules:` in the config it may be written with or without `rule/`.",
    message: "The rule's own `message`, with `{name}` and the entry's fields filled in; its `help` is the hint.",
    fix: "Do what the hint (the rule's `help`) says; `eis questions --format json` lists the questionnaire's rules.",
  },

  // The statement's shape: keys, types and formats.
  {
    code: 'schema/unknown-key',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: 'A key is not a question of the questionnaire.',
    when: 'A key of the statement is not a section, question or list-entry field of its questionnaire (often a typo, or a question renamed in a newer version).',
    message: '"<key>" is not a question of <questionnaire> in <section>; did you mean "<key>"?',
    fix: 'Rename it as suggested, or remove it; start its name with `x-` to keep it as a note of your own.',
  },
  {
    code: 'schema/unknown-choice',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: "An answer is not one of the question's choices.",
    when: 'A choice or multi-choice answer holds a value that is not one of the choices the questionnaire lists.',
    message: '<question>: "<value>" is not one of the choices; did you mean "<choice>"?',
    fix: 'Use one of the choice values as the questionnaire writes them (`eis questions --format json` lists them).',
  },
  {
    code: 'schema/type',
    area: 'shape',
    severity: 'error',
    fatal: 'when the whole statement is not a mapping',
    configurable: true,
    title: 'An answer has the wrong type.',
    when: 'An answer is of another kind than its question takes: text where a list is expected, a number for a text question, a section that is not a mapping, or a whole statement that is not a mapping of sections.',
    message: '<question> should be <kind>, not <kind>.',
    fix: 'Write the kind of answer the question takes; put text in quotes when YAML would read it as a number, date or yes/no.',
  },
  {
    code: 'schema/format',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: 'An answer is not written the way its type needs.',
    when: 'A date is not written YYYY-MM-DD, or an entry id is not lowercase letters, digits and "-".',
    message: '<question>: "<value>" is not <format>.',
    fix: 'Write it in the form the message names, such as 2027-06-30 for a date or limited-english-parents for an id.',
  },
  {
    code: 'schema/range',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: 'A number is outside the range the question allows.',
    when: 'A number answer is below the least or above the most the questionnaire allows.',
    message: '<question>: <value> is below the least allowed, <min>. / ... above the most allowed, <max>.',
    fix: 'Give a number within the range.',
  },
  {
    code: 'schema/invalid',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: 'An answer breaks a constraint of the questionnaire.',
    when: 'An answer breaks a constraint no more specific `schema/` code describes.',
    message: '<question>: <what is wrong>.',
    fix: 'Change the answer as the message says.',
  },
  {
    code: 'schema/missing-id',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: 'A list entry has no id.',
    when: 'An entry of a list question (such as a population group) has no `id:`, so nothing can refer to it.',
    message: 'Entry <n> of "<list>" has no id.',
    fix: 'Add `id:` with a short slug such as `limited-english-parents`.',
  },
  {
    code: 'schema/duplicate-id',
    area: 'shape',
    severity: 'error',
    configurable: true,
    title: 'Two entries of a list have the same id.',
    when: 'Two entries of one list question have the same `id:`, so a reference to it would be ambiguous.',
    message: 'Two entries of "<list>" have the id "<id>"; ids must be unique.',
    fix: 'Give one of them another id, and update the references to it.',
  },
  {
    code: 'schema/format-version',
    area: 'shape',
    severity: 'error',
    fatal: true,
    configurable: false,
    title: 'The statement is not in a file format this eis reads.',
    when: 'The `eis:` line at the top of the statement is not 1, the statement file format this version of eis reads.',
    message: '"eis" must be 1, the statement file format this version of eis reads.',
    fix: 'Write `eis: 1` at the top, or update eis if the statement was written by a newer one.',
  },

  // Files that cannot be checked at all. These are fatal: the run exits 2.
  {
    code: 'file/empty',
    area: 'files',
    severity: 'error',
    fatal: true,
    configurable: false,
    title: 'The statement file is empty.',
    when: 'A `*.eis.yaml` file holds nothing (or only comments).',
    message: 'The statement is empty.',
    fix: 'Fill it in with `eis answer`, or delete it.',
  },
  {
    code: 'file/yaml',
    area: 'files',
    severity: 'error',
    fatal: true,
    configurable: false,
    title: 'The file is not valid YAML.',
    when: 'The file has a YAML syntax error (a duplicate key, a bad indent, an unclosed quote), or expands aliases too many times.',
    message: '<what the YAML parser found>, at its line and column.',
    fix: 'Fix the YAML syntax at the line shown and run eis again.',
  },
  {
    code: 'file/unreadable',
    area: 'files',
    severity: 'error',
    fatal: true,
    configurable: false,
    title: 'The file cannot be read.',
    when: 'The file is missing, not a regular file, not UTF-8 text, too large, or cannot be opened.',
    message: 'The <file> <reason>.',
    fix: 'Do what the hint says: fix the path, the permissions or the encoding (save it as UTF-8).',
  },
  {
    code: 'file/questionnaire',
    area: 'files',
    severity: 'error',
    fatal: true,
    configurable: false,
    title: 'The statement does not name a questionnaire eis can use.',
    when: 'The statement has no `questionnaire:` line, it is not written id@version, eis does not know the questionnaire, or the version is newer than the one eis has or older with no migration.',
    message: 'The statement does not say which questionnaire it answers. / The statement answers <id>@<version>, ...',
    fix: "Write `questionnaire: equity-impact@1` (or the id@version of the config's questionnaire) at the top, as the hint says.",
  },
  {
    code: 'questionnaire/not-allowed',
    area: 'files',
    severity: 'error',
    fatal: true,
    configurable: false,
    title: 'The statement answers a questionnaire other than the one the config requires.',
    when: "The statement pins a questionnaire (such as the built-in one) that is not the one `questionnaire:` in eis.config.yaml names; the questionnaire is the config's to choose.",
    message: 'The statement answers questionnaire "<id>", but the config requires <id>@<version>.',
    fix: "Answer the config's questionnaire and change the statement's `questionnaire:` line to it.",
  },

  // Review and approval (docs/review.md).
  {
    code: 'approval/required',
    area: 'review',
    severity: 'error',
    configurable: true,
    title: 'The statement is not approved.',
    when: "A role the config requires at the statement's level has no current approval; reported at the status question, and saying so when the status claims `approved`. Also when the config names reviewers but the questionnaire has no sign-off list to record approvals in.",
    message: 'The statement is not approved: it needs an approval from "<role>". / The status says approved, but the statement still needs ...',
    fix: 'A reviewer named in eis.config.yaml records the approval with `eis signoff`; until then keep the status at in-review.',
  },
  {
    code: 'stale',
    area: 'review',
    severity: 'error',
    configurable: true,
    title: 'An approval no longer covers the statement.',
    when: 'A memo the statement covers changed, was added or is no longer covered, or the answers changed, since a reviewer approved it. In a git repository the message names the questions whose answers changed and the `eis diff` to run. An approval typed by hand, with no hashes, is stale too.',
    message: "<reviewer>'s approval of <date> no longer covers the statement: <what changed>.",
    fix: 'Ask the reviewer to review it again and record it with `eis signoff`.',
  },
  {
    code: 'approval/changes-requested',
    area: 'review',
    severity: 'error',
    configurable: true,
    title: "A reviewer's latest decision asks for changes.",
    when: 'The latest sign-off of a reviewer is a request for changes; the statement is not approved until they approve it.',
    message: '<reviewer> requested changes on <date>; the statement is not approved until they approve it.',
    fix: 'Make the changes, then ask the reviewer to review it again (`eis signoff`).',
  },
  {
    code: 'approval/unknown-reviewer',
    area: 'review',
    severity: 'error',
    configurable: true,
    title: 'A sign-off is by someone the config does not name as a reviewer.',
    when: 'A sign-off entry names a person who is not under `reviewers:` in eis.config.yaml; their decision does not count.',
    message: '<name> <email> is not a reviewer named in the config, so this <decision> does not count.',
    fix: 'Have a listed reviewer sign off; adding someone to `reviewers:` is a policy change.',
  },
  {
    code: 'signoff/unverified',
    area: 'review',
    severity: 'error',
    configurable: false,
    title: 'git cannot show that a sign-off was written by its reviewer.',
    when: 'With `--verify-signoffs`: a sign-off entry was last written by someone other than its reviewer, is not committed, names no email, or reaches past the history of a shallow clone.',
    message: 'The sign-off by <reviewer> was last written by <email> (commit <sha>), not by the reviewer, <email>.',
    fix: 'The reviewer records the sign-off with `eis signoff` and commits it themselves; in CI, fetch the whole history (fetch-depth: 0).',
  },
  {
    code: 'signoff/unsigned',
    area: 'review',
    severity: 'error',
    configurable: false,
    title: "A sign-off's commit has no signature git can verify.",
    when: 'With `--require-signed`: the commit that wrote a sign-off entry is not signed with a key git trusts here.',
    message: 'The sign-off by <reviewer> was committed in <sha>, which has no signature git can verify.',
    fix: 'Reviewers sign their commits (`git commit -S`) with a key git trusts.',
  },

  // Coverage: every initiative has its statement (docs/config.md).
  {
    code: 'coverage/missing',
    area: 'coverage',
    severity: 'error',
    configurable: false,
    title: 'An initiative has no equity impact statement.',
    when: 'A memo or initiative folder that the `initiatives:` globs of the config take has no statement where `statements:` says it should be.',
    message: 'This memo has no equity impact statement (expected <statement>).',
    fix: 'Create it with `eis new <memo-or-folder>`; if the memo was renamed, move its statement with `eis mv`.',
  },
  {
    code: 'coverage/uncovered',
    area: 'coverage',
    severity: 'error',
    configurable: true,
    title: 'A file looks like a memo, but no initiative glob takes it.',
    when: 'A `.md`, `.markdown` or `.docx` file lies under a folder a memo glob starts from, but no glob takes it, so it would need no statement. The message names the glob that nearly took it.',
    message: 'This looks like a memo, but no initiative glob takes it, so eis would not ask for its statement: <why>.',
    fix: 'Widen `initiatives.memos` in the config (the hint suggests a glob), or add the file to `initiatives.exclude` if it is not a memo.',
  },
  {
    code: 'coverage/glob-empty',
    area: 'coverage',
    severity: 'error',
    configurable: true,
    title: 'An initiative glob of the config matches nothing.',
    when: 'A memo or folder glob under `initiatives:` matches no file or folder (after `exclude`); reported at its line in eis.config.yaml, with a suggestion when a folder of a similar name exists.',
    message: 'The glob "<glob>" of initiatives.<memos|folders> matches no file.',
    fix: 'Fix the glob, or remove it; initiatives it misses need no statement.',
  },
  {
    code: 'coverage/orphan',
    area: 'coverage',
    severity: 'error',
    configurable: true,
    title: "A statement's memo is gone.",
    when: 'A statement named for a memo has no memo of that name beside it and none its memo list names: the memo was deleted, or renamed without its statement (git tells which).',
    message: "This statement's memo, <memo>, was renamed to <memo>; the statement still has the old name.",
    fix: 'If the memo moved, move the statement with it (`eis mv OLD NEW`); if it was withdrawn, delete the statement.',
  },

  // The policy the gate checks against (docs/ci.md).
  {
    code: 'policy/changed',
    area: 'policy',
    severity: 'warning',
    configurable: false,
    title: 'The branch changes the policy.',
    when: "With `--since` or `--policy-from`: the branch changes the config or the questionnaire in a way that only tightens them, or loosens them with a policy owner's approval. It takes effect once merged.",
    message: 'This branch changes the policy; it takes effect once merged: <changes>.',
    fix: 'Nothing, if the change is intended; reviewers see it in the report.',
  },
  {
    code: 'policy/loosened',
    area: 'policy',
    severity: 'error',
    configurable: false,
    title: 'The branch loosens the policy it is checked against.',
    when: "With `--since` or `--policy-from`: the branch loosens the config or the questionnaire (a rule turned off, a required question dropped, ...) and no policy owner named in the base branch's config approved it. The gate checks with the base's policy.",
    message: "This branch loosens the policy it is checked against, so the gate checks with <ref>'s: <changes>.",
    fix: 'A policy owner approves the change with `eis signoff --policy --decision approve`, or change the policy on the base branch itself.',
  },

  // Language (docs/lint.md). `eis check --lint` reports these as warnings.
  {
    code: 'lint/glossary/*',
    tail: 'term',
    area: 'language',
    severity: 'warning',
    severityVaries: "by the glossary entry's kind: harmful error; outdated, jargon and agency terms warning",
    configurable: true,
    title: 'A term of the glossary: a word to avoid, with what to write instead.',
    when: "The text uses a term of the built-in child-support glossary or of the config's `lint.glossary`; the tail is the entry's first term as a slug (`lint/glossary/deadbeat-parent`).",
    message: 'Instead of "<phrase>", write "<use>". / Avoid "<phrase>".',
    fix: "Write what the message suggests; the hint is the entry's `why`. Quote a term on purpose with a waiver comment (`eis-disable-next-line <term> -- why`).",
  },
  {
    code: 'lint/equality/*',
    tail: 'rule',
    area: 'language',
    severity: 'warning',
    configurable: true,
    title: 'Possibly insensitive wording.',
    when: 'retext-equality finds wording that may be insensitive or exclusive; the tail is its rule (`he-she`, `chairman-chairwoman`).',
    message: '"<phrase>" may be insensitive; consider "<alternative>".',
    fix: 'Use one of the alternatives, or waive it where the wording is right.',
  },
  {
    code: 'lint/profanity/*',
    tail: 'word',
    area: 'language',
    severity: 'error',
    severityVaries: 'error when the word is profane in every use, warning when it may be',
    configurable: true,
    title: 'A profane or offensive word.',
    when: 'retext-profanities finds a profane or possibly offensive word (words ordinary in child-support and equity writing are left out).',
    message: '"<word>" is profane. / "<word>" may be profane or offensive.',
    fix: 'Remove or replace the word; waive it where it is quoted.',
  },
  {
    code: 'lint/readability',
    area: 'language',
    severity: 'warning',
    configurable: true,
    title: 'A paragraph reads above the target grade level.',
    when: 'A paragraph of public text reads above `lint.grade` in the config (grade 8 unless it says otherwise). Statements are public and memos internal unless `lint.audience` or the file says otherwise; quotations are not graded.',
    message: 'This paragraph reads at about grade <n>; aim for grade <target> or below.',
    fix: 'Split long sentences and prefer short, everyday words; the hint quotes the hardest sentence.',
  },
  {
    code: 'lint/too-long',
    area: 'language',
    severity: 'error',
    configurable: true,
    title: 'A text is too long to read in full.',
    when: 'A memo or answer is longer than 100,000 characters; eis lint reads that much and reports where it stopped.',
    message: 'This text is <n> characters long; eis lint reads the first 100,000 at most, and did not read the rest, from here.',
    fix: 'Shorten the text (is it a pasted file?), or put long material in a document of its own.',
  },
] as const satisfies readonly CatalogueEntry[];

type Listed = (typeof FINDINGS)[number]['code'];
/** `lint/glossary/*` stands for `lint/glossary/` and any tail. */
type Expand<C> = C extends `${infer Prefix}/*` ? `${Prefix}/${string}` : C;

/** A code eis reports: one of FINDINGS, or a code of one of its families (`rule/burden-evidence`). */
export type FindingCode = Expand<Listed>;

export const FINDINGS_PAGE = 'docs/findings.md';

/** The page's anchor for an entry: `schema/unknown-key` -> `schema-unknown-key`, `rule/*` -> `rule`. */
export function findingAnchor(entry: Pick<CatalogueEntry, 'code'>): string {
  return entry.code.replace(/\/\*$/, '').replace(/[^a-z0-9]+/g, '-');
}

/** How an entry's code is written for people: `lint/glossary/<term>` for a family. */
export function shownCode(entry: Pick<CatalogueEntry, 'code' | 'tail'>): string {
  return entry.tail ? entry.code.replace(/\*$/, `<${entry.tail}>`) : entry.code;
}

const exact = new Map<string, CatalogueEntry>(FINDINGS.filter((e) => !e.code.endsWith('/*')).map((e) => [e.code, e]));
const families: CatalogueEntry[] = FINDINGS.filter((e) => e.code.endsWith('/*'));

/** The entry for a code as reported (`rule/burden-evidence` finds `rule/*`), or undefined. */
export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return exact.get(code) ?? families.find((f) => code.length > f.code.length - 1 && code.startsWith(f.code.slice(0, -1)));
}

export function isFindingCode(code: string): code is FindingCode {
  return catalogueEntry(code) !== undefined;
}

/** `docs/findings.md#<anchor>` for a code, or the page itself for a code not listed. */
export function findingDocLink(code: string): string {
  const entry = catalogueEntry(code);
  return entry ? `${FINDINGS_PAGE}#${findingAnchor(entry)}` : FINDINGS_PAGE;
}

/** The exact codes (no families). */
export function exactCodes(): string[] {
  return [...exact.keys()];
}

/** The family prefixes, without the trailing slash: `rule`, `lint/glossary`, ... */
export function familyPrefixes(): string[] {
  return families.map((f) => f.code.slice(0, -2));
}
