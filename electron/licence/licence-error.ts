import { CoreError } from '../core/core-error.js';
import type { IpcErrorCode } from '../../shared/ipc/errors.js';
import type { LicenceDecision } from './evaluate-licence.js';

type LicenceErrorCode = Extract<IpcErrorCode, 'licence_blocked' | 'licence_expired'>;

/**
 * Thrown by the guards when the lease does not allow what was asked. It carries the whole decision
 * so a caller (and the lock screen behind it) can say why, e.g. the lease's block reason.
 */
export class LicenceError extends CoreError {
  constructor(
    code: LicenceErrorCode,
    message: string,
    readonly decision: LicenceDecision,
  ) {
    super(code, message);
    this.name = 'LicenceError';
  }
}
