// Who a text is written for. Readability targets are for text the public reads; a memo to a
// director is read by colleagues who know the subject, and holding it to grade 8 only makes noise.
// The config sets the default per kind; a memo says otherwise in its front matter
// (`audience: internal`) or in a comment (`<!-- eis-audience internal -->`), a statement in its
// `x-lint-audience` key.
import { EisError } from '../errors.js';
import { lineStarts, positionAt } from './view.js';

/** Who reads a text: the public (reading grade applies) or colleagues (it does not). */
export type Audience = 'public' | 'internal';

export const AUDIENCES: readonly Audience[] = ['public', 'internal'];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

/** A stated audience, as written, and where it was written (an offset in the text). */
export interface StatedAudience {
  value: string;
  offset: number;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** `audience:` in a Markdown memo's YAML front matter. */
export function frontMatterAudience(text: string): StatedAudience | undefined {
  const front = FRONT_MATTER.exec(text);
  if (!front) return undefined;
  const line = /^audience:[ \t]*(["']?)([^"'#\n]*?)\1[ \t]*(?:#.*)?$/m.exec(front[1]!);
  if (!line) return undefined;
  // front[1] starts after the opening "---" line.
  const start = front[0].indexOf('\n') + 1 + line.index + line[0].indexOf(line[2]!, 'audience:'.length);
  return { value: line[2]!, offset: start };
}

/** `eis-audience internal` (or `eis-audience: internal`) in the body of an HTML comment. */
export function commentAudience(body: string): string | undefined {
  const m = /^\s*eis-audience(?=[\s:=]|$)[\s:=]*([^\s]*)/.exec(body);
  return m ? m[1]!.replace(/^["']|["']$/g, '') : undefined;
}

/** The stated audience, or an error at the place it is written when it is neither public nor internal. */
export function checkedAudience(stated: StatedAudience, text: string, file: string): Audience {
  if (isAudience(stated.value)) return stated.value;
  const { line, column } = positionAt(text, lineStarts(text), stated.offset);
  throw new EisError(`the audience must be "public" or "internal", not "${stated.value}".`, {
    file,
    line,
    column,
    hint: 'Readability is checked for public text only; see docs/lint.md.',
  });
}
