// Rendering from source for tests of the pure core: view model and templates, no binary.
import { loadQuestionnaire } from '../../src/edge/questionnaire/resolve.js';
import type { Questionnaire } from '../../src/core/questionnaire/model.js';
import { checkStatementData } from '../../src/core/check/statement.js';
import { buildStatementView, type StatementView } from '../../src/core/render/view.js';
import { createRenderer, type Format } from '../../src/core/render/render.js';
import { loadTemplates } from '../../src/cli/render/run.js';
import { defaultConfig } from '../../src/core/config/config.js';
import { ROOT } from '../helpers/cli.js';
import { fixture, readYaml } from '../helpers/model.js';
import { join } from 'node:path';

export const TODAY = '2026-11-23';

export const raceForward = (): Questionnaire => loadQuestionnaire(fixture('questionnaires', 'race-forward.yaml'));

export function example(name: string): unknown {
  return readYaml(join(ROOT, 'examples', 'memos', `${name}.eis.yaml`));
}

export function viewOf(model: Questionnaire, data: unknown): StatementView {
  return buildStatementView(model, data, checkStatementData(model, data, { today: TODAY }), { today: TODAY });
}

export function renderView(view: StatementView, format: Format): string {
  return createRenderer(loadTemplates(format, defaultConfig(ROOT), ROOT, {}), format)(view);
}

export function render(model: Questionnaire, data: unknown, format: Format): string {
  return renderView(viewOf(model, data), format);
}
