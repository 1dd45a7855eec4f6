// Turns zod issues about a statement's shape into findings that speak the questionnaire's words.
import type { z } from 'zod';
import type { Questionnaire, Field } from '../questionnaire/model.js';
import { closest } from '../questionnaire/model.js';
import { fieldAt } from '../questionnaire/statement-schema.js';
import { entryName } from '../questionnaire/answers.js';
import type { RawFinding } from '../findings/findings.js';

const typeNames: Record<string, string> = {
  text: 'text',
  markdown: 'text (Markdown)',
  choice: 'one of the choices',
  'multi-choice': 'a list of choices',
  'yes-no': 'yes or no',
  date: 'a date written YYYY-MM-DD',
  number: 'a number',
  reference: 'the id of an entry',
  list: 'a list of entries',
};

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** Valid keys at a path in the statement, for did-you-mean. */
function keysAt(model: Questionnaire, path: ReadonlyArray<PropertyKey>): string[] {
  if (path.length === 0) return ['eis', 'questionnaire', 'language', ...model.sections.map((s) => s.id)];
  const section = model.sections.find((s) => s.id === String(path[0]));
  if (path.length === 1) return section?.questions.map((q) => q.id) ?? [];
  const list = fieldAt(model, path.slice(0, 2));
  return ['id', ...(list?.fields?.map((f) => f.id) ?? [])];
}

function describeField(model: Questionnaire, data: unknown, field: Field | undefined, path: ReadonlyArray<PropertyKey>): string {
  if (!field) return path.map(String).join('.');
  if (path.length >= 4) {
    const list = fieldAt(model, path.slice(0, 2));
    const entry = valueAt(data, path.slice(0, 3));
    if (list && entry && typeof entry === 'object' && !Array.isArray(entry))
      return `${list.label}, entry ${Number(path[2]) + 1} (${entryName(list, entry as Record<string, unknown>)}): "${field.label}"`;
  }
  return `"${field.label}"`;
}

export function schemaFindings(model: Questionnaire, data: unknown, issues: z.core.$ZodIssue[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (key.startsWith('x-')) continue; // the documented way to keep notes of your own
        const best = closest(key, keysAt(model, path));
        const where = path.length ? `in ${path.join('.')}` : 'at the top level';
        findings.push({
          code: 'schema/unknown-key',
          severity: 'error',
          path: [...path, key],
          message: `"${key}" is not a question of ${model.ref} ${where}${best ? `; did you mean "${best}"?` : '.'}`,
          hint: best ? undefined : 'Rename or remove it, or start its name with "x-" to keep it as a note.',
        });
      }
      continue;
    }
    if (path.length === 1 && path[0] === 'eis') {
      findings.push({ code: 'schema/format-version', severity: 'error', path, message: `"eis" must be 1, the statement file format this version of eis reads.`, fatal: true });
      continue;
    }
    const field = fieldAt(model, path);
    const value = valueAt(data, issue.path);
    const label = describeField(model, data, field, path);
    if (issue.code === 'invalid_value' && field?.choices) {
      const values = field.choices.map((c) => c.value);
      const best = closest(String(value), values);
      findings.push({
        code: 'schema/unknown-choice',
        severity: 'error',
        path,
        message: `${label}: "${String(value)}" is not one of the choices${best ? `; did you mean "${best}"?` : ` (${values.join(', ')}).`}`,
      });
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
      const expected = path.length === 1 ? 'a mapping of answers' : field ? (typeNames[field.type] ?? field.type) : 'a mapping';
      const quoteHint = field && (field.type === 'text' || field.type === 'markdown') && value !== null && typeof value !== 'object' ? ' Put it in quotes.' : '';
      findings.push({ code: 'schema/type', severity: 'error', path, message: `${label} should be ${expected}, not ${kindOf(value)}.${quoteHint}` });
    } else if (issue.code === 'invalid_format' || (issue.code === 'custom' && field?.type === 'date')) {
      const what = path[path.length - 1] === 'id' ? 'an entry id: lowercase letters, digits and "-", like "limited-english-parents"' : field ? typeNames[field.type] : 'valid';
      findings.push({ code: 'schema/format', severity: 'error', path, message: `${label}: "${String(value)}" is not ${what}.` });
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      findings.push({
        code: 'schema/range',
        severity: 'error',
        path,
        message: `${label}: ${String(value)} is ${issue.code === 'too_small' ? `below the least allowed, ${String(issue.minimum)}` : `above the most allowed, ${String(issue.maximum)}`}.`,
      });
    } else {
      findings.push({ code: 'schema/invalid', severity: 'error', path, message: `${label}: ${issue.message}.` });
    }
  }
  return findings;
}
