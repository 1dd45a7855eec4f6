// Anchors in the page: one per section, question and list entry, each handed out once, so that
// findings and references can link to them.
import type { Questionnaire } from '../../questionnaire/model.js';
import { entriesOf } from '../../questionnaire/answers.js';
import { sectionAnswers } from './lookup.js';

/** Gives the anchor wanted, or null when it is taken already. */
export type AnchorMaker = (wanted: string) => string | null;

/** Entry ids by list (`section.question`), each with its anchor (null when taken). */
export type EntryAnchors = Map<string, Map<string, string | null>>;

export function anchorMaker(): AnchorMaker {
  const anchors = new Set<string>();
  return (wanted) => {
    if (anchors.has(wanted)) return null;
    anchors.add(wanted);
    return wanted;
  };
}

/** An anchor-safe form of an id. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'x';
}

/** The anchors of every list entry: made before any other, so that references can link to them. */
export function entryAnchorsOf(model: Questionnaire, answers: Record<string, unknown>, anchor: AnchorMaker): EntryAnchors {
  const entryAnchors: EntryAnchors = new Map();
  for (const section of model.sections)
    for (const q of section.questions) {
      if (q.type !== 'list') continue;
      const map = new Map<string, string | null>();
      for (const entry of entriesOf(sectionAnswers(answers, section)[q.id]))
        if (typeof entry.id === 'string' && !map.has(entry.id)) map.set(entry.id, anchor(`e-${slug(section.id)}-${slug(q.id)}-${slug(entry.id)}`));
      entryAnchors.set(q.key, map);
    }
  return entryAnchors;
}
