// Small numbers in public outputs: a count from 1 to below the threshold could point at a handful
// of statements (and the people behind them), so it shows as "fewer than N". Zero stays zero.

/** The threshold to apply, or undefined when the output is not public. */
export type Suppression = number | undefined;

export function countText(n: number, below: Suppression): string {
  return below !== undefined && n > 0 && n < below ? `fewer than ${below}` : String(n);
}

/** A count for JSON: the number, or the words that replace it in a public output. */
export function countValue(n: number, below: Suppression): number | string {
  return below !== undefined && n > 0 && n < below ? `fewer than ${below}` : n;
}
