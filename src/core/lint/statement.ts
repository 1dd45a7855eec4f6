// Linting the written answers of a statement: every text and Markdown answer the questionnaire
// defines, including the fields of list entries, with findings placed on the YAML file's own line
// and column (inside block scalars too). Pure: the parsed YAML and the questionnaire in, findings out.
import { isScalar, type Scalar } from 'yaml';
import type { Field, Questionnaire } from '../questionnaire/model.js';
import { entriesOf, isPlainObject } from '../questionnaire/answers.js';
import { positionOf, type YamlSource } from '../yaml/source.js';
import { EisError } from '../errors.js';
import { analyzeTexts, MAX_ANALYSED_CHARS, type Audience } from './analyze.js';
import { checkedAudience, isAudience } from './audience.js';
import { directivesOf, place, type LintOptions, type LintResult } from './document.js';
import { contentStart, scalarMap } from './scalar-map.js';
import { parseDirective, waiverFor, type Directive } from './suppress.js';
import { lineStarts, positionAt } from './view.js';

/** The analysed part of an answer, the spaces after it and the first character of the rest. */
const MAPPED_CHARS = MAX_ANALYSED_CHARS + 1002;

export interface Answer {
  path: Array<string | number>;
  field: Field;
  value: string;
}

/** The text and Markdown answers of a statement, in questionnaire order. */
export function writtenAnswers(model: Questionnaire, data: unknown): Answer[] {
  if (!isPlainObject(data)) return [];
  const answers: Answer[] = [];
  const written = (f: Field) => f.type === 'text' || f.type === 'markdown';
  for (const section of model.sections) {
    const answersOfSection = data[section.id];
    if (!isPlainObject(answersOfSection)) continue;
    for (const question of section.questions) {
      const value = answersOfSection[question.id];
      if (written(question) && typeof value === 'string') answers.push({ path: [section.id, question.id], field: question, value });
      if (question.type === 'list' && Array.isArray(value))
        value.forEach((entry, index) => {
          if (!entriesOf([entry]).length) return;
          for (const field of question.fields ?? []) {
            const v = (entry as Record<string, unknown>)[field.id];
            if (written(field) && typeof v === 'string') answers.push({ path: [section.id, question.id, index, field.id], field, value: v });
          }
        });
    }
  }
  return answers;
}

export function lintStatement(source: Pick<YamlSource, 'doc' | 'lineCounter' | 'data' | 'text'>, model: Questionnaire, file: string, options: LintOptions): LintResult {
  const starts = lineStarts(source.text);
  const result: LintResult = { findings: [], suppressed: [] };
  const answers = writtenAnswers(model, source.data);
  const scalarRanges: Array<[number, number]> = [];
  const located = answers.flatMap((answer) => {
    const node = source.doc.getIn(answer.path, true);
    if (!isScalar(node) || !node.range) return [];
    const scalar = node as Scalar;
    const [nodeStart, valueEnd] = node.range;
    scalarRanges.push([contentStart(source.text, nodeStart, scalar.type), valueEnd]);
    // Only the part analysed needs places (and the lint/too-long finding just past it): a map of
    // every character of a 9 MB answer would cost more memory than all the rest.
    const mapped = answer.value.length > MAPPED_CHARS ? answer.value.slice(0, MAPPED_CHARS) : answer.value;
    return [{ answer, map: scalarMap(mapped, source.text, nodeStart, valueEnd, scalar.type), keyLine: positionOf(source, answer.path).line }];
  });
  const directives = yamlDirectives(source.text, starts, scalarRanges);

  const analyses = analyzeTexts(
    located.map(({ answer }) => ({ text: answer.value, kind: answer.field.type === 'markdown' ? 'markdown' : 'text' })),
    { ...options, audience: statementAudience(source, file) ?? options.audience.statements },
  );
  located.forEach(({ answer, map, keyLine }, n) => {
    const analysis = analyses[n]!; // one analysis per located answer
    const stated = analysis.statedAudience;
    if (stated) checkedAudience({ value: stated.value, offset: map[stated.offset]! }, source.text, file);
    const bare = answer.value.replace(/\s+/g, ' ').trim().toLowerCase();
    // An answer that is nothing but the words (a record of language replaced, a label) mentions
    // them rather than uses them.
    const hits = analysis.hits.filter((h) => h.code === 'lint/readability' || h.phrase.toLowerCase() !== bare);
    // Comments inside a Markdown answer, placed on the file's lines like everything else.
    const inner = directivesOf(
      // MAPPED_CHARS covers every offset a comment or hit can have.
      analysis.comments.map((c) => ({ ...c, start: map[c.start]!, end: map[c.end]! })),
      source.text,
      starts,
    );
    const placed = place(
      hits,
      options,
      (hit) => ({ file, path: answer.path, ...positionAt(source.text, starts, map[hit.start]!) }),
      (hit, line) => waiverFor(hit, line, [...inner, ...directives], []) ?? waiverFor(hit, keyLine, directives, options.ignore),
    );
    result.findings.push(...placed.findings);
    result.suppressed.push(...placed.suppressed);
  });
  const byPlace = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
  result.findings.sort(byPlace);
  result.suppressed.sort(byPlace);
  return result;
}

/**
 * The statement's own audience: `x-lint-audience` at the top level. The statement format has no key
 * for it, and keys starting "x-" are the format's room for notes of one's own.
 */
export const AUDIENCE_KEY = 'x-lint-audience';

function statementAudience(source: Pick<YamlSource, 'doc' | 'lineCounter' | 'data' | 'text'>, file: string): Audience | undefined {
  if (!isPlainObject(source.data) || !(AUDIENCE_KEY in source.data)) return undefined;
  const value = source.data[AUDIENCE_KEY];
  if (isAudience(value)) return value;
  const { line, column } = positionOf(source, [AUDIENCE_KEY]);
  throw new EisError(`"${AUDIENCE_KEY}" must be "public" or "internal", not ${JSON.stringify(value)}.`, {
    file,
    line,
    column,
    hint: 'Readability is checked for public text only; see docs/lint.md.',
  });
}

/** `# eis-disable-next-line ...` comments in the YAML, not counting text inside the answers. */
function yamlDirectives(text: string, starts: number[], scalars: Array<[number, number]>): Directive[] {
  const directives: Directive[] = [];
  const re = /#[ \t]*(eis-disable-(?:next-line|line)\b[^\n]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const offset = m.index;
    if (scalars.some(([s, e]) => offset >= s && offset < e)) continue;
    // A `#` starts a comment only at the start of a line or after a space.
    if (offset > 0 && !/\s/.test(text.charAt(offset - 1))) continue;
    const line = positionAt(text, starts, offset).line;
    const d = parseDirective(m[1]!, line, line);
    if (d) directives.push(d);
  }
  return directives;
}
