// A diff as a pull-request comment: a heading per statement, concerns in a callout, tables of
// before and after. Every value goes through src/core/markdown/escape.ts, so that it shows as
// written and cannot add links, HTML, headings, alerts or @-mentions to the comment.
import { mdCell, mdCode, mdText } from '../markdown/escape.js';
import type { Change, EntryChange, FieldChange, StatementDiff, ValueChange } from './types.js';
import { summaryLine } from './summary.js';
import { twinNames } from './format-text.js';

/** The first line, so that a CI job can find and update its earlier comment. */
export const MD_MARKER = '<!-- eis diff -->';

export function formatMarkdown(diffs: StatementDiff[]): string {
  const out: string[] = [MD_MARKER, '## Equity impact statements', ''];
  if (!diffs.length) return `${[...out, 'No changes to statements.'].join('\n')}\n`;
  out.push(mdText(summaryLine(diffs)), '');
  for (const d of diffs) append(out, statement(d));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function statement(d: StatementDiff): string[] {
  const out = [`### ${mdCode(d.file)}${d.title ? `: ${mdText(d.title)}` : ''}`, ''];
  const what = { added: 'New statement.', deleted: 'Statement deleted.', modified: 'Changed.', renamed: `Renamed from ${mdCode(d.oldFile ?? '')}.` }[d.change];
  out.push(`_${what}_ Questionnaire ${mdCode(d.questionnaire)}.`, '');
  if (d.concerns.length) {
    out.push('> [!WARNING]', `> **Needs attention**`, '>');
    for (const c of d.concerns) out.push(`> - ${mdText(c.message).replace(/ -&gt; /g, ' → ')}`);
    out.push('');
  }
  for (const c of d.computed) out.push(`**${mdText(c.label)}:** ${inline(c)}`, '');
  const body: string[] = [];
  for (const section of d.sections) {
    body.push(`#### ${mdText(section.title)}`, '');
    const answers = section.changes.filter((c): c is Extract<Change, { kind: 'answer' }> => c.kind === 'answer');
    if (answers.length)
      append(body, [
        ...table(
          'Question',
          answers.map((a) => [a.label, a]),
        ),
        '',
      ]);
    const entries = section.changes.filter((c): c is EntryChange => c.kind === 'entry');
    const twins = twinNames(section.changes);
    for (const e of entries) append(body, entry(e, twins.has(`${e.key}\0${e.name}`)));
  }
  // A whole new or deleted statement is long; fold it so the comment stays readable.
  if (d.change === 'added' || d.change === 'deleted') {
    if (body.length) {
      out.push('<details>', `<summary>${d.change === 'added' ? 'Every answer' : 'The answers it had'}</summary>`, '');
      append(out, body);
      out.push('</details>', '');
    }
  } else append(out, body);
  return out;
}

/** Appends one line at a time: spread as arguments, the lines of very many changes overflow the stack. */
function append(out: string[], lines: string[]): void {
  for (const line of lines) out.push(line);
}

function entry(e: EntryChange, showId: boolean): string[] {
  const title = `**${mdText(e.list)}: ${mdText(e.name)}**${showId ? ` (id ${mdCode(e.id)})` : ''}`;
  if (e.op === 'removed') return [`${title}: removed.`, ''];
  const out = [`${title}: ${e.op === 'added' ? 'new entry' : 'changed'}.`, ''];
  if (e.fields.length)
    out.push(
      ...table(
        'Field',
        e.fields.map((f: FieldChange) => [f.label, f]),
      ),
      '',
    );
  return out;
}

function table(what: string, rows: Array<[string, ValueChange]>): string[] {
  return [`| ${what} | Before | After |`, '| --- | --- | --- |', ...rows.map(([label, v]) => `| ${mdCell(mdText(label))} | ${mdCell(side(v, 'before'))} | ${mdCell(side(v, 'after'))} |`)];
}

/** One side of a change: the old text with removed words struck through, or the new one with added words marked. */
function side(v: ValueChange, which: 'before' | 'after'): string {
  const text = v[which];
  if (text === undefined) return '';
  if (v.words) {
    const keep = which === 'before' ? 'removed' : 'added';
    const tag = which === 'before' ? 'del' : 'ins';
    return v.words
      .filter((w) => !w.op || w.op === keep)
      .map((w) => (w.op ? `<${tag}>${mdText(w.text)}</${tag}>` : mdText(w.text)))
      .join('');
  }
  if (which === 'after' && v.added?.length && v.op === 'changed') return `${mdText(text)}<br>(added: ${mdText(v.added.join(', '))})`;
  if (which === 'before' && v.removed?.length && v.op === 'changed') return `${mdText(text)}<br>(removed: ${mdText(v.removed.join(', '))})`;
  return mdText(text);
}

function inline(v: ValueChange): string {
  if (v.op === 'added') return mdText(v.after ?? '');
  if (v.op === 'removed') return `<del>${mdText(v.before ?? '')}</del>`;
  return `${mdText(v.before ?? '')} → ${mdText(v.after ?? '')}`;
}
