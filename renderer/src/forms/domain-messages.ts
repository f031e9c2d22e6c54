import type { TFunction } from 'i18next';
import { parseDomainMessage } from '../../../shared/domain/messages.js';

/**
 * A validation message from the domain (the form's own check or the core's) in the user's
 * language: recognised by its Dutch template, shown as the translation of its code, with the
 * field's name translated too. A message the domain does not know is shown as it came.
 */
export function translateDomainMessage(message: string, t: TFunction): string {
  const parsed = parseDomainMessage(message);
  if (!parsed) return message;
  const params: Record<string, string> = { ...parsed.params };
  if (params.label !== undefined) params.label = t(`validation.labels.${params.label}`, { defaultValue: params.label });
  return t(`validation.messages.${parsed.code}`, params);
}
