import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { IpcCallError } from './call.js';

/** Turns any failure into a sentence for the user, in the chosen language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorTextFor(t, error);
}

/**
 * The sentence for a failure: by its code, or — when the central service said which rule turned
 * the person away (paused account, network not allowed, …) — by that rule, which says what to do.
 */
export function errorTextFor(t: TFunction, error: unknown): string {
  if (!(error instanceof IpcCallError)) return t('errors.internal');
  if (error.error.refusal) return t(`errors.refusal.${error.error.refusal}`);
  return t(`errors.${error.error.code}`);
}
