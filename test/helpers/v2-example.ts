// The approved example statement as equity-impact@2 holds it: migrated from version 1, and with
// every answer version 2 adds given, as an author would. Shared by the tests of v2's questions and
// of the interview.
import { join } from 'node:path';
import { expect } from 'vitest';
import { migrateData } from '../../src/core/migrate/migrate.js';
import { EXAMPLES } from './cli.js';
import { builtin, builtinLatest, readYaml } from './model.js';

/** The approved v1 example as eis migrate moves it to v2, nothing else changed. */
export function migratedExample(): Record<string, any> {
  const model = builtinLatest();
  const data = readYaml(join(EXAMPLES, 'memos', 'text-payment-reminders.eis.yaml'));
  const result = migrateData(data, [{ from: builtin(), to: model, steps: model.previous!.migrate }]);
  expect(result.problems).toEqual([]);
  return result.data as Record<string, any>;
}

/** The migrated example with every answer v2 adds, as an author would give them. */
export function completeV2(): Record<string, any> {
  const data = migratedExample();
  for (const group of data.populations.groups) group.perception = 'Most will welcome it; some are wary of texts from the agency.';
  data.populations.groups[0].kinds = ['language', 'race-ethnicity'];
  data.engagement.not_reached = 'Parents who speak Hmong: no interpreter was found. The Customer Advisory Body will hold a session with one.';
  for (const session of data.engagement.sessions)
    Object.assign(session, { languages: ['english', 'spanish'], accessibility: 'Childcare and an evening time.', compensation: 'paid', told_outcome: 'yes' });
  data.engagement.sessions[0].standing_body = 'customer-advisory-body';
  data.analysis.advances = 'Spanish from the first day narrows the gap in missed payments for parents who read Spanish.';
  data.analysis.amplify = 'Offer enrolment at every office visit.';
  data.analysis.assumptions = [{ id: 'own-phone', assumption: 'Parents control their own phone.', checked: 'With domestic violence advocates.', result: 'revised' }];
  Object.assign(data.mitigation, { budget: '$40,000 from the pilot budget, secured.', staff: 'Half an analyst for six months.', timeline: 'Before launch in June 2026.' });
  return data;
}
