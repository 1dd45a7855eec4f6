// Running migration steps on a statement's data. Pure: data in, data out. A step never replaces
// an answer that is there, and never deletes text (a question taken away keeps its answer under an
// `x-` key); anything that would lose an answer is a problem, and the migration is refused.
import { deepEqual } from '../equal.js';
import { isPlainObject } from '../questionnaire/answers.js';
import type { MigrationStep } from '../questionnaire/migration-format.js';

type Obj = Record<string, unknown>;

export interface StepOutcome {
  /** What changed, by concrete path: `populations.groups.0.direction -> populations.groups.0.effect`. */
  changes: string[];
  /** What would be lost or overwritten; any problem refuses the migration. */
  problems: string[];
}

/** A place an answer may be: the map that holds it, its key there, and the path to it in words. */
interface Slot {
  parent: Obj;
  key: string;
  path: string;
  /** The entry indices the `*` segments matched, in order. */
  indices: number[];
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Every place `path` names that exists up to its parent (the answer itself may be missing). */
function slots(data: Obj, path: string): Slot[] {
  const segments = path.split('.');
  const found: Slot[] = [];
  const walk = (node: Obj, i: number, words: string[], indices: number[]) => {
    const segment = segments[i]!;
    if (i === segments.length - 1) {
      found.push({ parent: node, key: segment, path: [...words, segment].join('.'), indices });
      return;
    }
    const next = node[segment];
    if (segments[i + 1] === '*') {
      if (!Array.isArray(next)) return;
      next.forEach((entry, n) => {
        if (!isPlainObject(entry)) return;
        if (i + 2 === segments.length) return; // a path cannot end at an entry
        walk(entry, i + 2, [...words, segment, String(n)], [...indices, n]);
      });
      return;
    }
    if (isPlainObject(next)) walk(next, i + 1, [...words, segment], indices);
  };
  walk(data, 0, [], []);
  return found;
}

/** The place `path` names for the entries `indices` picked, made when `create`; undefined when an entry is missing. */
function slotAt(data: Obj, path: string, indices: number[], create: boolean): Slot | undefined {
  const segments = path.split('.');
  let node: Obj = data;
  const words: string[] = [];
  let k = 0;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    if (segments[i + 1] === '*') {
      const list = node[segment];
      const entry = Array.isArray(list) ? list[indices[k++]!] : undefined;
      if (!isPlainObject(entry)) return undefined;
      words.push(segment, String(indices[k - 1]));
      node = entry;
      i++;
      continue;
    }
    let next = node[segment];
    if (!isPlainObject(next)) {
      if (!create || present(next)) return undefined;
      next = {};
      node[segment] = next;
    }
    words.push(segment);
    node = next as Obj;
  }
  const key = segments.at(-1)!;
  return { parent: node, key, path: [...words, key].join('.'), indices };
}

function take(slot: Slot): unknown {
  const value = slot.parent[slot.key];
  delete slot.parent[slot.key];
  return value;
}

/** Runs one step on `data` (changed in place). */
export function applyStep(data: Obj, step: MigrationStep): StepOutcome {
  const changes: string[] = [];
  const problems: string[] = [];
  if ('rename' in step) {
    for (const from of slots(data, step.rename.from)) {
      if (!(from.key in from.parent)) continue;
      const to = slotAt(data, step.rename.to, from.indices, true);
      if (!to) problems.push(`${from.path} cannot move to ${step.rename.to}: there is no such entry.`);
      else if (present(to.parent[to.key]) && !(to.parent === from.parent && to.key === from.key)) problems.push(`moving ${from.path} to ${to.path} would replace the answer there.`);
      else {
        to.parent[to.key] = take(from);
        changes.push(`${from.path} -> ${to.path}`);
      }
    }
  } else if ('values' in step) {
    const map = step.values.map;
    const mapped = (v: unknown) => (typeof v === 'string' && Object.hasOwn(map, v) ? map[v]! : v);
    for (const slot of slots(data, step.values.at)) {
      const value = slot.parent[slot.key];
      const next = Array.isArray(value) ? value.map(mapped) : mapped(value);
      if (deepEqual(next, value)) continue;
      slot.parent[slot.key] = next;
      changes.push(`${slot.path}: ${JSON.stringify(value)} -> ${JSON.stringify(next)}`);
    }
  } else if ('add' in step) {
    for (const slot of slots(data, step.add.at)) {
      if (present(slot.parent[slot.key])) continue;
      slot.parent[slot.key] = structuredClone(step.add.value);
      changes.push(`${slot.path}: ${JSON.stringify(step.add.value)} (default)`);
    }
  } else if ('wrap' in step) {
    for (const slot of slots(data, step.wrap.at)) {
      const value = slot.parent[slot.key];
      if (!present(value) || Array.isArray(value)) continue;
      slot.parent[slot.key] = [value];
      changes.push(`${slot.path}: ${JSON.stringify(value)} -> ${JSON.stringify([value])}`);
    }
  } else if ('drop' in step) {
    for (const slot of slots(data, step.drop.at)) {
      if (!(slot.key in slot.parent)) continue;
      const keep = `x-${slot.key}`;
      if (!present(slot.parent[slot.key])) delete slot.parent[slot.key];
      else if (keep in slot.parent) problems.push(`${slot.path} is no longer asked, and x-${slot.key} beside it, where its answer would be kept, is taken.`);
      else {
        slot.parent[keep] = take(slot);
        changes.push(`${slot.path} -> ${slot.path.replace(/[^.]+$/, keep)} (no longer asked; kept)`);
      }
    }
  } else if ('split' in step) {
    for (const from of slots(data, step.split.from)) {
      if (!(from.key in from.parent)) continue;
      const targets = step.split.into.map((p) => slotAt(data, p, from.indices, true));
      const bad = targets.find((t) => !t || (present(t.parent[t.key]) && !(t.parent === from.parent && t.key === from.key)));
      if (bad !== undefined) {
        problems.push(`${from.path} cannot be copied into ${step.split.into.join(' and ')}: ${bad ? `${bad.path} has an answer` : 'an entry is missing'}.`);
        continue;
      }
      const value = take(from);
      for (const t of targets as Slot[]) t.parent[t.key] = structuredClone(value);
      changes.push(`${from.path} -> ${(targets as Slot[]).map((t) => t.path).join(', ')}`);
    }
  } else {
    const [first, ...rest] = step.merge.from;
    for (const slot of slots(data, first!)) {
      const sources = [slot, ...rest.map((p) => slotAt(data, p, slot.indices, false))].filter((s): s is Slot => s !== undefined && s.key in s.parent);
      if (!sources.length) continue;
      const into = slotAt(data, step.merge.into, slot.indices, true);
      if (!into || (present(into.parent[into.key]) && !sources.some((s) => s.parent === into.parent && s.key === into.key))) {
        problems.push(`${sources.map((s) => s.path).join(' and ')} cannot be joined into ${step.merge.into}: ${into ? `${into.path} has an answer` : 'an entry is missing'}.`);
        continue;
      }
      const values = sources.map(take).filter(present);
      into.parent[into.key] = joined(values);
      changes.push(`${sources.map((s) => s.path).join(' + ')} -> ${into.path}`);
    }
  }
  return { changes, problems };
}

/** Answers joined into one: lists concatenated without repeats; anything else as text, a blank line apart. */
function joined(values: unknown[]): unknown {
  if (values.length <= 1) return values[0] ?? null;
  if (values.every(Array.isArray)) return [...new Set((values as unknown[][]).flat())];
  return values.map((v) => (typeof v === 'string' ? v.trim() : JSON.stringify(v))).join('\n\n');
}

/**
 * The step that undoes `step` exactly where it can, for approvals: undefined where it cannot (a
 * merge; a value map that sends two values to one). Callers check that running the step again on
 * what the inverse gives comes back to the same data, so an inverse may be partial.
 */
export function inverseStep(step: MigrationStep): ((data: Obj) => void) | undefined {
  if ('rename' in step) return (data) => void applyStep(data, { rename: { from: step.rename.to, to: step.rename.from } });
  if ('values' in step) {
    const back: Record<string, string> = {};
    for (const [a, b] of Object.entries(step.values.map)) {
      if (Object.hasOwn(back, b)) return undefined;
      back[b] = a;
    }
    return (data) => void applyStep(data, { values: { at: step.values.at, map: back } });
  }
  if ('add' in step)
    return (data) => {
      for (const slot of slots(data, step.add.at)) if (deepEqual(slot.parent[slot.key], step.add.value)) delete slot.parent[slot.key];
    };
  if ('wrap' in step)
    return (data) => {
      for (const slot of slots(data, step.wrap.at)) {
        const value = slot.parent[slot.key];
        if (Array.isArray(value) && value.length === 1) slot.parent[slot.key] = value[0];
      }
    };
  if ('drop' in step)
    return (data) => {
      for (const slot of slots(data, step.drop.at)) {
        const keep = `x-${slot.key}`;
        if (keep in slot.parent && !(slot.key in slot.parent)) {
          slot.parent[slot.key] = slot.parent[keep];
          delete slot.parent[keep];
        }
      }
    };
  if ('split' in step)
    return (data) => {
      const [first, ...rest] = step.split.into;
      for (const slot of slots(data, first!)) {
        if (!(slot.key in slot.parent)) continue;
        const others = rest.map((p) => slotAt(data, p, slot.indices, false));
        if (others.some((o) => !o || !deepEqual(o.parent[o.key], slot.parent[slot.key]))) continue;
        const back = slotAt(data, step.split.from, slot.indices, true);
        if (!back) continue;
        const value = take(slot);
        for (const o of others as Slot[]) delete o.parent[o.key];
        back.parent[back.key] = value;
      }
    };
  return undefined;
}

/** Texts of `before` (every string, number and boolean among its answers) that `after` no longer holds anywhere. */
export function lostTexts(before: unknown, after: unknown, mappedAway: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  leaves(after, (text) => kept.push(text));
  const keptSet = new Set(kept);
  const lost = new Set<string>();
  leaves(before, (text) => {
    if (keptSet.has(text) || mappedAway.has(text)) return;
    if (!kept.some((k) => k.includes(text.trim()))) lost.add(text);
  });
  return [...lost];
}

function leaves(value: unknown, each: (text: string) => void, depth = 0): void {
  if (Array.isArray(value)) for (const v of value) leaves(v, each, depth + 1);
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) if (!(depth === 0 && (k === 'questionnaire' || k === 'eis' || k === 'language' || k === 'migrated'))) leaves(v, each, depth + 1);
  } else if (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number' || typeof value === 'boolean') each(String(value));
}
