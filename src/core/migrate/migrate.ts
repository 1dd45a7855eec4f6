// Migrating a statement's data along a questionnaire's versions, and undoing it for approvals.
import { deepEqual } from '../equal.js';
import { isPlainObject } from '../questionnaire/answers.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { applyStep, inverseStep, lostTexts } from './apply.js';
import type { MigrationStep } from '../questionnaire/migration-format.js';

type Obj = Record<string, unknown>;

/** One version to the next: the steps the newer questionnaire declares. */
export interface MigrationLink {
  from: Questionnaire;
  to: Questionnaire;
  steps: MigrationStep[];
}

export interface Migrated {
  data: Obj;
  /** What each link changed, by concrete path. */
  links: Array<{ from: string; to: string; changes: string[] }>;
  /** Why the migration must not be written: an answer it would replace or lose. */
  problems: string[];
}

/** The statement's data migrated along `chain` (oldest link first); the data given is not changed. */
export function migrateData(data: unknown, chain: ReadonlyArray<MigrationLink>): Migrated {
  const out: Obj = isPlainObject(data) ? structuredClone(data) : {};
  const links: Migrated['links'] = [];
  const problems: string[] = [];
  const mappedAway = new Set<string>();
  for (const link of chain) {
    const changes: string[] = [];
    for (const step of link.steps) {
      if ('values' in step) for (const [from, to] of Object.entries(step.values.map)) if (from !== to) mappedAway.add(from);
      const outcome = applyStep(out, step);
      changes.push(...outcome.changes);
      problems.push(...outcome.problems);
    }
    out.questionnaire = link.to.ref;
    links.push({ from: link.from.ref, to: link.to.ref, changes });
  }
  for (const text of lostTexts(data, out, mappedAway)) problems.push(`the answer text "${text.length > 60 ? `${text.slice(0, 57)}...` : text}" would be lost.`);
  return { data: out, links, problems };
}

const withoutRecord = (data: Obj) => {
  const { migrated: _, ...rest } = data;
  return rest;
};

/**
 * The data as it was before `chain` ran, when the steps can be undone exactly: running the chain
 * again on it gives back `data` (the record of migrations aside). An approval given before a
 * migration covers the statement after it when its hash matches this.
 */
export function unmigrateData(data: unknown, chain: ReadonlyArray<MigrationLink>): Obj | undefined {
  if (!isPlainObject(data)) return undefined;
  const out = structuredClone(data);
  for (const link of [...chain].reverse()) {
    for (const step of [...link.steps].reverse()) {
      const inverse = inverseStep(step);
      if (!inverse) return undefined;
      inverse(out);
    }
    out.questionnaire = link.from.ref;
  }
  const again = migrateData(out, chain);
  if (again.problems.length || !deepEqual(withoutRecord(again.data), withoutRecord(data))) return undefined;
  return out;
}
