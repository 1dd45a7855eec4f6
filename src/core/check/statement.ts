// Checks one statement's data against its questionnaire: shape, completeness for its level,
// placeholders, references and cross-field rules. Pure: data in, findings (with paths) out.
import type { Questionnaire, Field } from '../questionnaire/model.js';
import { entryContext, holds, type ConditionContext } from '../questionnaire/conditions.js';
import { visibility } from '../questionnaire/visibility.js';
import { entriesOf, entryName, isAnswered, isFreeText, isPlaceholder, isPlainObject, placeholderInside, type Entry } from '../questionnaire/answers.js';
import { buildStatementSchema } from '../questionnaire/statement-schema.js';
import { schemaFindings } from './schema-findings.js';
import { nonConformingSections } from '../questionnaire/conforms.js';
import type { z } from 'zod';
import type { Completeness, RawFinding, Severity } from '../findings/findings.js';
import type { FindingCode } from '../findings/catalogue.js';

export type SeverityOverrides = Record<string, Severity | 'off'>;

export interface CheckOptions {
  /** YYYY-MM-DD; rules about dates compare with it. */
  today: string;
  /** Severity per finding code or rule id, from the config. */
  severities?: SeverityOverrides;
}

export interface StatementCheck {
  findings: RawFinding[];
  completeness: Completeness;
  computed: Record<string, string>;
}

const schemaCache = new WeakMap<Questionnaire, ReturnType<typeof buildStatementSchema>>();
function schemaFor(model: Questionnaire) {
  let schema = schemaCache.get(model);
  if (!schema) schemaCache.set(model, (schema = buildStatementSchema(model)));
  return schema;
}

/**
 * What zod finds wrong with the statement's shape. Most statements conform, and a quick test says
 * so without zod; of the rest, zod checks only the sections that may not conform, when the top
 * level does. It checks sections in order and each alone, so the issues are the same as from the
 * whole statement, bar one listing only `x-` keys at the top level, which gives no finding.
 */
export function statementSchemaIssues(model: Questionnaire, data: unknown): z.core.$ZodIssue[] {
  const sections = nonConformingSections(model, data);
  if (sections?.length === 0) return [];
  const schema = schemaFor(model);
  if (!sections) {
    const parsed = schema.safeParse(data);
    return parsed.success ? [] : parsed.error.issues;
  }
  const issues: z.core.$ZodIssue[] = [];
  const answers = data as Record<string, unknown>;
  for (const id of sections) {
    const parsed = schema.shape[id]!.safeParse(answers[id]); // the ids are the model's sections
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ ...issue, path: [id, ...issue.path] });
  }
  return issues;
}

export function checkStatementData(model: Questionnaire, data: unknown, options: CheckOptions): StatementCheck {
  const findings: RawFinding[] = [];
  if (!isPlainObject(data)) {
    findings.push({
      code: 'schema/type',
      severity: 'error',
      path: [],
      message: `The statement should be a mapping of sections, not ${data === null || data === undefined ? 'empty' : `a ${Array.isArray(data) ? 'list' : typeof data}`}.`,
      hint: `Start it with "eis: 1" and "questionnaire: ${model.ref}".`,
      fatal: data === null || data === undefined ? undefined : true,
    });
    return { findings, completeness: { answered: 0, required: countRequiredTop(model), level: undefined }, computed: {} };
  }
  // A loop, not push(...): a list of a million bad entries gives a million findings, more than
  // a call's arguments can hold.
  for (const f of schemaFindings(model, data, statementSchemaIssues(model, data))) findings.push(f);

  const shown = visibility(model, data, { today: options.today });
  const base = shown.context;
  const computed = base.computed;
  // The screening level is the first computed value, whatever a questionnaire calls it.
  const [screening] = model.computed;
  const completeness = { answered: 0, required: 0, level: screening ? computed[screening.id] : undefined };
  const targets = new ReferenceTargets(data);

  for (const section of model.sections) {
    const answers = isPlainObject(data[section.id]) ? (data[section.id] as Record<string, unknown>) : {};
    for (const q of section.questions) {
      const path = [section.id, q.id];
      const value = answers[q.id];
      const { required, entries: states } = shown.question(q.key);
      let complete = isAnswered(model, value);
      const placeholder = placeholderFindingFor(model, q, path, value, required);
      if (placeholder) {
        findings.push(placeholder);
        complete = false;
      }
      if (q.type === 'list') {
        const entries = Array.isArray(value) ? value : [];
        const min = q.minEntries ?? 1;
        if (required && entries.length < min)
          findings.push({
            code: 'required',
            severity: 'error',
            path,
            message: `"${q.label}" needs at least ${min} ${min === 1 ? 'entry' : 'entries'}${entries.length ? `; it has ${entries.length}` : ''}.`,
          });
        complete = entries.length >= (required ? min : 0) && entries.length > 0;
        const seen = new Map<string, number>();
        entries.forEach((entry, i) => {
          if (!isPlainObject(entry)) return;
          if (typeof entry.id === 'string') {
            if (seen.has(entry.id))
              findings.push({ code: 'schema/duplicate-id', severity: 'error', path: [...path, i, 'id'], message: `Two entries of "${q.label}" have the id "${entry.id}"; ids must be unique.` });
            seen.set(entry.id, i);
          } else if (entry.id === undefined) {
            findings.push({
              code: 'schema/missing-id',
              severity: 'error',
              path: [...path, i],
              message: `Entry ${i + 1} of "${q.label}" has no id.`,
              hint: 'Add "id:" with a short slug such as "limited-english-parents".',
            });
          }
          const { counts, fields } = states[i]!;
          for (const f of q.fields ?? []) {
            const fv = entry[f.id];
            const fRequired = counts && fields[f.id]!.required; // visibility has every field of the list
            const fieldPlaceholder = placeholderFindingFor(model, f, [...path, i, f.id], fv, fRequired);
            if (fieldPlaceholder) findings.push(fieldPlaceholder);
            else if (fRequired && !isAnswered(model, fv)) {
              complete = false;
              findings.push({ code: 'required', severity: 'error', path: [...path, i, f.id], message: `${entryTitle(q, entry, i)}: "${f.label}" is required and not answered.` });
            }
            if (fRequired && fieldPlaceholder) complete = false;
            if (f.type === 'reference') for (const r of referenceFindings(model, targets, f, fv, [...path, i, f.id])) findings.push(r);
          }
        });
      } else if (required && !complete && !placeholder) {
        findings.push({
          code: 'required',
          severity: 'error',
          path,
          message: `"${q.label}" is required and not answered.`,
          hint: q.example !== undefined ? `For example: ${truncate(String(q.example))}` : undefined,
        });
      }
      if (q.type === 'reference') for (const r of referenceFindings(model, targets, q, value, path)) findings.push(r);
      if (required) {
        completeness.required++;
        if (complete) completeness.answered++;
      }
    }
  }
  for (const f of ruleFindings(model, base)) findings.push(f);
  return { findings: applySeverities(findings, options.severities), completeness, computed };
}

function entryTitle(list: Field, entry: Entry, index: number): string {
  return `${list.label}, entry ${index + 1} (${entryName(list, entry)})`;
}

/** A placeholder given as the answer ("TBD"), or written inside a free-text one ("the cost is TBD."). */
function placeholderFindingFor(model: Questionnaire, field: Field, path: Array<string | number>, value: unknown, required: boolean): RawFinding | undefined {
  if (typeof value !== 'string') return undefined;
  if (isPlaceholder(model, value)) return placeholderFinding(field, path, value, required);
  if (!isFreeText(field)) return undefined;
  const inside = placeholderInside(model, value);
  if (inside === undefined) return undefined;
  return {
    code: 'placeholder/inside',
    severity: required ? 'error' : 'warning',
    path,
    message: `"${field.label}" holds the placeholder "${inside.word}" in "${inside.excerpt}": the answer is not finished.`,
    hint: 'Write what the placeholder stands for, or say plainly what is not known yet and when it will be.',
  };
}

function placeholderFinding(field: Field, path: Array<string | number>, value: string, required: boolean): RawFinding {
  return {
    code: 'placeholder',
    severity: required ? 'error' : 'warning',
    path,
    message: `"${field.label}" holds the placeholder "${value.trim()}", which does not count as an answer.`,
    hint: required ? 'Write the answer, or say plainly why it does not apply.' : 'Write the answer, or remove the line.',
  };
}

/**
 * The ids of each list a reference may point to, read once per statement: a list of 30,000 actions
 * each naming populations would otherwise read the 30,000 populations again for every action.
 */
class ReferenceTargets {
  private readonly ids = new Map<string, Set<unknown>>();
  constructor(private readonly data: Record<string, unknown>) {}
  /** The ids of `section.list`. */
  of(to: string): Set<unknown> {
    let ids = this.ids.get(to);
    if (!ids) {
      // findModelProblems made sure `to` is `section.list`.
      const [s, q] = to.split('.') as [string, string];
      const section = this.data[s];
      ids = new Set(entriesOf(isPlainObject(section) ? (section as Record<string, unknown>)[q] : undefined).map((e) => e.id));
      this.ids.set(to, ids);
    }
    return ids;
  }
}

/** At most this many known ids in the hint: a hint naming 30,000 ids for each wrong reference helps no one. */
const KNOWN_IDS_SHOWN = 20;

function knownIds(ids: Set<unknown>): string {
  const shown: string[] = [];
  for (const id of ids) {
    if (shown.length === KNOWN_IDS_SHOWN) break;
    shown.push(String(id));
  }
  const more = ids.size - shown.length;
  return `Known ids: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

function referenceFindings(model: Questionnaire, targets: ReferenceTargets, field: Field, value: unknown, path: Array<string | number>): RawFinding[] {
  if (value === undefined || value === null || !field.to) return [];
  const ids = targets.of(field.to);
  const target = model.questions.get(field.to);
  const refs = Array.isArray(value) ? value : [value];
  return refs.flatMap((ref, i) =>
    typeof ref === 'string' && !ids.has(ref) && !isPlaceholder(model, ref)
      ? [
          {
            code: 'reference/unknown',
            severity: 'error' as const,
            path: Array.isArray(value) ? [...path, i] : path,
            message: `"${field.label}" refers to "${ref}", which is not an entry of "${target?.label ?? field.to}".`,
            hint: ids.size ? knownIds(ids) : `Add the entry to ${field.to} first.`,
          },
        ]
      : [],
  );
}

function ruleFindings(model: Questionnaire, base: ConditionContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of model.rules) {
    if (rule.severity === 'off' || !holds(rule.when, base)) continue;
    const code: FindingCode = `rule/${rule.id}`;
    if (rule.each) {
      const list = model.questions.get(rule.each)!;
      const [s, q] = rule.each.split('.') as [string, string]; // `section.list`, as list above
      const value = isPlainObject(base.answers[s]) ? (base.answers[s] as Record<string, unknown>)[q] : undefined;
      (Array.isArray(value) ? value : []).forEach((entry, i) => {
        if (!isPlainObject(entry)) return;
        const ctx = entryContext(base, entry);
        if (holds(rule.where, ctx) && !holds(rule.require, ctx))
          findings.push({ code, severity: rule.severity as Severity, path: [s, q, i], message: fill(rule.message, list, entry), hint: rule.help });
      });
    } else if (!holds(rule.require, base)) {
      findings.push({ code, severity: rule.severity as Severity, path: rule.at ? rule.at.split('.') : [], message: rule.message, hint: rule.help });
    }
  }
  return findings;
}

/** Fills `{name}` with the entry's name and `{field}` with that field's answer. */
function fill(message: string, list: Field, entry: Entry): string {
  return message.replace(/\{([a-z][a-z0-9_-]*)\}/g, (whole, key: string) => {
    if (key === 'name') return entryName(list, entry);
    const field = list.fields?.find((f) => f.id === key);
    const value = entry[key];
    if (value === undefined || value === null) return whole;
    return field?.choices?.find((c) => c.value === value)?.label ?? String(value);
  });
}

function applySeverities(findings: RawFinding[], overrides: SeverityOverrides | undefined): RawFinding[] {
  if (!overrides) return findings;
  return findings.flatMap((f) => {
    const override = overrides[f.code] ?? overrides[f.code.replace(/^rule\//, '')];
    if (override === undefined || f.fatal) return [f];
    return override === 'off' ? [] : [{ ...f, severity: override }];
  });
}

function countRequiredTop(model: Questionnaire): number {
  return model.sections.reduce((n, s) => n + s.questions.filter((q) => q.required === true).length, 0);
}

function truncate(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
