// Offsets into a text and the lines they fall on: found by binary search over line starts (or any
// sorted list of starts), for the lint reporters and the YAML position readers alike.

/** Offsets of the start of each line (after each LF), for turning offsets into line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The index of the last start at or before `offset` (0 when `offset` comes before them all). */
export function startAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
