// A fast read of YAML for the common case: a clean file that needs no positions. js-yaml is about
// eight times faster than the yaml Document API; its scalars are made to resolve exactly as the
// yaml library's YAML 1.2 core schema does (same patterns, same values), and anything unusual
// (anchors, aliases, tags, directives, a parse error) is left to the full parser in source.ts.
import jsyaml from 'js-yaml';

const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsyaml.Type(tag, { kind: 'scalar', resolve: (text: string | null) => text !== null && test.test(text), construct: (text: string) => construct(text) });

// The yaml library's core schema (yaml/dist/schema/core and common/null), in its order.
const schema = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (t: string | null) => t === null || /^(?:~|[Nn]ull|NULL)?$/.test(t), construct: () => null }),
    scalar('tag:yaml.org,2002:bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'),
    scalar('tag:yaml.org,2002:int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (t) => (t.startsWith('0o') ? parseInt(t.slice(2), 8) : t.startsWith('0x') ? parseInt(t.slice(2), 16) : parseInt(t, 10))),
    scalar(
      'tag:yaml.org,2002:float',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : /inf$/i.test(t) ? (t[0] === '-' ? -Infinity : Infinity) : parseFloat(t)),
    ),
  ],
});

/** Anything the fast read does not handle the same way: anchors, aliases, tags, directives. */
const UNUSUAL = /(?:^|[\s[{,])[&*!][^\s]|^%|\t/m;

/** The file's data, or undefined when the full parser must read it. */
export function fastParse(text: string): { data: unknown } | undefined {
  if (UNUSUAL.test(text)) return undefined;
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
