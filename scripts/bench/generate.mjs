// A seeded generator of realistic statements for the benchmark and the fast/slow equivalence test.
// Every statement answers the built-in questionnaire fully; a share of them carry typical gaps
// (a placeholder, a missing answer, an unknown key, a population left unmitigated).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough to make the same corpus on every machine. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  'text-message payment reminders',
  'an online application portal',
  "driver's licence suspension review",
  'a payment plan for past-due support',
  'evening court hearings',
  'a new case closure notice',
  'interpreter services at hearings',
  'a debt forgiveness pilot',
  'employer outreach for income withholding',
  'a family resource center partnership',
];
const counties = ['Los Angeles', 'Fresno', 'Humboldt', 'Kern', 'Alameda', 'Tulare', 'Shasta', 'Imperial', 'Riverside', 'Sonoma'];
const people = ['Dana Ruiz', 'Sam Okafor', 'Morgan Lee', 'Priya Natarajan', 'Luis Herrera', 'Kim Tran', 'Jordan Blake', 'Ana Souza'];
const populations = [
  ['language', 'Parents with limited English'],
  ['income', 'Parents with low incomes'],
  ['region', 'Parents in rural counties'],
  ['incarceration', 'Parents returning from incarceration'],
  ['disability', 'Parents with disabilities'],
  ['race-ethnicity', 'Black parents'],
  ['race-ethnicity', 'Latino parents'],
  ['tribal', 'Tribal families'],
  ['sex-gender', 'Transgender and gender non-conforming parents'],
  ['age', 'Parents aged 55 and over'],
];
const directions = ['benefit', 'burden', 'neutral', 'unknown'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const date = (rand, year) => `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

/** One statement's YAML text. `groupCount` sets the number of population entries. */
export function statementText(rand, index, groupCount = 3 + Math.floor(rand() * 3)) {
  const topic = pick(rand, topics);
  const county = pick(rand, counties);
  const groups = [];
  const used = new Set();
  for (let i = 0; i < groupCount; i++) {
    let [kind, name] = pick(rand, populations);
    if (groupCount > populations.length || used.has(name)) name = `${name} in ${pick(rand, counties)} (${i + 1})`;
    used.add(name);
    groups.push({ id: slug(name), kind, name, direction: pick(rand, directions) });
  }
  const needing = groups.filter((g) => g.direction === 'burden' || g.direction === 'unknown');
  const gap = rand();
  const lines = [
    '# yaml-language-server: $schema=../schemas/equity-impact.schema.json',
    `# Statement ${index}: ${topic} in ${county} County.`,
    'eis: 1',
    'questionnaire: equity-impact@1',
    'initiative:',
    `  title: ${topic.charAt(0).toUpperCase()}${topic.slice(1)} (${county} ${index})`,
    `  kind: ${pick(rand, ['project', 'memo', 'demand', 'initiative', 'policy', 'budget-request'])}`,
    '  summary: >-',
    `    We propose ${topic} for parents served in ${county} County. Parents choose whether to take`,
    '    part, and every existing way of reaching us stays open. We will report results by group.',
    `  division: ${pick(rand, ['Customer Services Division', 'Program Operations Division', 'Office of Equity', 'Legal Services'])}`,
    `  author: ${pick(rand, people)}`,
    `  status: ${gap < 0.8 ? 'in-review' : 'draft'}`,
    'screening:',
    '  affected: [custodial-parents, noncustodial-parents, children]',
    '  changes: [payments, notices-forms, access-channels]',
    '  known_disparities: yes',
    `  disparities_note: Parents in ${county} County miss payments at ${10 + Math.floor(rand() * 20)}% against 15% statewide.`,
    '  staff_discretion: no',
    'proposal:',
    `  problem: Parents miss payments for ordinary reasons, and mailed notices arrive late in ${county} County.`,
    `  decision: Run a ${6 + Math.floor(rand() * 12)}-month pilot of ${topic} in ${county} County.`,
    `  desired_results: ${gap > 0.95 ? 'TBD' : 'Fewer missed payments and fewer enforcement actions, with no group left behind.'}`,
    'populations:',
    '  groups:',
  ];
  for (const g of groups) {
    lines.push(
      `    - id: ${g.id}`,
      `      population: ${g.kind}`,
      `      name: ${g.name}`,
      `      effect: ${pick(rand, ['direct', 'indirect'])}`,
      `      direction: ${g.direction}`,
      `      size: About ${1 + Math.floor(rand() * 90)},000 parents`,
      `      why: The change reaches ${g.name.toLowerCase()} differently because of access to phones, time off work and language.`,
      `      evidence: ${date(rand, 2025)} case data and the ${county} County listening session.`,
    );
  }
  lines.push(
    'data:',
    '  datasets:',
    '    - id: cse-case-data',
    '      name: Case and payment history',
    '      source: Child Support Enforcement system (CSE)',
    `      as_of: ${date(rand, 2026)}`,
    '      disaggregated_by: [language, region, age, race-ethnicity]',
    '      small_cells_suppressed: yes',
    '  gaps:',
    '    - id: phone-reliability',
    '      gap: We do not know how many parents have a phone that works all month.',
    '      plan: Ask in the sign-up form and in the next customer survey.',
    `      due: ${date(rand, 2027)}`,
    'engagement:',
    '  engaged: yes',
    '  sessions:',
    `    - id: ${slug(county)}-listening-session`,
    `      who: Parents at the ${county} family resource center`,
    '      method: listening-session',
    `      date: ${date(rand, 2026)}`,
    `      level: ${pick(rand, ['inform', 'consult', 'involve', 'collaborate', 'empower'])}`,
    '      heard: Parents asked for Spanish from day one and for no amounts in messages.',
    '      changed: Spanish moved into the launch; messages carry no amounts.',
    'analysis:',
    '  benefits: Parents with a working phone get reminders sooner.',
    '  burdens: Parents without a reliable phone get no benefit.',
    '  root_causes: Contact data is collected unevenly across counties and languages.',
    '  unintended: Staff could treat parents who do not enrol as less cooperative.',
    '  worsens_disparity: ignores',
    '  disparity_explanation: The pilot does not close the contact-data gap by itself; the actions below do.',
    'access:',
    '  language_access: English and Spanish at launch; the other threshold languages within six months.',
    '  translations: [spanish, vietnamese, chinese, tagalog]',
    '  accessible_formats: Plain text that screen readers read; relay calls for sign-up.',
    '  technology_barriers: Works on any phone that receives text messages.',
    `  plain_language: ${gap > 0.9 && gap <= 0.95 ? 'maybe' : 'yes'}`,
    'mitigation:',
    '  alternatives: Email reminders and automated calls were considered and reached fewer parents.',
    '  actions:',
  );
  const addressed = gap > 0.85 && gap <= 0.9 ? needing.slice(1) : needing;
  addressed.forEach((g, i) => {
    lines.push(
      `    - id: action-${i + 1}`,
      `      what: Support for ${g.name.toLowerCase()} from the first day`,
      `      populations: [${g.id}]`,
      `      owner: ${pick(rand, ['Customer Services Division', 'Office of Equity'])}`,
      `      due: ${date(rand, 2027)}`,
      '      measure: Enrolment within 5 points of the statewide rate',
      `      status: ${pick(rand, ['planned', 'in-progress', 'done'])}`,
    );
  });
  if (!addressed.length)
    lines.push(
      '    - id: general-support',
      '      what: A help line for every parent',
      `      populations: [${groups[0].id}]`,
      '      owner: Customer Services Division',
      '      due: 2027-01-31',
      '      measure: Calls answered within 5 minutes',
      '      status: planned',
    );
  lines.push(
    '  decision: proceed-adjusted',
    '  justification: The pilot goes ahead with the adjustments above.',
    'monitoring:',
    '  indicators:',
    '    - id: missed-payments',
    '      metric: Share of parents who miss two or more payments in six months',
    '      disaggregation: [language, region, age]',
    `      baseline: ${10 + Math.floor(rand() * 20)}% (2025)`,
    '      target: 12%, with no group above 15%',
    '      source: CSE payment history',
    '      frequency: quarterly',
    `  review_date: ${date(rand, 2027 + Math.floor(rand() * 2))}`,
    `  responsible: ${pick(rand, ['Office of Equity, research unit', 'Customer Services Division'])}`,
  );
  if (gap > 0.8 && gap <= 0.85) lines.push('  review-cadence: quarterly');
  lines.push('communication:', `  report_back: A one-page summary in English and Spanish at the ${county} family resource center.`, '  published: yes', 'signoff:', '  reviewers: []', '');
  return lines.join('\n');
}

/** Writes `count` statements into `dir` and returns their paths. */
export function writeCorpus(dir, count, seed = 20261123) {
  const rand = random(seed);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `s${String(i).padStart(5, '0')}.eis.yaml`);
    writeFileSync(file, statementText(rand, i));
    files.push(file);
  }
  return files;
}
