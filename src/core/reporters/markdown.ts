// Text from statements inside Markdown that GitHub renders (pull-request comments, status pages).

/** Shows text as written inside a GitHub comment (also inside a table cell). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|~#!])/g, '\\$1')
      // An @ that could start a mention, even across word-diff runs, never notifies anyone.
      .replace(/@/g, '@\u200b')
      .replace(/\r?\n/g, '<br>')
  );
}
