// Statements for the report tests: seeded, half pinned to equity-impact@1 (the v1 key names) and
// half to @2, with every part the report counts varied. Each statement is kept as the plain data
// the test counts from, beside the YAML written to disk.
import { stringify } from 'yaml';

export const KINDS = ['race-ethnicity', 'language', 'disability', 'region', 'income', 'age'];
export const EFFECTS = ['benefit', 'burden', 'neutral', 'unknown'];
export const DIVISIONS = ['Program Operations Division', 'Customer Engagement Office', 'Office of Equity'];
export const OWNERS = ['Customer Engagement Office', 'Program Operations Division', 'Legal Services'];
export const BODIES = ['customer-advisory-body', 'voice-council', ''];
export const LANGUAGES = ['english', 'spanish', 'vietnamese', 'chinese'];
export const STATUSES = ['planned', 'in-progress', 'done', 'dropped'];

export interface Generated {
  name: string;
  version: 1 | 2;
  data: Record<string, any>;
  text: string;
}

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

export function generateStatements(count: number, seed = 7): Generated[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const date = (year0: number) => `${year0 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const out: Generated[] = [];
  for (let n = 0; n < count; n++) {
    const version = n % 2 === 0 ? 1 : 2;
    const gaps = Array.from({ length: Math.floor(rand() * 3) }, (_, i) => ({
      id: `gap-${i}`,
      gap: `Gap ${i} of statement ${n}`,
      ...(rand() < 0.6 ? { plan: `Plan for gap ${i}` } : {}),
      due: date(2025),
    }));
    const groups = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => {
      const kinds = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(KINDS)))];
      const effect = pick(EFFECTS);
      const gap = gaps.length && rand() < 0.5 ? pick(gaps).id : undefined;
      const base = { id: `group-${i}`, name: `Group ${i}, "quoted", of statement ${n}`, why: 'Because.', ...(gap ? { data_gap: gap } : {}) };
      return version === 1 ? { ...base, population: kinds[0], effect: pick(['direct', 'indirect']), direction: effect } : { ...base, kinds, directness: pick(['direct', 'indirect']), effect };
    });
    const actions = Array.from({ length: Math.floor(rand() * 4) }, (_, i) => ({
      id: `action-${i}`,
      what: `=Action ${i} of statement ${n}`,
      populations: groups.filter(() => rand() < 0.4).map((g) => g.id),
      owner: pick(OWNERS),
      due: date(2024),
      status: pick(STATUSES),
    }));
    const sessions = Array.from({ length: rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 3) }, (_, i) => {
      const body = pick(BODIES);
      const session: Record<string, unknown> = { id: `session-${i}`, who: `People ${i}`, method: 'listening-session', date: date(2024), level: 'consult', heard: 'Things.', changed: 'Things.' };
      if (version === 2) {
        if (body) session.standing_body = body;
        session.languages = [...new Set([pick(LANGUAGES), pick(LANGUAGES)])];
      }
      return session;
    });
    const reviewDate = date(2025);
    const data: Record<string, any> = {
      eis: 1,
      questionnaire: `equity-impact@${version}`,
      initiative: { title: `Initiative ${n}`, kind: 'memo', division: pick(DIVISIONS), status: pick(['draft', 'in-review', 'approved']) },
      screening: { affected: ['children'], changes: ['payments'], known_disparities: 'yes', staff_discretion: 'no' },
      populations: { groups },
      data: { gaps },
      engagement: { engaged: sessions.length ? 'yes' : 'no', sessions },
      mitigation: { actions, decision: pick(['proceed', 'proceed-adjusted', 'proceed-justified-burden']), justification: 'Because.' },
      monitoring: {
        indicators: Array.from({ length: Math.floor(rand() * 3) }, (_, i) => ({ id: `ind-${i}`, metric: `Metric ${i}`, baseline: `${i}0%`, target: `${i}5%`, frequency: 'quarterly' })),
        review_date: reviewDate,
        ...(rand() < 0.3 ? { post_review: 'Reviewed.' } : {}),
      },
    };
    out.push({ name: `s${String(n).padStart(4, '0')}.eis.yaml`, version, data, text: stringify(data) });
  }
  return out;
}

/** The kinds, effect and directness of a generated group, whichever version wrote it. */
export function groupOf(g: Record<string, any>, version: 1 | 2): { kinds: string[]; effect: string } {
  return version === 1 ? { kinds: [g.population], effect: g.direction } : { kinds: g.kinds, effect: g.effect };
}
