// Reading statements for the portfolio report: the one statement reader (fast when it can follow
// the text), and data pinned to an earlier questionnaire migrated in memory first, so that every
// statement is counted by the same questions.
import { EisError } from '../../core/errors.js';
import { migrateData } from '../../core/migrate/migrate.js';
import type { Questionnaire } from '../../core/questionnaire/model.js';
import { statementFacts, type StatementFacts } from '../../core/report/facts.js';
import { readStatement } from '../../core/statement/reader.js';
import { parsePin, questionnaireFor } from '../../core/statement/pin.js';
import { decodeLines } from '../../core/yaml/line-endings.js';
import { displayPath } from '../files/discover.js';
import { readBytes } from '../files/statement-file.js';
import type { Registry } from '../questionnaire/registry.js';

export interface ReadProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The facts of each statement that can be read; the others as problems, with where and why. */
export function readFacts(files: string[], known: Registry, options: { cwd: string; today: string }): { facts: StatementFacts[]; problems: ReadProblem[] } {
  const facts: StatementFacts[] = [];
  const problems: ReadProblem[] = [];
  for (const file of files) {
    const shown = displayPath(file, options.cwd);
    try {
      const read = readStatement(decodeLines(readBytes(file, 'statement'), shown).text, shown, { prefer: 'fast' });
      let data = read.data;
      let model: Questionnaire;
      try {
        model = questionnaireFor(data, known);
      } catch (error) {
        if (!(error instanceof EisError)) throw error;
        const at = read.at(['questionnaire']);
        problems.push({ file: shown, line: at.line, column: at.column, message: error.message });
        continue;
      }
      if (model !== known.main) {
        const pin = parsePin((data as { questionnaire?: unknown }).questionnaire);
        const older = pin ? known.older(pin.id, pin.version) : undefined;
        if (older) {
          data = migrateData(data, older.chain).data;
          model = known.main;
        }
      }
      facts.push(statementFacts(shown, model, data, options.today));
    } catch (error) {
      if (!(error instanceof EisError)) throw error;
      problems.push({ file: shown, line: error.line ?? 1, column: error.column ?? 1, message: error.message });
    }
  }
  return { facts, problems };
}
