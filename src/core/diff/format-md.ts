// A diff as a pull-request comment: a heading per statement, concerns in a callout, tables of
// before and after. Every answer is escaped so that it shows as written and cannot add links,
// HTML or @-mentions to the comment.
import { escapeMarkdown } from '../reporters/markdown.js';
import type { Change, EntryChange, FieldChange, StatementDiff, ValueChange } from './types.js';
import { summaryLine } from './summary.js';
import { twinNames } from './format-text.js';

/** The first line, so that a CI job can find and update its earlier comment. */
export const MD_MARKER = '<!-- eis diff -->';

export function formatMarkdown(diffs: StatementDiff[]): string {
  const out: string[] = [MD_MARKER, '## Equity impact statements', ''];
  if (!diffs.length) return `${[...out, 'No changes to statements.'].join('\n')}\n`;
  out.push(escapeMarkdown(summaryLine(diffs)), '');
  for (const d of diffs) append(out, statement(d));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function statement(d: StatementDiff): string[] {
  const out = [`### ${code(d.file)}${d.title ? `: ${escapeMarkdown(d.title)}` : ''}`, ''];
  const what = { added: 'New statement.', deleted: 'Statement deleted.', modified: 'Changed.', renamed: `Renamed from ${code(d.oldFile ?? '')}.` }[d.change];
  out.push(`_${what}_ Questionnaire ${code(d.questionnaire)}.`, '');
  if (d.concerns.length) {
    out.push('> [!WARNING]', `> **Needs attention**`, '>');
    for (const c of d.concerns) out.push(`> - ${escapeMarkdown(c.message).replace(/ -&gt; /g, ' → ')}`);
    out.push('');
  }
  for (const c of d.computed) out.push(`**${escapeMarkdown(c.label)}:** ${inline(c)}`, '');
  const body: string[] = [];
  for (const section of d.sections) {
    body.push(`#### ${escapeMarkdown(section.title)}`, '');
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
  const title = `**${escapeMarkdown(e.list)}: ${escapeMarkdown(e.name)}**${showId ? ` (id ${code(e.id)})` : ''}`;
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
  return [`| ${what} | Before | After |`, '| --- | --- | --- |', ...rows.map(([label, v]) => `| ${escapeMarkdown(label)} | ${side(v, 'before')} | ${side(v, 'after')} |`)];
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
      .map((w) => (w.op ? `<${tag}>${escapeMarkdown(w.text)}</${tag}>` : escapeMarkdown(w.text)))
      .join('');
  }
  if (which === 'after' && v.added?.length && v.op === 'changed') return `${escapeMarkdown(text)}<br>(added: ${escapeMarkdown(v.added.join(', '))})`;
  if (which === 'before' && v.removed?.length && v.op === 'changed') return `${escapeMarkdown(text)}<br>(removed: ${escapeMarkdown(v.removed.join(', '))})`;
  return escapeMarkdown(text);
}

function inline(v: ValueChange): string {
  if (v.op === 'added') return escapeMarkdown(v.after ?? '');
  if (v.op === 'removed') return `<del>${escapeMarkdown(v.before ?? '')}</del>`;
  return `${escapeMarkdown(v.before ?? '')} → ${escapeMarkdown(v.after ?? '')}`;
}

function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence.split('').reverse().join('')}`;
}
