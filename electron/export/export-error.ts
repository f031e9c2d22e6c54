import { CoreError } from '../core/core-error.js';

/** Export failures with the IPC codes of shared/ipc/errors.ts ('cancelled', 'forbidden', 'storage_full' …). */
export class ExportError extends CoreError {
  override readonly name = 'ExportError';
}

export function cancelledError(): ExportError {
  return new ExportError('cancelled', 'The export was cancelled; no file was written');
}

/** Throws when the signal has fired; called between records so a cancel takes effect quickly. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Turns file system errors the user can act on into their codes; anything else stays as it is. */
export function fromFileSystemError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ExportError('storage_full', 'The disk is full; the export was not written');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ExportError('forbidden', 'The export cannot be written to that folder');
  }
  return error;
}
