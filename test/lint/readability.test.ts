// Reading grade per paragraph, from retext-readability's seven formulas.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root, Sentence } from 'nlcst';
import { MIN_PARAGRAPH_WORDS, paragraphGrade, sentenceGrade } from '../../src/core/lint/readability.js';
import { lintDocument } from '../../src/core/lint/document.js';
import { lintOptions } from './helpers.js';

const parse = (text: string) => unified().use(retextEnglish).parse(text) as Root;
const firstSentence = (text: string) => (parse(text).children[0] as { children: Sentence[] }).children.find((c) => c.type === 'SentenceNode')!;

const plain = 'We pay you on time. You get a text two days before. You can stop the texts at any time. Call us if you need help. We can talk in your language.';
const dense =
  'Notwithstanding the aforementioned administrative determinations, the department shall endeavour to facilitate comprehensive reconsideration of enforcement remedies affecting noncustodial obligors with substantiated inability to remit court-ordered financial obligations.';

describe('sentence grade', () => {
  it('is low for short everyday sentences and high for dense legal ones', () => {
    expect(sentenceGrade(firstSentence('You can stop the texts at any time.'))).toBeLessThanOrEqual(4);
    expect(sentenceGrade(firstSentence(dense))).toBeGreaterThanOrEqual(18);
  });

  it('is the lowest grade at which retext-readability accepts the sentence', async () => {
    const { default: retextReadability } = await import('retext-readability');
    const sentence = firstSentence('Current rules allow suspension once past-due support reaches more than thirty days.');
    const grade = sentenceGrade(sentence)!;
    const flagged = (g: number) => {
      let hit = false;
      (retextReadability({ age: g + 5 }) as unknown as (t: Root, f: unknown) => void)(
        { type: 'RootNode', children: [{ type: 'ParagraphNode', children: [sentence] }] },
        {
          message: () => {
            hit = true;
            return {};
          },
        },
      );
      return hit;
    };
    expect(flagged(grade)).toBe(false);
    expect(flagged(grade - 1)).toBe(true);
  });

  it('is not given for sentences under five words', () => {
    expect(sentenceGrade(firstSentence('Notwithstanding administrative determinations.'))).toBeUndefined();
  });
});

describe('paragraph grade', () => {
  it('weights sentences by their length, and names the hardest', () => {
    const result = paragraphGrade(parse(`${plain} ${dense}`))!;
    const easy = paragraphGrade(parse(`${plain} ${plain}`))!;
    expect(easy.grade).toBeLessThanOrEqual(4);
    expect(result.grade).toBeGreaterThan(easy.grade);
    expect(result.hardest.opening).toBe('Notwithstanding the aforementioned administrative determinations, the department shall…');
    expect(result.hardest.grade).toBeGreaterThanOrEqual(result.grade);
  });

  it(`is not given for paragraphs under ${MIN_PARAGRAPH_WORDS} words`, () => {
    expect(
      paragraphGrade(
        parse(
          `${dense
            .split(' ')
            .slice(0, MIN_PARAGRAPH_WORDS - 2)
            .join(' ')}.`,
        ),
      ),
    ).toBeUndefined();
  });
});

// Readability applies to public text; memos are internal unless they or the config say otherwise.
const publicText = () => lintOptions({ audience: { memos: 'public', statements: 'public' } });

describe('readability findings', () => {
  it('report a paragraph above the target at its first word, and none for one below', () => {
    const text = `# Notice\n\n${plain}\n\n- ${dense}\n  ${dense}\n`;
    const findings = lintDocument(text, 'markdown', 'memo.md', publicText()).findings.filter((f) => f.code === 'lint/readability');
    expect(findings.map((f) => [f.line, f.column, f.severity])).toEqual([[5, 3, 'warning']]);
    expect(findings[0].message).toMatch(/^This paragraph reads at about grade (1\d|2\d); aim for grade 8 or below\.$/);
  });

  it('follow the configured grade', () => {
    const text = `${plain} Parents who pay support can choose to get a text message three days before a payment is due, and a confirmation when it posts.`;
    const grades = [4, 6, 8, 12].map(
      (grade) => lintDocument(text, 'text', 'memo.txt', lintOptions({ grade, audience: { memos: 'public', statements: 'public' } })).findings.filter((f) => f.code === 'lint/readability').length,
    );
    expect(grades[0]).toBe(1);
    expect(grades[3]).toBe(0);
    expect([...grades].sort((a, b) => b - a)).toEqual(grades);
  });

  it('are not given for headings and table cells', () => {
    const text = `# ${dense}\n\n| a |\n| - |\n| ${dense} |\n`;
    expect(lintDocument(text, 'markdown', 'memo.md', publicText()).findings.filter((f) => f.code === 'lint/readability')).toEqual([]);
  });
});
