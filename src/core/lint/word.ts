// Linting a Word memo. A .docx has no lines a reader can go to, so its findings name the paragraph
// (counted as Word shows them, empty ones left out) and the heading it sits under. The paragraphs
// are linted as plain text, one paragraph to a line with a blank line between them, so that a
// finding's line says its paragraph and its column the character within it. Pure: paragraphs in.
import { lintDocument, type LintOptions, type LintResult } from './document.js';
import type { LintFinding } from './suppress.js';
import type { WordParagraph } from '../statement/prefill.js';

/** Non-empty paragraphs, each on one line, separated by blank lines. */
export function wordText(paragraphs: WordParagraph[]): { text: string; kept: WordParagraph[] } {
  const kept = paragraphs.filter((p) => p.text.trim()).map((p) => ({ ...p, text: p.text.replace(/[\r\n\u2028\u2029]/g, ' ') }));
  return { text: kept.map((p) => p.text).join('\n\n'), kept };
}

export function lintWordDocument(paragraphs: WordParagraph[], file: string, options: LintOptions): LintResult {
  const { text, kept } = wordText(paragraphs);
  // The heading above each paragraph (for a heading, the one above it).
  const under: Array<string | undefined> = [];
  let current: string | undefined;
  for (const p of kept) {
    under.push(current);
    if (p.heading) current = p.text.replace(/\s+/g, ' ').trim();
  }
  const place = <T extends LintFinding>(f: T): T => {
    const index = Math.floor((f.line - 1) / 2);
    const heading = under[index];
    return { ...f, line: index + 1, paragraph: index + 1, ...(heading ? { heading } : {}) };
  };
  const result = lintDocument(text, 'text', file, options);
  return { findings: result.findings.map(place), suppressed: result.suppressed.map(place) };
}
