// The impact matrix: the entries of a list (populations) by the direction of their effect.
// A list takes part when one of its choice fields offers both a favourable and an unfavourable
// value (benefit/burden, positive/negative...): the questionnaire's own choices, in its own order,
// become the columns, so any questionnaire that asks for a direction gets a matrix.
import type { Field } from '../questionnaire/model.js';

export type Tone = 'favourable' | 'unfavourable' | 'neutral' | 'mixed' | 'unknown' | 'other';

const TONES: Record<string, Tone> = {
  benefit: 'favourable',
  benefits: 'favourable',
  positive: 'favourable',
  improves: 'favourable',
  advantage: 'favourable',
  burden: 'unfavourable',
  burdens: 'unfavourable',
  negative: 'unfavourable',
  adverse: 'unfavourable',
  harm: 'unfavourable',
  worsens: 'unfavourable',
  disadvantage: 'unfavourable',
  neutral: 'neutral',
  'no-effect': 'neutral',
  'no-impact': 'neutral',
  mixed: 'mixed',
  unknown: 'unknown',
  unclear: 'unknown',
  'not-known': 'unknown',
};

/** A shape per tone, so that the matrix reads without colour and in black-and-white print. */
export const SYMBOLS: Record<Tone, string> = {
  favourable: '▲',
  unfavourable: '▼',
  neutral: '●',
  mixed: '◆',
  unknown: '?',
  other: '■',
};

export function toneOf(value: string): Tone {
  return TONES[value.toLowerCase()] ?? 'other';
}

/** The choice field of a list that says in which direction an entry is affected, if it has one. */
export function directionField(list: Field): Field | undefined {
  if (list.type !== 'list') return undefined;
  return list.fields?.find((f) => {
    if (f.type !== 'choice' || !f.choices) return false;
    const tones = new Set(f.choices.map((c) => toneOf(c.value)));
    return tones.has('favourable') && tones.has('unfavourable');
  });
}
