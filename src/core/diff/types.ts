// What a diff of two statements is, as data. The formats (text, md, json) only lay this out.
export type Op = 'added' | 'removed' | 'changed';

/** A run of a word diff: unchanged text, or text that was added or removed. */
export interface WordPart {
  text: string;
  op?: 'added' | 'removed';
}

/** One value before and after, as people read it (choice labels, entry names, Yes/No). */
export interface ValueChange {
  op: Op;
  before?: string | undefined;
  after?: string | undefined;
  /** Text and Markdown answers: the word diff. */
  words?: WordPart[];
  /** Answers with several values (multi-choice, references): what came and went. */
  added?: string[];
  removed?: string[];
}

export interface AnswerChange extends ValueChange {
  kind: 'answer';
  /** `section.question`. */
  key: string;
  label: string;
  type: string;
}

export interface FieldChange extends ValueChange {
  id: string;
  label: string;
  type: string;
}

/** A list entry, matched by its `id`: added, removed, or changed field by field. */
export interface EntryChange {
  kind: 'entry';
  key: string;
  /** The list's label. */
  list: string;
  id: string;
  name: string;
  op: Op;
  fields: FieldChange[];
}

export type Change = AnswerChange | EntryChange;

export interface SectionDiff {
  id: string;
  title: string;
  changes: Change[];
}

/** What a concern is about; each kind but `statement-deleted` comes from one rule in concern-rules.ts. */
export type ConcernKind =
  | 'flagged-entry'
  | 'flagged-removed'
  | 'evidence-removed'
  | 'burden-justified'
  | 'addressing-removed'
  | 'addressing-narrowed'
  | 'action-later'
  | 'review-later'
  | 'status-back'
  | 'level-down'
  | 'signoff-added'
  | 'signoff-edited'
  | 'signoff-removed'
  | 'statement-deleted';

/** A change a reviewer should look at first. */
export interface Concern {
  kind: ConcernKind;
  message: string;
  /** `section.question` it is about, when there is one. */
  key?: string;
  /** The list entry's id, when it is about one. */
  entry?: string | undefined;
}

export interface ComputedChange extends ValueChange {
  id: string;
  label: string;
}

export interface StatementDiff {
  /** The statement's path (the new one when renamed, the old one when deleted). */
  file: string;
  /** The old path, when the statement was renamed. */
  oldFile?: string | undefined;
  change: 'added' | 'deleted' | 'modified' | 'renamed';
  title?: string | undefined;
  /** `id@version` of the questionnaire both sides answer. */
  questionnaire: string;
  concerns: Concern[];
  computed: ComputedChange[];
  sections: SectionDiff[];
}

/** True when the statement came, went, moved or its answers differ (comments and layout alone do not count). */
export function hasChanges(diff: StatementDiff): boolean {
  return diff.change !== 'modified' || diff.computed.length > 0 || diff.sections.some((s) => s.changes.length > 0);
}
