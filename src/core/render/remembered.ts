// Answers repeat across statements, and the questionnaire's help and descriptions are the same in
// every one: a pure conversion of text remembers its results for the run, so that each distinct
// text is converted once. Bounded, so that a huge batch of statements cannot grow it without end.
export function remembered(convert: (text: string) => string, max = 20_000): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let result = seen.get(text);
    if (result === undefined) {
      result = convert(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, result);
    }
    return result;
  };
}
