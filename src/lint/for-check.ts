// `eis check --lint`: language findings on statements' text answers, as warnings.
import type { CheckReport } from '../check/findings.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { EisError } from '../errors.js';

export async function lintStatements(_report: CheckReport, _config: Config, _ctx: Context): Promise<void> {
  throw new EisError('--lint is not available in this version of eis yet.', { hint: 'Run eis check without --lint.' });
}
