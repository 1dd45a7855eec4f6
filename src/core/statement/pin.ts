// The `questionnaire: id@version` line that pins a statement to the questions it answers.
import { EisError } from '../errors.js';
import { isPlainObject } from '../questionnaire/answers.js';
import type { Questionnaire } from '../questionnaire/model.js';

export interface Pin {
  id: string;
  version: number;
}

export function parsePin(value: unknown): Pin | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([a-z][a-z0-9_-]*)@(\d+)$/.exec(value.trim());
  return match ? { id: match[1]!, version: Number(match[2]) } : undefined;
}

/**
 * Picks the questionnaire a statement is written for. `known` are the questionnaires eis can use
 * here (the config's and the built-in ones). Throws an EisError (placed by the caller) when none fits.
 */
export function questionnaireFor(
  data: unknown,
  known: ((id: string) => Questionnaire | undefined) & { main?: Questionnaire; older?: (id: string, version: number) => { model: Questionnaire } | undefined },
): Questionnaire {
  const raw = isPlainObject(data) ? data.questionnaire : undefined;
  if (raw === undefined)
    throw new EisError('the statement does not say which questionnaire it answers.', {
      code: 'file/questionnaire',
      hint: 'Add a line "questionnaire: equity-impact@1" at the top (or the id@version of your questionnaire).',
    });
  const pin = parsePin(raw);
  if (!pin) throw new EisError(`"questionnaire: ${String(raw)}" is not written id@version.`, { code: 'file/questionnaire', hint: 'Write it like "questionnaire: equity-impact@1".' });
  const model = known(pin.id);
  if (!model && known.main)
    throw new EisError(`the statement answers questionnaire "${pin.id}", but the config requires ${known.main.ref}.`, {
      code: 'questionnaire/not-allowed',
      hint: `Answer ${known.main.ref} ("questionnaire: ${known.main.ref}"); the questionnaire a statement answers is the config's to choose.`,
    });
  if (!model)
    throw new EisError(`the statement answers questionnaire "${pin.id}", which eis does not know here.`, {
      code: 'file/questionnaire',
      hint: 'Name its file under "questionnaire:" in eis.config.yaml.',
    });
  if (pin.version > model.version)
    throw new EisError(`the statement answers ${pin.id}@${pin.version}, newer than the ${model.ref} eis has.`, {
      code: 'file/questionnaire',
      hint: 'Update eis or the questionnaire file, then run again.',
    });
  // An earlier version the questionnaire still knows: the statement is checked against its own questions.
  const older = pin.version < model.version ? known.older?.(pin.id, pin.version) : undefined;
  if (older) return older.model;
  if (pin.version < model.version)
    throw new EisError(`the statement answers ${pin.id}@${pin.version}, but the questionnaire is now ${model.ref} and has no migration from version ${pin.version}.`, {
      code: 'file/questionnaire',
      hint: `Review the answers against ${model.ref} and change the pin.`,
    });
  return model;
}
