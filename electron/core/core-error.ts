import type { AccessRefusal, IpcErrorCode, IpcIssue } from '../../shared/ipc/errors.js';

/** A failure a handler means to report to the user; anything else thrown becomes `internal`. */
export class CoreError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly extra: { issues?: IpcIssue[]; retryAfterSeconds?: number; refusal?: AccessRefusal } = {},
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
