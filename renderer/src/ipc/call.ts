import type { IpcError, IpcResult } from '../../../shared/ipc/errors.js';

/** A failed core call as an exception, for TanStack Query and form handlers. */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
  }
}

export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new IpcCallError(result.error);
  return result.value;
}
