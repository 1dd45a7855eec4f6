// Validates each built-in questionnaire once, at build time, and stores the result beside the
// bundle with the hash of its YAML (see src/edge/questionnaire/resolve.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionnaireInput } from '../dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'schemas', 'questionnaires');
mkdirSync(join(root, 'dist', 'builtin'), { recursive: true });
// Questionnaires and their earlier versions (`<id>.v<N>.yaml`); translations (`<id>.<lang>.yaml`) are not questionnaires.
for (const name of readdirSync(dir).filter((f) => /^[a-z][a-z0-9_-]*(\.v\d+)?\.yaml$/.test(f))) {
  const bytes = readFileSync(join(dir, name));
  const input = parseQuestionnaireInput(bytes.toString('utf8'), join('schemas', 'questionnaires', name));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(root, 'dist', 'builtin', name.replace(/\.yaml$/, '.json')), JSON.stringify({ sha256, input }));
}
