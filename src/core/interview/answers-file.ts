// Answers given as a file (`--answers FILE` or `-` for stdin), YAML or JSON in the statement's own
// shape. They are checked against the statement schema before anything is written, then merged
// into the statement's Document so that its comments and key order survive.
import type { Document } from 'yaml';
import type { Questionnaire } from '../questionnaire/model.js';
import { entriesOf, isPlainObject, uniqueId, type Entry } from '../questionnaire/answers.js';
import { STATEMENT_FORMAT_VERSION } from '../questionnaire/statement-schema.js';
import { checkStatementData } from '../check/statement.js';
import { appendEntry, deleteAnswer, setAnswer } from '../statement/edit.js';
import { positionOf, type YamlSource } from '../yaml/source.js';

export interface AnswerProblem {
  line: number;
  column: number;
  message: string;
  hint?: string | undefined;
}

const HEADER = new Set(['eis', 'questionnaire']);

/** Entries written without an id get one, as `eis answer` would give them. */
function withIds(model: Questionnaire, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [sectionId, section] of Object.entries(data)) {
    if (!isPlainObject(section)) {
      out[sectionId] = section;
      continue;
    }
    const copy: Record<string, unknown> = { ...section };
    for (const [questionId, value] of Object.entries(section)) {
      const list = model.questions.get(`${sectionId}.${questionId}`);
      if (list?.type !== 'list' || !Array.isArray(value)) continue;
      const given: Entry[] = [];
      copy[questionId] = value.map((entry) => {
        if (!isPlainObject(entry) || entry.id !== undefined) return entry;
        const label = list.labelField ? entry[list.labelField] : undefined;
        const named = { id: uniqueId(typeof label === 'string' && label.trim() ? label : `${list.id}-${given.length + 1}`, [...entriesOf(value), ...given]), ...entry };
        given.push(named);
        return named;
      });
    }
    out[sectionId] = copy;
  }
  return out;
}

/** Problems with the answers' types and names, placed in the answers file; none means they can be merged. */
export function answerProblems(model: Questionnaire, source: YamlSource): AnswerProblem[] {
  const data = source.data;
  if (!isPlainObject(data)) {
    const pos = positionOf(source, []);
    return [
      {
        ...pos,
        message: `the answers should be a mapping of sections, like the statement itself, not ${data === null || data === undefined ? 'nothing' : Array.isArray(data) ? 'a list' : typeof data}.`,
      },
    ];
  }
  const problems: AnswerProblem[] = [];
  if (data.questionnaire !== undefined && data.questionnaire !== model.ref)
    problems.push({
      ...positionOf(source, ['questionnaire']),
      message: `the answers are for "${String(data.questionnaire)}", but the statement answers ${model.ref}.`,
      hint: 'Remove the questionnaire line from the answers, or answer the right questionnaire.',
    });
  const candidate = { eis: STATEMENT_FORMAT_VERSION, questionnaire: model.ref, ...withIds(model, data) };
  const { findings } = checkStatementData(model, candidate, { today: '1970-01-01' });
  for (const f of findings) {
    if (!f.code.startsWith('schema/')) continue;
    problems.push({ ...positionOf(source, f.path), message: lowerFirst(f.message), hint: f.hint });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Every section and question mergeAnswers may write for these answers; none means it writes nothing. */
export function answerPaths(answers: Record<string, unknown>): string[][] {
  const paths: string[][] = [];
  for (const [sectionId, section] of Object.entries(answers)) {
    if (HEADER.has(sectionId) || !isPlainObject(section)) continue;
    for (const questionId of Object.keys(section)) paths.push([sectionId, questionId]);
  }
  return paths;
}

/**
 * Merges the answers into the statement. Scalars and choices replace what was there; list entries
 * with an id that exists update that entry, others are added; `null` removes an answer.
 */
export function mergeAnswers(doc: Document, model: Questionnaire, statementData: unknown, answers: Record<string, unknown>): number {
  let changed = 0;
  const current = isPlainObject(statementData) ? statementData : {};
  for (const [sectionId, section] of Object.entries(withIds(model, answers))) {
    if (HEADER.has(sectionId) || !isPlainObject(section)) continue;
    const existingSection = isPlainObject(current[sectionId]) ? (current[sectionId] as Record<string, unknown>) : {};
    for (const [questionId, value] of Object.entries(section)) {
      const path = [sectionId, questionId];
      const q = model.questions.get(`${sectionId}.${questionId}`);
      if (value === null) {
        deleteAnswer(doc, path);
        changed++;
      } else if (q?.type === 'list' && Array.isArray(value)) {
        const existing = entriesOf(existingSection[questionId]);
        for (const entry of value.filter(isPlainObject)) {
          const at = existing.findIndex((e) => e.id === entry.id);
          if (at === -1) {
            appendEntry(doc, model, path, entry);
            existing.push(entry);
          } else {
            for (const [key, fieldValue] of Object.entries(entry)) {
              if (key === 'id') continue;
              if (fieldValue === null) deleteAnswer(doc, [...path, at, key]);
              else setAnswer(doc, model, [...path, at, key], fieldValue);
            }
          }
          changed++;
        }
      } else {
        setAnswer(doc, model, path, value);
        changed++;
      }
    }
  }
  return changed;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
