// The programmatic API: the same core the CLI uses.
export { loadQuestionnaire, builtinQuestionnaireIds } from './edge/questionnaire/resolve.js';
export { parseQuestionnaire, parseQuestionnaireInput } from './core/questionnaire/load.js';
export type { Questionnaire, Field, Section } from './core/questionnaire/model.js';
export { checkStatementData } from './core/check/statement.js';
export { runCheck } from './edge/check/run.js';
export { loadConfig, parseConfig, defaultConfig } from './core/config/config.js';
export type { Config } from './core/config/config.js';
export type { Finding, CheckReport, StatementReport } from './core/findings/findings.js';
export { reporters } from './core/reporters/index.js';
export { statementJsonSchema } from './core/questionnaire/statement-schema.js';
export { EisError } from './core/errors.js';
export { buildStatementView } from './core/render/view.js';
export { createRenderer } from './core/render/render.js';
export { compareStatements, wordDiff } from './core/diff/compare.js';
export { runLint } from './edge/lint/run.js';
export { blockPositions } from './core/yaml/block-positions.js';
export { setAnswer, appendEntry, documentText, newStatementText } from './core/statement/edit.js';
export { readStatement, writeAtomic } from './edge/files/statement-file.js';
