// The programmatic API: the same core the CLI uses.
export { loadQuestionnaire, builtinQuestionnaireIds } from './questionnaire/resolve.js';
export { parseQuestionnaire, parseQuestionnaireInput } from './questionnaire/load.js';
export type { Questionnaire, Field, Section } from './questionnaire/model.js';
export { checkStatementData } from './check/statement.js';
export { runCheck } from './check/run.js';
export { loadConfig, parseConfig, defaultConfig } from './config.js';
export type { Config } from './config.js';
export type { Finding, CheckReport, StatementReport } from './check/findings.js';
export { reporters } from './check/reporters/index.js';
export { statementJsonSchema } from './questionnaire/statement-schema.js';
export { EisError } from './errors.js';
export { buildStatementView } from './render/view.js';
export { createRenderer } from './render/render.js';
export { compareStatements, wordDiff } from './diff/compare.js';
export { runLint } from './lint/run.js';
export { blockPositions } from './yaml/block-positions.js';
export { setAnswer, appendEntry, documentText, newStatementText } from './statement/edit.js';
export { readStatement, writeAtomic } from './statement/file.js';
