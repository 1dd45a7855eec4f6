// How much one page may cost to render. Templates come from the repository, that is from pull
// requests, and Handlebars compiles them to JavaScript that eis cannot step through: two
// `{{#each}}` loops inside each other print the square of a list, four print its fourth power, and a
// partial that calls another twice, forty deep, runs 2^40 times while printing nothing. Such a
// template once rendered for hours, or grew a page of 2 GB and crashed.
//
// Handlebars multiplies work in two places only: a loop runs its block once per item (`{{#each}}`,
// and `{{#list}}` over a list, which Handlebars hands to `each`), and a partial runs its template
// each time it is called. (`if`, `unless` and `with` run their block at most once; eis's own helpers
// take no block.) environment.ts wraps both so that each run of a block or a partial is a *frame*
// counted here, and the helpers' results are counted as they are made. Everything else a frame
// prints is the template's own text and values of the view, so its cost is bounded by the size of
// the template; and a frame is checked when it ends. So these bounds hold for any template:
// - steps: the number of frames per page;
// - depth: how deep frames nest (a partial that calls itself);
// - characters: each character of the page is counted once, in the innermost frame that printed it;
// - time: when a clock is given, checked at the end of every frame.
// The page and the step budget grow with the view, so that no statement eis can read (up to 10 MB)
// is refused with its own templates; a template that multiplies is stopped at a small multiple of
// what the statement holds.
import { EisError } from '../errors.js';

export interface RenderLimits {
  /** The most characters of one page. */
  chars: number;
  /** The most loop iterations and partial calls for one page. */
  steps: number;
  /** How deep loops and partials may nest. */
  depth: number;
  /** Milliseconds for one page, when `now` is given. */
  ms: number;
  /** A clock in milliseconds; the core has none of its own. */
  now?: (() => number) | undefined;
}

/** What a view holds: the characters of its strings and the items of its lists. */
export interface ViewSize {
  chars: number;
  items: number;
}

/** Documented in docs/templates.md ("Limits"). */
export const BASE_CHARS = 10_000_000;
export const CHARS_PER_VIEW_CHAR = 2;
export const BASE_STEPS = 1_000_000;
export const STEPS_PER_ITEM = 4;
export const MAX_DEPTH = 64;
export const MAX_MS = 60_000;

/** The limits for one page of this view. */
export function limitsFor(size: ViewSize, now?: () => number): RenderLimits {
  return { chars: BASE_CHARS + CHARS_PER_VIEW_CHAR * size.chars, steps: BASE_STEPS + STEPS_PER_ITEM * size.items, depth: MAX_DEPTH, ms: MAX_MS, now };
}

/** Where a frame starts: the template's file, and the line and column when Handlebars gives them. */
export interface FrameSite {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** `{{#each}}` or `{{> name}}`, for the message. */
  what: string;
}

export class RenderBudget {
  private steps = 0;
  private chars = 0;
  /** Per open frame, the characters its inner frames and helpers printed (counted already). */
  private readonly inner: number[] = [0];
  private readonly deadline: number | undefined;

  constructor(private readonly limits: RenderLimits) {
    this.deadline = limits.now ? limits.now() + limits.ms : undefined;
  }

  /**
   * Runs one frame: a loop's block for one item, or one partial. `site` is asked for only when a
   * limit is reached, so that finding a line costs nothing on the way.
   */
  frame(site: () => FrameSite, run: () => unknown): unknown {
    if (++this.steps > this.limits.steps)
      this.fail(site, `the template runs loops and partials more than ${count(this.limits.steps)} times for one page`, 'Loops or partials inside each other multiply: loop over each list once.');
    if (this.inner.length > this.limits.depth) this.fail(site, `loops and partials nest more than ${this.limits.depth} deep`, 'A partial probably includes itself.');
    this.inner.push(0);
    let out: unknown;
    try {
      out = run();
    } finally {
      this.settle(typeof out === 'string' ? out.length : 0, this.inner.pop()!);
    }
    this.check(site);
    if (this.deadline !== undefined && this.limits.now!() > this.deadline)
      this.fail(site, `the template took more than ${this.limits.ms / 1000} seconds for one page`, 'Loops or partials inside each other multiply: loop over each list once.');
    return out;
  }

  /** Counts what a helper made (a joined list can be long), at once rather than when its frame ends. */
  made(site: () => FrameSite, value: unknown): void {
    if (typeof value !== 'string') return;
    this.settle(value.length, 0);
    this.check(site);
  }

  /** A frame or helper printed `length` characters, `inner` of them counted already. */
  private settle(length: number, inner: number): void {
    this.chars += Math.max(0, length - inner);
    this.inner[this.inner.length - 1]! += length;
  }

  private check(site: () => FrameSite): void {
    if (this.chars > this.limits.chars) this.tooLong(site);
  }

  tooLong(site: () => FrameSite): never {
    return this.fail(site, `the template makes a page of more than ${count(this.limits.chars)} characters`, 'Loops or partials inside each other multiply what they print: loop over each list once.');
  }

  private fail(at: () => FrameSite, message: string, hint: string): never {
    const site = at();
    throw new EisError(`${message} (stopped at ${site.what}).`, { file: site.file, line: site.line, column: site.column, hint: `${hint} See "Limits" in docs/templates.md.` });
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
