import { domainMessages, fieldLabels, type FieldLabel } from '../../../shared/domain/messages.js';

/**
 * Dutch texts of the domain's validation messages: the domain's own (shared/domain/messages.ts),
 * so the two can never drift apart. See renderer/src/forms/domain-messages.ts.
 */
export const nlValidation = {
  validation: {
    messages: { ...domainMessages },
    labels: Object.fromEntries(fieldLabels.map((label) => [label, label])) as Record<FieldLabel, string>,
  },
};
