// The keys under `rules:` in eis.config.yaml, checked against the findings catalogue, so that a
// typo (`placeholdr: off`) is an error at its line instead of a setting that silently does nothing.
// A key is a finding code (`placeholder`, `lint/glossary/obligor`), a group of lint codes (`lint`,
// `lint/glossary`: the most specific key wins), a questionnaire rule (`rule/burden-evidence`, or
// plain `burden-evidence`), or a note of your own starting with `x-`. Rule ids are known only with
// the questionnaire, so they are checked in a second step, once it is loaded (ruleIdProblem).
import { EisError } from '../errors.js';
import { catalogueEntry, exactCodes, familyPrefixes, findingDocLink, FINDINGS_PAGE } from '../findings/catalogue.js';
import { closest, type Questionnaire } from '../questionnaire/model.js';
import { positionOf, type YamlSource } from '../yaml/source.js';

/** Keys that name a group of codes; only `eis lint` reads groups (see lint/suppress.ts severityFor). */
export const RULE_GROUPS: readonly string[] = ['lint', ...familyPrefixes().filter((p) => p.startsWith('lint/'))];

export type RuleKey =
  | { kind: 'code' }
  | { kind: 'note' }
  /** A questionnaire rule's id, to check once the questionnaire is known. */
  | { kind: 'rule'; id: string }
  /** A code whose severity `rules` cannot change (files eis cannot read, the gate's own findings). */
  | { kind: 'fixed' }
  | { kind: 'unknown' };

export function classifyRuleKey(key: string): RuleKey {
  if (key.startsWith('x-')) return { kind: 'note' };
  if (RULE_GROUPS.includes(key)) return { kind: 'code' };
  const entry = catalogueEntry(key);
  if (entry?.code === 'rule/*') return { kind: 'rule', id: key.slice('rule/'.length) };
  if (entry) return entry.configurable ? { kind: 'code' } : { kind: 'fixed' };
  // A plain word may be a rule id, which the statement check takes with or without `rule/`.
  return key.includes('/') ? { kind: 'unknown' } : { kind: 'rule', id: key };
}

export interface RuleKeyProblem {
  key: string;
  message: string;
  hint: string;
}

/** The first key under `rules` that is no finding code, group or rule; rule ids are left for ruleIdProblem. */
export function ruleKeyProblem(keys: Iterable<string>): RuleKeyProblem | undefined {
  for (const key of keys) {
    const verdict = classifyRuleKey(key);
    if (verdict.kind === 'fixed') return { key, message: `"${key}" cannot be set under rules: its severity is fixed.`, hint: `See ${findingDocLink(key)}.` };
    if (verdict.kind === 'unknown') return { key, message: `"${key}" under rules is not a finding code${didYouMean(key, codeCandidates(key))}`, hint: `See ${FINDINGS_PAGE} for the codes.` };
  }
  return undefined;
}

/** Whether any key names a questionnaire rule, so that the questionnaire is needed to check them. */
export function namesRules(keys: Iterable<string>): boolean {
  for (const key of keys) if (classifyRuleKey(key).kind === 'rule') return true;
  return false;
}

/** The first key that names a rule the questionnaire does not have. */
export function ruleIdProblem(keys: Iterable<string>, model: Pick<Questionnaire, 'ref' | 'rules'>): RuleKeyProblem | undefined {
  const ids = new Set(model.rules.map((r) => r.id));
  for (const key of keys) {
    const verdict = classifyRuleKey(key);
    if (verdict.kind !== 'rule' || ids.has(verdict.id)) continue;
    const prefixed = key.startsWith('rule/');
    const candidates = prefixed ? [...ids].map((id) => `rule/${id}`) : [...exactCodes(), ...RULE_GROUPS, ...ids];
    return {
      key,
      message: `"${key}" under rules is ${prefixed ? 'not a rule' : 'neither a finding code nor a rule'} of ${model.ref}${didYouMean(key, candidates)}`,
      hint: `See ${FINDINGS_PAGE} for the codes; eis questions --format json lists the rules.`,
    };
  }
  return undefined;
}

/** The problem as an error at the key's line in the config. */
export function ruleKeyError(problem: RuleKeyProblem, source: YamlSource, file: string): EisError {
  return new EisError(problem.message, { file, ...positionOf(source, ['rules', problem.key]), hint: problem.hint });
}

/** The keys under `rules` as written (the parsed record may have lost one such as `__proto__`). */
export function ruleKeysIn(source: YamlSource, parsed: Record<string, unknown>): string[] {
  const data = source.data as { rules?: unknown } | null | undefined;
  const raw = data && typeof data === 'object' && data.rules && typeof data.rules === 'object' ? Object.keys(data.rules) : [];
  return [...new Set([...raw, ...Object.keys(parsed)])];
}

/**
 * What a key may have meant: every code and group, and for a key that starts like a family
 * (`lint/glosary/obligor`), the family's prefix with the key's own tail (`lint/glossary/obligor`).
 */
function codeCandidates(key: string): string[] {
  const segments = key.split('/');
  const spelled = familyPrefixes().flatMap((prefix) => {
    const depth = prefix.split('/').length;
    const tail = segments.slice(depth).join('/');
    return tail ? [`${prefix}/${tail}`] : [];
  });
  return [...exactCodes(), ...RULE_GROUPS, ...spelled];
}

function didYouMean(key: string, candidates: string[]): string {
  const best = closest(key, candidates);
  return best ? `; did you mean "${best}"?` : '.';
}
