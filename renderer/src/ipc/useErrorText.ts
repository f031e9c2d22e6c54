import { useTranslation } from 'react-i18next';
import { IpcCallError } from './call.js';

/** Turns any failure into a sentence for the user, in the chosen language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const code = error instanceof IpcCallError ? error.error.code : 'internal';
    return t(`errors.${code}`);
  };
}
