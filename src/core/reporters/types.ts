import type { CheckReport } from '../findings/findings.js';

export interface ReportContext {
  /** Colour functions; identity when colour is off. */
  color: Colorizer;
  strict: boolean;
  version: string;
  /** What was checked, for report titles: `check` or `lint`. */
  tool: string;
  /** Rule descriptions for SARIF and JUnit, by finding code. */
  ruleHelp?: Record<string, string>;
}

export interface Colorizer {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export type Reporter = (report: CheckReport, context: ReportContext) => string;

export const plainColors: Colorizer = { red: String, yellow: String, green: String, dim: String, bold: String, underline: String };
