// Number agreement for glossary replacements: "obligors" should be offered "parents who pay
// support", not "parent who pays support". Replacements are short noun phrases ("parent who pays
// support", "immigrant without legal status", "noncitizen or immigrant"), so a few English rules
// cover them; an entry whose replacement they get wrong gives `usePlural` in the glossary.

const IRREGULAR: Record<string, string> = { child: 'children', person: 'people', man: 'men', woman: 'women', foot: 'feet' };
const ALREADY_PLURAL = new Set(Object.values(IRREGULAR));
// Words after the head noun of a replacement: a relative clause or a prepositional phrase.
const RELATIVE = new Set(['who', 'that', 'which']);
const AFTER_HEAD = new Set([...RELATIVE, 'whose', 'where', 'with', 'without', 'of', 'for', 'from', 'in', 'on', 'at', 'by', 'to', 'under', 'apart']);
const ADVERB = /^(?:not|still|also|often|never|always|already|\w+ly)$/;
const VERB: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do' };

export function pluralNoun(word: string): string {
  const lower = word.toLowerCase();
  if (ALREADY_PLURAL.has(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular) return word.charAt(0) === word.charAt(0).toUpperCase() && word !== lower ? irregular.charAt(0).toUpperCase() + irregular.slice(1) : irregular;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** "pays" -> "pay", "receives" -> "receive", "was" -> "were": the verb after a plural subject. */
function pluralVerb(word: string): string {
  const lower = word.toLowerCase();
  if (VERB[lower]) return VERB[lower];
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z|o)es$/.test(lower)) return word.slice(0, -2);
  if (/[^s]s$/.test(lower)) return word.slice(0, -1);
  return word;
}

function pluralNounPhrase(phrase: string): string {
  const words = phrase.split(' ');
  const k = words.findIndex((w, i) => i > 0 && AFTER_HEAD.has(w.toLowerCase()));
  const head = k === -1 ? words.length - 1 : k - 1;
  words[head] = pluralNoun(words[head]!);
  if (k !== -1 && RELATIVE.has(words[k]!.toLowerCase())) {
    let verb = k + 1;
    while (verb < words.length - 1 && ADVERB.test(words[verb]!)) verb++;
    if (verb < words.length) words[verb] = pluralVerb(words[verb]!);
  }
  // "a description of..." -> "descriptions of...".
  if (head > 0 && /^an?$/i.test(words[head - 1]!)) words.splice(head - 1, 1);
  return words.join(' ');
}

/**
 * A replacement phrase made plural: "parent who pays support" -> "parents who pay support". An
 * aside in parentheses or after a semicolon is kept as it is; "X or Y" becomes "Xs or Ys".
 */
export function pluralPhrase(phrase: string): string {
  const cut = phrase.search(/\s\(|;/);
  const main = cut === -1 ? phrase : phrase.slice(0, cut);
  const rest = cut === -1 ? '' : phrase.slice(cut);
  const words = main.trim().split(/\s+/);
  if (!words.length || !words[0]) return phrase;
  const simple = !words.some((w) => AFTER_HEAD.has(w.toLowerCase()));
  const plural = simple ? main.trim().split(/ or /).map(pluralNounPhrase).join(' or ') : pluralNounPhrase(words.join(' '));
  return plural + rest;
}

/**
 * Whether the words found are a plural of the glossary term that matched: the term's last word
 * with an added "s" or "es" (the glossary matches these without listing them), or a term that is
 * itself an irregular plural ("illegitimate children").
 */
export function isPluralForm(found: string, term: string): boolean {
  const letters = (text: string) =>
    text
      .toLowerCase()
      .replace(/['’]s?$/, '')
      .replace(/[^a-z0-9]/g, '');
  const f = letters(found);
  const t = letters(term);
  if (f.length > t.length && /^e?s$/.test(f.slice(t.length))) return true;
  const last = term.trim().split(/\s+/).pop()!.toLowerCase();
  return ALREADY_PLURAL.has(last);
}
