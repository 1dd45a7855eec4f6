// Fixed phrases in which a word that retext-equality or a glossary flags on its own is a term of
// art: "simple interest" is a way to figure interest, not a condescending "simple". A finding that
// lies wholly inside one of these is not reported. Plurals and possessives of the last word, and
// any spacing, match as glossary terms do.
export const COMPOUND_TERMS: readonly string[] = [
  // Interest on past-due support, and votes.
  'simple interest',
  'compound interest',
  'simple majority',
  // Statistics in equity analysis.
  'simple random sample',
  'simple random sampling',
  'simple average',
  'simple regression',
  // Legal terms.
  'simple assault',
  'fee simple',
  'just cause',
  'just compensation',
  'head of household',
  'maternity leave',
  'paternity leave',
  'mother tongue',
];
