// The file format of a questionnaire's translation (docs/translations.md): the words of one
// questionnaire in another language, keyed by the ids of its sections, questions, choices, computed
// values and rules. Ids and values are never translated; every text is.
import { z } from 'zod';

const text = z.string().min(1);
/** The first 12 hex characters of the SHA-256 of the English text translated (translate.ts). */
const source = z.preprocess(
  // Twelve hex digits that happen to be decimal ones read as a YAML number: the text is still recoverable.
  (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v < 1e12 ? String(v).padStart(12, '0') : v),
  z.string('source is text: put it in quotes when YAML would read it as a number').regex(/^[0-9a-f]{12}$/, 'source is the 12 hex characters eis questions --check-translations prints'),
);
const choice = z.union([text, z.strictObject({ label: text, help: text.optional() })]);

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export const sectionTranslationSchema = z.strictObject({ title: text, description: text.optional(), source: source.optional() });
export const questionTranslationSchema = z.strictObject({
  label: text,
  help: text.optional(),
  example: text.optional(),
  /** Choice value -> its label, or its label and help. */
  choices: z.record(z.string(), choice).optional(),
  source: source.optional(),
});
export const computedTranslationSchema = z.strictObject({ label: text, values: z.record(z.string(), text).optional(), source: source.optional() });
export const ruleTranslationSchema = z.strictObject({ message: text, help: text.optional(), source: source.optional() });

export const translationSchema = z.strictObject({
  $schema: z.string().optional(),
  translation: z.literal(1),
  language: z.string().regex(LANGUAGE_TAG, 'language is a BCP 47 tag such as es, fr or pt-BR'),
  questionnaire: z.string().regex(/^[a-z][a-z0-9_-]*@\d+$/, 'questionnaire is the id@version translated, such as equity-impact@2'),
  title: text,
  description: text.optional(),
  sections: z.record(z.string(), sectionTranslationSchema).default({}),
  questions: z.record(z.string(), questionTranslationSchema).default({}),
  computed: z.record(z.string(), computedTranslationSchema).default({}),
  rules: z.record(z.string(), ruleTranslationSchema).default({}),
});

export type Translation = z.output<typeof translationSchema>;
export type QuestionTranslation = z.output<typeof questionTranslationSchema>;

/** The keys each kind of entry may have, for suggestions when one is misspelt. */
export const TRANSLATION_KEYS = {
  top: Object.keys(translationSchema.shape),
  sections: Object.keys(sectionTranslationSchema.shape),
  questions: Object.keys(questionTranslationSchema.shape),
  computed: Object.keys(computedTranslationSchema.shape),
  rules: Object.keys(ruleTranslationSchema.shape),
  choice: ['label', 'help'],
} as const;
