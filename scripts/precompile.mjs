// Validates each built-in questionnaire once, at build time, and stores the result beside the
// bundle with the hash of its YAML (see src/edge/questionnaire/resolve.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionnaireInput } from '../dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'schemas', 'questionnaires');
mkdirSync(join(root, 'dist', 'builtin'), { recursive: true });
// Translations (`<stem>.<lang>.yaml`) sit beside the questionnaires but are not questionnaires themselves.
const translation = /\.[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\.yaml$/;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !translation.test(f))) {
  const bytes = readFileSync(join(dir, name));
  const input = parseQuestionnaireInput(bytes.toString('utf8'), join('schemas', 'questionnaires', name));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(root, 'dist', 'builtin', name.replace(/\.yaml$/, '.json')), JSON.stringify({ sha256, input }));
}
