// Reading answers out of a statement's data, whatever shape it has: a section or a list that is
// not what it should be reads as empty (the check reports it).
import type { Section } from '../../questionnaire/model.js';
import { entriesOf, isPlainObject, type Entry } from '../../questionnaire/answers.js';

export function sectionAnswers(answers: Record<string, unknown>, section: Section): Record<string, unknown> {
  const value = answers[section.id];
  return isPlainObject(value) ? value : {};
}

/** The answer to `section.question`. */
export function getList(answers: Record<string, unknown>, key: string): unknown {
  const [s, q] = key.split('.') as [string, string];
  const section = answers[s];
  return isPlainObject(section) ? section[q] : undefined;
}

/** The entries of a statement's lists, each list read once. */
export interface ListLookup {
  /** The entries (mappings) of the list `section.question`. */
  entries(key: string): Entry[];
  /** The first entry of the list `section.question` with this id. */
  byId(key: string, id: string): Entry | undefined;
}

/**
 * A view asks for a list's entries for every finding and every reference in it: reading the list
 * again each time made rendering quadratic in list sizes (30,000 actions naming populations took
 * minutes). Built for one statement's answers, which do not change while its view is made.
 */
export function listLookup(answers: Record<string, unknown>): ListLookup {
  const lists = new Map<string, Entry[]>();
  const ids = new Map<string, Map<string, Entry>>();
  const entries = (key: string): Entry[] => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = entriesOf(getList(answers, key))));
    return list;
  };
  return {
    entries,
    byId(key, id) {
      let byId = ids.get(key);
      if (!byId) {
        byId = new Map();
        for (const entry of entries(key)) if (typeof entry.id === 'string' && !byId.has(entry.id)) byId.set(entry.id, entry);
        ids.set(key, byId);
      }
      return byId.get(id);
    },
  };
}
