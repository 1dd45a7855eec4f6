// Trends per month from the repository's history. The edge walks git; this holds the shape.
export interface TrendMonth {
  /** YYYY-MM */
  month: string;
  /** Statements first added in the month. */
  created: number;
  /** Statements whose status became approved in the month. */
  approved: number;
  /** Approved statements whose answers changed in the month without a new approval. */
  stale: number;
  /** At the month's end: statements whose review date had passed. */
  overdue: number;
}

export interface Trends {
  months: TrendMonth[];
}
