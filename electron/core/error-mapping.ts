import type { IpcError } from '../../shared/ipc/errors.js';
import { StoreError } from '../store/index.js';
import { CoreError } from './core-error.js';

/**
 * The failures a service means the user to see, as IPC errors; null for anything unexpected
 * (which the dispatcher logs and reports only as `internal`).
 */
export function toIpcError(error: unknown): IpcError | null {
  if (error instanceof CoreError) return { code: error.code, message: error.message, ...error.extra };
  if (error instanceof StoreError) {
    const { issues, retryAfterSeconds } = error.extra;
    return {
      code: error.code,
      message: error.message,
      ...(issues ? { issues } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  return null;
}
