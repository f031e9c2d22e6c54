import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { i18next } from '../i18n/index.js';
import { IpcCallError } from '../ipc/call.js';
import { translateDomainMessage } from './domain-messages.js';

/**
 * The core validates again (it must: the renderer is not trusted). Its field issues land next to
 * the fields they concern, exactly like the form's own checks, in the user's language. Returns whether any did.
 */
export function applyServerIssues<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  if (!(error instanceof IpcCallError) || !error.error.issues) return false;
  let placed = false;
  for (const issue of error.error.issues) {
    const field = issue.path.split('.').find((part) => fields.includes(part));
    if (field) {
      setError(field as Path<T>, { type: 'server', message: translateDomainMessage(issue.message, i18next.t.bind(i18next)) });
      placed = true;
    }
  }
  return placed;
}
