// A finding of the check as the page lists it: where it is in words, and a link to the place.
import type { Questionnaire } from '../../questionnaire/model.js';
import { entryName } from '../../questionnaire/answers.js';
import type { RawFinding } from '../../findings/findings.js';
import { slug, type EntryAnchors } from './anchors.js';
import type { ListLookup } from './lookup.js';
import type { Sayer } from './say.js';

export interface FindingView {
  severity: 'error' | 'warning';
  /** "Error" or "Warning". */
  severityLabel: string;
  code: string;
  message: string;
  hint: string | null;
  /** Where it is, in words: "Populations › Affected populations › entry 2". */
  where: string;
  /** `#anchor` of the question or entry, when there is one. */
  href: string | null;
}

export function findingView(model: Questionnaire, lists: ListLookup, f: RawFinding, entryAnchors: EntryAnchors, { say }: Sayer): FindingView {
  const [s, q, index, fieldId] = f.path;
  const section = model.sections.find((x) => x.id === s);
  const question = section && typeof q === 'string' ? model.questions.get(`${s}.${q}`) : undefined;
  const where: string[] = [];
  let href: string | null = null;
  if (section) where.push(section.title);
  else if (s !== undefined) where.push(String(s));
  if (question) {
    where.push(question.label);
    href = `#q-${slug(section!.id)}-${slug(question.id)}`;
    if (typeof index === 'number' && question.type === 'list') {
      const entry = lists.entries(question.key)[index];
      where.push(`${say('entry_number', { number: index + 1 })}${entry ? ` (${entryName(question, entry)})` : ''}`);
      const entryAnchor = entry && typeof entry.id === 'string' ? entryAnchors.get(question.key)?.get(entry.id) : undefined;
      if (entryAnchor) href = `#${entryAnchor}`;
      const field = question.fields?.find((x) => x.id === fieldId);
      if (field) where.push(field.label);
    }
  } else if (q !== undefined) where.push(String(q));
  return {
    severity: f.severity,
    severityLabel: say(f.severity === 'error' ? 'error' : 'warning'),
    code: f.code,
    message: f.message,
    hint: f.hint ?? null,
    where: where.length ? where.join(' › ') : say('whole_statement'),
    href,
  };
}
