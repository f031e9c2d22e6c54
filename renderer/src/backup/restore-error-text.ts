import type { TFunction } from 'i18next';
import { IpcCallError } from '../ipc/call.js';

/**
 * What a failed restore tells the user. The general error texts speak of "the data" being damaged;
 * here it is the backup, and the nurse must hear that nothing of hers was touched.
 */
export function restoreErrorText(error: unknown, t: TFunction, kept: number): string | null {
  const code = error instanceof IpcCallError ? error.error.code : 'internal';
  switch (code) {
    case 'tampered':
      return t('backup.tampered');
    case 'forbidden':
      return t('backup.foreign');
    case 'not_found':
      return t('backup.notFound', { kept });
    case 'wrong_password':
    case 'too_many_attempts':
      return null; // shown at the password field
    default:
      return t('backup.failed');
  }
}
