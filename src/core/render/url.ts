// Which link targets may reach a rendered page. Browsers forgive a lot in a URL (entities, control
// characters, mixed case, whitespace), so the scheme is read the way a browser would read it.
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', amp: '&', nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for relative links, fragments and http(s)/mailto; false for javascript:, data:, vbscript: and the rest. */
export function isSafeUrl(url: string): boolean {
  let text = url;
  // Decode twice: "&amp;#106;" survives one round of decoding as "&#106;".
  for (let i = 0; i < 2; i++) text = percentDecode(decodeEntities(text));
  // eslint-disable-next-line no-control-regex
  const normalized = text.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  if (normalized.startsWith('//') || normalized.startsWith('\\')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized);
  if (!scheme) return !/^[^/?#]*:/.test(normalized);
  return ALLOWED_SCHEMES.has(scheme[1]!);
}
