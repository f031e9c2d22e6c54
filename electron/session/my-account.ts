import { apiRoutes } from '../../shared/api/routes.js';
import type { RenewRecoveryCodesResult } from '../../shared/ipc/calls/account.js';
import { CoreError } from '../core/core-error.js';
import type { LocalStore } from '../store/index.js';
import { CentralApiError, type CentralApi } from '../sync/central-api.js';
import { DeviceValues, syncValueKeys } from '../sync/device-values.js';
import { coreErrorFrom } from './online-sign-in.js';
import type { SessionService } from './session-service.js';

/** Someone is waiting at the screen: shorter than a sync call. */
const ACCOUNT_TIMEOUT_MS = 15_000;

/**
 * The signed-in user's own account on the central service (SPEC §4), with the session token the
 * online sign-in stored in the encrypted store. Passwords and codes pass through to the service and
 * the key derivation only: never into a field, an error or a log.
 */
export class MyAccount {
  constructor(
    private readonly session: SessionService,
    private readonly store: LocalStore,
    private readonly api: CentralApi,
  ) {}

  /**
   * Service first, then this device: the service checks the current password and ends the user's
   * other sessions; then the open store's key is re-wrapped under the new password (the database is
   * not re-encrypted; the key file is replaced atomically). The re-wrap uses the key the open store
   * holds, not the current password, so a device whose wrap was out of step with the service ends
   * in step too. A crash between the two leaves the old wrap: the next online sign-in with the new
   * password re-wraps it (online-sign-in.ts, tested in account.test.ts).
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.call((token) => this.api.call(apiRoutes.changePassword, { token, timeoutMs: ACCOUNT_TIMEOUT_MS, body: { currentPassword, newPassword } }));
    this.store.setPasswordAfterOnlineSignIn(newPassword);
  }

  async twoFactorEnabled(): Promise<boolean> {
    const me = await this.call((token) => this.api.call(apiRoutes.me, { token, timeoutMs: ACCOUNT_TIMEOUT_MS }));
    return me.user.twoFactorEnabled;
  }

  /** A current code from the app proves the phone; the service then replaces all recovery codes. */
  async renewRecoveryCodes(code: string): Promise<RenewRecoveryCodesResult> {
    try {
      const { recoveryCodes } = await this.call((token) => this.api.call(apiRoutes.regenerateRecoveryCodes, { token, timeoutMs: ACCOUNT_TIMEOUT_MS, body: { code } }), false);
      return { state: 'renewed', recoveryCodes };
    } catch (error) {
      if (error instanceof CentralApiError && error.code === 'invalid_two_factor_code') return { state: 'invalid' };
      throw accountErrorFrom(error);
    }
  }

  private async call<T>(send: (token: string) => Promise<T>, mapErrors = true): Promise<T> {
    this.session.dossiers(); // throws not_signed_in / locked: only the open app's own user
    const token = new DeviceValues(() => this.store.connection).get(syncValueKeys.sessionToken);
    if (!token) throw new CoreError('not_signed_in', 'This device has no session with the central service; sign in online again.');
    try {
      return await send(token);
    } catch (error) {
      throw mapErrors ? accountErrorFrom(error) : error;
    }
  }
}

function accountErrorFrom(error: unknown): unknown {
  if (!(error instanceof CentralApiError)) return error;
  if (error.code === 'unreachable') return new CoreError('offline', 'The central service cannot be reached; changing the account needs internet.');
  if (error.code === 'not_signed_in' || error.code === 'session_expired') {
    return new CoreError('not_signed_in', 'The session with the central service has ended; sign in online again.');
  }
  if (error.code === 'invalid_credentials') return new CoreError('wrong_password', 'The current password is not right.');
  // New recovery codes while 2FA is off (turned off elsewhere since the page was opened).
  if (error.code === 'conflict') return new CoreError('conflict', error.message);
  return coreErrorFrom(error);
}
