// A fast read of YAML for the common case: a clean file that needs no positions. js-yaml is about
// eight times faster than the yaml Document API; its scalars are made to resolve exactly as the
// yaml library's YAML 1.2 core schema does (same patterns, same values), and anything unusual
// (anchors, aliases, tags, directives, a parse error) is left to the full parser in source.ts.
import jsyaml from 'js-yaml';

// `first` lists the characters a match can start with: most scalars are prose, and one character
// code says they are not numbers or booleans without running the pattern.
const scalar = (tag: string, first: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsyaml.Type(tag, {
    kind: 'scalar',
    resolve: (text: string | null) => text !== null && text.length > 0 && first.includes(text[0]) && test.test(text),
    construct: (text: string) => construct(text),
  });

// The yaml library's core schema (yaml/dist/schema/core and common/null), in its order.
const schema = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (t: string | null) => t === null || (t.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(t)), construct: () => null }),
    scalar('tag:yaml.org,2002:bool', 'tTfF', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'),
    scalar('tag:yaml.org,2002:int', '-+0123456789', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (t) => (t.startsWith('0o') ? parseInt(t.slice(2), 8) : t.startsWith('0x') ? parseInt(t.slice(2), 16) : parseInt(t, 10))),
    scalar(
      'tag:yaml.org,2002:float',
      '-+.0123456789',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : /inf$/i.test(t) ? (t[0] === '-' ? -Infinity : Infinity) : parseFloat(t)),
    ),
  ],
});

/** The file's data, or undefined when the full parser must read it. */
export function fastParse(text: string): { data: unknown } | undefined {
  if (unusual(text)) return undefined;
  try {
    const data = jsyaml.load(text, { schema, json: false });
    if (hasUnusualKey(data)) return undefined;
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}

/** Keys that resolve to null, booleans or numbers (`null:`, `1.0:`) become strings differently in
 * js-yaml ("null", "1") and the yaml library ("", "1.0"); and YAML caps an implicit key at 1024
 * characters, which only the full parser enforces. Such keys are rare: the full parser reads them. */
const SCALAR_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+.0-9].*|)$/;

function hasUnusualKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasUnusualKey(item)) return true;
    return false;
  }
  for (const key in value) {
    if (key.length > 1024 || SCALAR_KEY.test(key)) return true;
    if (hasUnusualKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

const CANDIDATE = /[&*!%\t]/g;
const SPACE = /\s/;
const BEFORE_INDICATOR = /[\s[{,]/;

/**
 * Anything the fast read does not handle the same way: an anchor, alias or tag (`&`, `*` or `!`
 * at the start of a line or after a space, `[`, `{` or `,`, and followed by a non-space), a
 * directive (`%` at the start of a line) or a tab. The same as the pattern
 * /(?:^|[\s[{,])[&*!][^\s]|^%|\t/m, but it looks only at those few characters, where the pattern
 * tried every position of every file.
 */
export function unusual(text: string): boolean {
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const i = match.index;
    const c = text[i];
    if (c === '\t') return true;
    const before = i === 0 ? '\n' : text[i - 1];
    if (c === '%') {
      if (before === '\n' || before === '\r' || before === '\u2028' || before === '\u2029') return true;
    } else if (BEFORE_INDICATOR.test(before) && i + 1 < text.length && !SPACE.test(text[i + 1])) return true;
  }
  return false;
}
