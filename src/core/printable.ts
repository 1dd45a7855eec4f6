// Text from input (a key, a file name, an answer, a message that quotes one) as eis prints it for
// people: in a terminal and in a CI log. A control character in it would act instead of showing:
// a newline followed by `::error::` or `::add-mask::` is a GitHub workflow command, ESC starts a
// sequence that clears the screen or hides a link (OSC 8). Each is shown as a visible escape
// (`\n`, `\x1b`, `\u2028`), so the text reads as written and does nothing.

// C0 but tab, DEL, C1, and the Unicode line and paragraph separators (JavaScript and some
// terminals break lines at them).
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g;
const CONTROL_BUT_NEWLINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\x1b': '\\x1b' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One line of printable text: every control character but tab shown as a visible escape.
 * With `lines`, the text may span lines (an answer shown under its label): `\n` and `\r\n`
 * stay line breaks, every other control is escaped, and a line that would read as a workflow
 * command (`::name` or the older `##[name]`, after any indentation, as the runner trims it) has its
 * first character escaped.
 */
export function printable(text: string, options: { lines?: boolean } = {}): string {
  if (!options.lines) return text.replace(CONTROL, visible);
  return visibleControls(text).replace(/^(\s*)(:(?=:)|#(?=#\[))/gm, (_all, indent: string, first: string) => `${indent}\\x${first.charCodeAt(0).toString(16)}`);
}

/** Every control character but tab and the line break `\n` (`\r\n` becomes `\n`) as a visible escape. */
export function visibleControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_BUT_NEWLINE, visible);
}
