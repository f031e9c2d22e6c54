import { apiRoutes } from '../../shared/api/routes.js';
import type { TwoFactorConfirmResult, TwoFactorSetUp } from '../../shared/ipc/calls/session.js';
import { CentralApiError, type CentralApi } from '../sync/central-api.js';
import { coreErrorFrom } from './online-sign-in.js';

/**
 * Setting up 2FA on the first sign-in when the organisation requires it (SPEC §4). The service
 * refused the sign-in with a short session that may only enrol; this holds that session's token in
 * the core's memory — never in the store, a log or an IPC answer — from `start` until `confirm`
 * succeeds, the session expires, or a new sign-in replaces it.
 */
export class TwoFactorEnrolment {
  private pending: { token: string } | null = null;

  constructor(private readonly api: CentralApi) {}

  /** Asks the service for a new secret (pending there until confirmed); the same for a retry. */
  async start(token: string): Promise<TwoFactorSetUp> {
    this.pending = null;
    let answer: { secret: string; otpauthUri: string };
    try {
      answer = await this.api.call(apiRoutes.enrolTwoFactor, { token });
    } catch (error) {
      throw coreErrorFrom(error);
    }
    this.pending = { token };
    return { secret: answer.secret, otpauthUri: answer.otpauthUri };
  }

  /**
   * A correct code turns 2FA on and returns the recovery codes; the service then ends the enrolment
   * session, so the device signs in again (with the next code: the service accepts a code once).
   */
  async confirm(code: string): Promise<TwoFactorConfirmResult> {
    const pending = this.pending;
    if (!pending) return { state: 'expired' };
    try {
      const { recoveryCodes } = await this.api.call(apiRoutes.confirmTwoFactor, { token: pending.token, body: { code } });
      this.pending = null;
      return { state: 'confirmed', recoveryCodes };
    } catch (error) {
      if (!(error instanceof CentralApiError)) throw error;
      if (error.code === 'invalid_two_factor_code') return { state: 'invalid' };
      if (error.code === 'not_signed_in' || error.code === 'session_expired') {
        this.pending = null;
        return { state: 'expired' };
      }
      // Already on (a second window, a double click that got through): the set-up is done; sign in.
      if (error.code === 'conflict') {
        this.pending = null;
        return { state: 'expired' };
      }
      throw coreErrorFrom(error);
    }
  }

  forget(): void {
    this.pending = null;
  }
}
