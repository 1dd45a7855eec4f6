// Reading grade per paragraph. retext-readability judges one sentence at a time against a target
// age, by the consensus of seven formulas (Automated Readability, Coleman-Liau, Dale-Chall, Flesch,
// Gunning Fog, SMOG, Spache). A sentence fails a target when at least four of the seven put it
// above; so the lowest target it passes is the median of the seven estimates: its grade. A
// paragraph's grade is the mean of its sentences' grades, weighted by their length in words.
import retextReadability from 'retext-readability';
import type { Root, Sentence, Node as NlcstNode, Parent } from 'nlcst';

/** Sentences shorter than this are not judged, as in retext-readability. */
export const MIN_WORDS = 5;
/** Readability formulas say little about a few words: shorter paragraphs are not judged. */
export const MIN_PARAGRAPH_WORDS = 30;
const MAX_GRADE = 24;
// retext-readability works in ages; US grade = age - 5.
const AGE_OFFSET = 5;

type Transformer = (tree: Root, file: never) => void;
const byGrade: Transformer[] = [];
function transformerFor(grade: number): Transformer {
  return (byGrade[grade] ??= retextReadability({ age: grade + AGE_OFFSET, minWords: MIN_WORDS }) as unknown as Transformer);
}

/** True when retext-readability finds the sentence harder than `grade`. */
function harderThan(sentence: Sentence, grade: number): boolean {
  let hit = false;
  const file = {
    message: () => {
      hit = true;
      return {};
    },
  } as never;
  transformerFor(grade)({ type: 'RootNode', children: [{ type: 'ParagraphNode', children: [sentence] }] }, file);
  return hit;
}

/** The lowest grade a sentence passes at, or undefined for one too short to judge. */
export function sentenceGrade(sentence: Sentence): number | undefined {
  if (wordCount(sentence) < MIN_WORDS) return undefined;
  let lo = 0;
  let hi = MAX_GRADE;
  if (harderThan(sentence, hi)) return MAX_GRADE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (harderThan(sentence, mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ParagraphGrade {
  grade: number;
  /** The hardest sentence: its grade, where it starts in the text, and its opening words. */
  hardest: { grade: number; offset: number; opening: string };
}

/** The word-weighted mean grade of the sentences in a tree, or undefined when none can be judged. */
export function paragraphGrade(tree: Root): ParagraphGrade | undefined {
  let words = 0;
  let weighted = 0;
  let hardest: ParagraphGrade['hardest'] | undefined;
  const sentences = sentencesOf(tree);
  if (sentences.reduce((n, s) => n + wordCount(s), 0) < MIN_PARAGRAPH_WORDS) return undefined;
  for (const sentence of sentences) {
    const grade = sentenceGrade(sentence);
    if (grade === undefined) continue;
    const n = wordCount(sentence);
    words += n;
    weighted += grade * n;
    if (!hardest || grade > hardest.grade) hardest = { grade, offset: sentence.position?.start.offset ?? 0, opening: opening(sentence) };
  }
  if (!hardest || words < MIN_PARAGRAPH_WORDS) return undefined;
  return { grade: Math.round(weighted / words), hardest };
}

function sentencesOf(node: NlcstNode): Sentence[] {
  if (node.type === 'SentenceNode') return [node as Sentence];
  return 'children' in node ? (node as Parent).children.flatMap((child) => sentencesOf(child)) : [];
}

function wordCount(node: NlcstNode): number {
  if (node.type === 'WordNode') return 1;
  return 'children' in node ? (node as Parent).children.reduce((n, child) => n + wordCount(child), 0) : 0;
}

/** The text of a node (nlcst-to-string, without another dependency). */
export function nodeText(node: NlcstNode): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node as Parent).children.map((child) => nodeText(child)).join('') : '';
}

function opening(sentence: Sentence): string {
  const words = nodeText(sentence)
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim()
    .split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}
