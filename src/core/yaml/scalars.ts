// How the yaml library's YAML 1.2 core schema reads a plain scalar (yaml/dist/schema/core and
// common/null, in its order): null, booleans, integers, floats, else the text itself. Shared by the
// fast readers so that they give the same values as the full parser.

export const NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
export const INT = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/;
export const FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

// Most scalars are prose: one character code says they are not null, booleans or numbers without
// running a pattern over them.
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const mayBeBool = (c: number): boolean => c === 116 || c === 84 || c === 102 || c === 70; // t T f F
const mayBeInt = (c: number): boolean => isDigit(c) || c === 45 || c === 43; // - +
const mayBeFloat = (c: number): boolean => mayBeInt(c) || c === 46; // .

export const constructBool = (t: string): boolean => t[0] === 't' || t[0] === 'T';
export const constructInt = (t: string): number => (t.startsWith('0o') ? parseInt(t.slice(2), 8) : t.startsWith('0x') ? parseInt(t.slice(2), 16) : parseInt(t, 10));
export const constructFloat = (t: string): number => (t.slice(-3).toLowerCase() === 'nan' ? NaN : /inf$/i.test(t) ? (t[0] === '-' ? -Infinity : Infinity) : parseFloat(t));

export const isNull = (t: string): boolean => t.length <= 4 && NULL.test(t);
export const isBool = (t: string): boolean => t.length >= 4 && t.length <= 5 && mayBeBool(t.charCodeAt(0)) && BOOL.test(t);
export const isInt = (t: string): boolean => t.length > 0 && mayBeInt(t.charCodeAt(0)) && INT.test(t);
export const isFloat = (t: string): boolean => t.length > 0 && mayBeFloat(t.charCodeAt(0)) && FLOAT.test(t);

/** The value of a plain scalar. */
export function resolvePlain(text: string): unknown {
  if (isNull(text)) return null;
  if (isBool(text)) return constructBool(text);
  if (isInt(text)) return constructInt(text);
  if (isFloat(text)) return constructFloat(text);
  return text;
}
