// The computed values (the screening level), each with the reason the questionnaire gives for it:
// the `because` of the case that decided it.
import type { Questionnaire } from '../../questionnaire/model.js';
import { holds, type ConditionContext } from '../../questionnaire/conditions.js';

export interface ComputedView {
  id: string;
  label: string;
  value: string;
  text: string;
  because: string | null;
}

/** `context` holds the answers and the check's computed values. */
export function computedViews(model: Questionnaire, context: ConditionContext): ComputedView[] {
  const computed = context.computed;
  return model.computed.map((c): ComputedView => {
    const value = computed[c.id] ?? c.otherwise;
    const because = c.cases.find((k) => holds(k.when, context))?.because ?? null;
    return { id: c.id, label: c.label, value, text: c.values.find((v) => v.value === value)?.label ?? value, because: computed[c.id] === undefined ? null : because };
  });
}
