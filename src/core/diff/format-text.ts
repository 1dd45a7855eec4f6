// A diff for the terminal: concerns first, then section by section. Added and removed words are
// marked with {+ +} and [- -] as well as colour, so the output reads the same without colour.
import type { Colorizer } from '../reporters/types.js';
import type { Change, StatementDiff, ValueChange, WordPart } from './types.js';
import { summaryLine } from './summary.js';
import { printable } from '../printable.js';

// File names, labels and answers show as written and inert (src/core/printable.ts); an answer keeps its lines.
const one = (text: string) => printable(text);
const lines = (text: string) => printable(text, { lines: true });

export function formatText(diffs: StatementDiff[], c: Colorizer): string {
  if (!diffs.length) return 'No changes to statements.\n';
  const out: string[] = [];
  for (const d of diffs) {
    const what = d.change === 'renamed' ? `renamed from ${one(d.oldFile ?? '')}` : d.change;
    out.push(`${c.bold(c.underline(one(d.file)))}${d.title ? `  ${one(d.title)}` : ''}  ${c.dim(`(${what})`)}`);
    if (d.concerns.length) {
      out.push(`  ${c.yellow(c.bold('Needs attention'))}`);
      for (const concern of d.concerns) out.push(`    ${c.yellow('!')} ${one(concern.message)}`);
    }
    // A deleted statement's answers are in the old version; listing each as removed says nothing more.
    if (d.change === 'deleted') {
      out.push('');
      continue;
    }
    for (const computed of d.computed) out.push(`  ${one(computed.label)}: ${valueText(computed, c)}`);
    for (const section of d.sections) {
      const twins = twinNames(section.changes);
      out.push(`  ${c.bold(one(section.title))}`);
      let list: string | undefined;
      for (const change of section.changes) {
        if (change.kind === 'entry' && change.list !== list) out.push(`    ${one(change.list)}`);
        list = change.kind === 'entry' ? change.list : undefined;
        out.push(...changeLines(change, c, twins));
      }
    }
    out.push('');
  }
  out.push(summaryLine(diffs));
  return `${out.join('\n')}\n`;
}

/** Entry names that appear twice among the changes (an entry whose id was changed): those show their ids. */
export function twinNames(changes: Change[]): Set<string> {
  const seen = new Set<string>();
  const twins = new Set<string>();
  for (const ch of changes) if (ch.kind === 'entry') (seen.has(`${ch.key}\0${ch.name}`) ? twins : seen).add(`${ch.key}\0${ch.name}`);
  return twins;
}

function changeLines(change: Change, c: Colorizer, twins: Set<string>): string[] {
  if (change.kind === 'answer') return valueLines(one(change.label), change, c, '    ');
  const mark = change.op === 'added' ? c.green('+') : change.op === 'removed' ? c.red('-') : c.yellow('~');
  const what = change.op === 'added' ? ' (new entry)' : change.op === 'removed' ? ' (removed)' : '';
  const id = twins.has(`${change.key}\0${change.name}`) ? ` [id ${one(change.id)}]` : '';
  const out = [`      ${mark} ${c.bold(one(change.name))}${id}${c.dim(what)}`];
  // A removed entry is named, not listed field by field: the old file holds the rest.
  if (change.op !== 'removed') for (const f of change.fields) out.push(...valueLines(one(f.label), f, c, '          '));
  return out;
}

function valueLines(label: string, v: ValueChange, c: Colorizer, indent: string): string[] {
  // Long or multi-line text goes under its label, where the word diff has room.
  if (v.words && (v.before!.length > 60 || v.after!.length > 60 || v.words.some((w) => w.text.includes('\n')))) return [`${indent}${label}:`, ...indentLines(words(v.words, c), `${indent}  `)];
  const text = valueText(v, c);
  return text.includes('\n') ? [`${indent}${label}:`, ...indentLines(text, `${indent}  `)] : [`${indent}${label}: ${text}`];
}

function valueText(v: ValueChange, c: Colorizer): string {
  if (v.op === 'added') return `${c.green(`{+${lines(v.after ?? '')}+}`)}`;
  if (v.op === 'removed') return `${c.red(`[-${lines(v.before ?? '')}-]`)}`;
  if (v.words) return words(v.words, c);
  if (v.added?.length || v.removed?.length) return [...(v.added ?? []).map((x) => c.green(`{+${one(x)}+}`)), ...(v.removed ?? []).map((x) => c.red(`[-${one(x)}-]`))].join(' ');
  return `${lines(v.before ?? '')} -> ${lines(v.after ?? '')}`;
}

function words(parts: WordPart[], c: Colorizer): string {
  return parts.map((p) => (p.op === 'added' ? c.green(`{+${lines(p.text)}+}`) : p.op === 'removed' ? c.red(`[-${lines(p.text)}-]`) : lines(p.text))).join('');
}

function indentLines(text: string, indent: string): string[] {
  return text.split('\n').map((line) => (line ? `${indent}${line}` : ''));
}
