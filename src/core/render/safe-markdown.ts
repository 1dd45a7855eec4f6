// Answers put into Markdown output. A rendered .md file is viewed on GitHub, in editors and in
// other previewers, some of which render raw HTML: so raw HTML in answers is escaped to show as
// text, links with unsafe targets lose their target, and headings inside answers move below the
// question's own heading, and the answer is closed (src/core/markdown/escape.ts) so that it cannot
// take in what follows it. The Markdown itself (emphasis, lists, safe links) is kept.
import { Marked, type Token } from 'marked';
import { mdBlock, mdText } from '../markdown/escape.js';
import { remembered } from './remembered.js';
import { isSafeUrl } from './url.js';

const lexer = new Marked({ gfm: true, async: false });

/** Markdown source from an answer, made safe to include in a Markdown document. */
export const neutralizeMarkdown = remembered(neutralize);

function neutralize(source: string): string {
  let text = source.replace(/\r\n?/g, '\n');
  text = dropUnsafeLinks(text);
  // Every "<" that could open a tag, comment or declaration is escaped, inside code too: telling
  // code from prose exactly as every previewer would is error-prone, and a code sample that shows
  // "&lt;" is a small price for never letting HTML through.
  return mdBlock(text.replace(/<(?!(?:https?:\/\/|mailto:)[^\s<>]*>)(?=[a-z/!?])/gi, '&lt;'));
}

/** Plain text (a title, a choice label, a short answer) as literal text in Markdown. */
export const markdownText = remembered((text: string) => mdText(text, { document: true }));

function dropUnsafeLinks(text: string): string {
  const unsafe: Array<{ raw: string; replacement: string }> = [];
  lexer.walkTokens(lexer.lexer(text), (token: Token) => {
    if ((token.type === 'link' || token.type === 'image') && !isSafeUrl(token.href)) unsafe.push({ raw: token.raw, replacement: token.type === 'image' ? `[image: ${token.text}]` : token.text });
  });
  for (const { raw, replacement } of unsafe) text = text.split(raw).join(replacement);
  // Reference definitions with unsafe targets are dropped; links to them become plain text above.
  return text.replace(/^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$/gm, (line, url: string) => (isSafeUrl(url) ? line : ''));
}
