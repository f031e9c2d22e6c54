import { accessRefusals, type AccessRefusal } from '../../shared/ipc/errors.js';
import { CoreError } from '../core/core-error.js';
import type { CentralApiError } from '../sync/central-api.js';

const isAccessRefusal = (code: string): code is AccessRefusal => (accessRefusals as readonly string[]).includes(code);

/**
 * The central service turned the person away by a rule (paused account, network not allowed, 2FA
 * not set up, …): `forbidden` with that rule, so the screen can say what to do next. One mapping
 * for the sign-in and the admin screens' line to the service. Null for any other failure.
 */
export function accessRefusalError(error: CentralApiError): CoreError | null {
  if (!isAccessRefusal(error.code)) return null;
  return new CoreError('forbidden', error.message, { refusal: error.code });
}
