// What a new statement knows before anyone is asked: the memo's title (its first heading), that it
// is a memo, and what the config's registry says of an initiative. Written into the skeleton, so
// the interview does not ask for what the files already say; the author can still change it.
import { stringify } from 'yaml';
import type { Questionnaire } from '../questionnaire/model.js';

export interface Prefill {
  title?: string | undefined;
  kind?: string | undefined;
  division?: string | undefined;
}

/**
 * The memo's title: a `title:` in its front matter, or its first heading (`# Title`, or a line
 * underlined with `===`), without Markdown emphasis. Undefined when it has none.
 */
export function memoTitle(text: string): string | undefined {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(body);
  if (front) {
    const title = /^title:[ \t]*(.+)$/m.exec(front[1]!)?.[1];
    if (title) return clean(title.replace(/^(['"])(.*)\1$/, '$2'));
    body = body.slice(front[0].length);
  }
  const lines = body.split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const atx = /^\s{0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return clean(atx[1]!);
    if (line.trim() && /^\s{0,3}=+\s*$/.test(lines[i + 1] ?? '')) return clean(line);
  }
  return undefined;
}

/** A paragraph of a Word memo, as src/edge/files/word.ts reads it. */
export interface WordParagraph {
  text: string;
  /** Whether Word styles it as a heading (Title, Heading 1 to 9). */
  heading: boolean;
}

/** A Word memo's title: its first heading. Undefined when it has none. */
export function wordTitle(paragraphs: WordParagraph[]): string | undefined {
  const heading = paragraphs.find((p) => p.heading && p.text.trim());
  return heading && clean(heading.text);
}

function clean(title: string): string | undefined {
  const text = title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, 200) : undefined;
}

/**
 * The answers a skeleton starts with, as YAML under the section of the questionnaire's title
 * question: the title, and a kind or division only where the questionnaire has such a question
 * and (for a choice) such a value.
 */
export function prefillYaml(model: Questionnaire, prefill: Prefill): string {
  return answersYaml(prefillAnswers(model, prefill));
}

/** The skeleton's answers by section and question, as prefillYaml writes them. */
export type PrefilledAnswers = Record<string, Record<string, string>>;

export function answersYaml(answers: PrefilledAnswers): string {
  return Object.keys(answers).length ? stringify(answers) : '';
}

export function prefillAnswers(model: Questionnaire, prefill: Prefill): PrefilledAnswers {
  const [section, titleKey] = (model.roles.title ?? '').split('.');
  if (!section || !titleKey) return {};
  const out: PrefilledAnswers = {};
  const put = (key: string, value: string | undefined) => {
    const question = model.questions.get(key);
    if (!question || value === undefined || (question.choices && !question.choices.some((c) => c.value === value))) return;
    const [s, q] = key.split('.') as [string, string];
    (out[s] ??= {})[q] = value;
  };
  put(`${section}.${titleKey}`, prefill.title);
  put(`${section}.kind`, prefill.kind);
  put(`${section}.division`, prefill.division);
  // A new statement is a draft: its status changes with review (eis signoff), not in the interview.
  if (model.roles.status) put(model.roles.status, 'draft');
  return out;
}
