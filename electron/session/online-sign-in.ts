import { apiRoutes } from '../../shared/api/routes.js';
import type { SignInResponse } from '../../shared/api/auth.js';
import type { SignInResult } from '../../shared/ipc/calls/session.js';
import type { ShippedLeaseKeys } from '../licence/lease-verifier.js';
import { CoreError } from '../core/core-error.js';
import { StoreError, type LocalStore } from '../store/index.js';
import { CentralApiError, type CentralApi } from '../sync/central-api.js';
import { DeviceValues, syncValueKeys } from '../sync/device-values.js';
import { readDeviceAccount, writeDeviceAccount } from './device-account.js';
import { deviceLicence } from './device-licence.js';
import { deviceInfo } from './device-registration.js';
import { accessRefusalError } from './access-refusal.js';

export interface OnlineSignInInput {
  email: string;
  password: string;
  totp?: string | undefined;
  /** The password this device's store was last wrapped under, when the service's was changed since (see openStore). */
  previousPassword?: string | undefined;
}

export interface OnlineSignInOptions {
  store: LocalStore;
  dataDir: string;
  api: CentralApi;
  appVersion: string;
  leaseKeys: ShippedLeaseKeys;
}

export type OnlineSignInOutcome =
  | { kind: 'two-factor'; reason: Extract<SignInResult, { state: 'two-factor' }>['reason'] }
  /** 2FA is required and not set up: the token of a session that may only set it up (core only). */
  | { kind: 'enrolment-required'; enrolmentToken: string }
  | { kind: 'signed-in'; answer: SignInResponse };

/**
 * The online sign-in (SPEC §4): the central service checks e-mail, password and the TOTP code and
 * registers this device; then, on the device, in this order so that a crash at any point leaves a
 * state the next sign-in repairs:
 * 1. the encrypted store: created with this password on a first sign-in; on a later one opened,
 *    its wrong-password counters reset, and re-wrapped if the password was changed online;
 * 2. organisation and user into the store's directory, the session token into the store;
 * 3. the lease, verified with the configured keys, into the licence service;
 * 4. the device account file last: until it exists the device counts as never signed in.
 * The password and the code go to the service and to the key derivation only; never to a log.
 */
export async function signInOnline(options: OnlineSignInOptions, input: OnlineSignInInput): Promise<OnlineSignInOutcome> {
  const { store, dataDir, api } = options;
  const previous = store.exists() ? readDeviceAccount(dataDir) : null;
  let answer: SignInResponse;
  try {
    answer = await api.call(apiRoutes.signIn, {
      body: {
        email: input.email,
        password: input.password,
        ...(input.totp ? { totp: input.totp } : {}),
        device: deviceInfo(previous?.deviceId ?? null, options.appVersion),
      },
    });
  } catch (error) {
    if (error instanceof CentralApiError && error.code === 'two_factor_required') return { kind: 'two-factor', reason: 'required' };
    if (error instanceof CentralApiError && error.code === 'invalid_two_factor_code') return { kind: 'two-factor', reason: 'invalid' };
    const enrolmentToken = error instanceof CentralApiError && error.code === 'two_factor_enrolment_required' ? error.enrolmentToken() : undefined;
    if (enrolmentToken) return { kind: 'enrolment-required', enrolmentToken };
    throw coreErrorFrom(error);
  }
  if (previous && previous.userId !== answer.user.id) {
    throw new CoreError('conflict', 'This device holds the dossier store of another user; it cannot be shared.');
  }

  openStore(store, input.password, input.previousPassword);
  store.directory.upsertOrganisation({
    id: answer.organisation.id,
    name: answer.organisation.name,
    autoLockMinutes: answer.organisation.autoLockMinutes,
    requireTwoFactor: answer.organisation.requireTwoFactor,
  });
  store.directory.upsertUser(answer.organisation.id, {
    id: answer.user.id,
    email: answer.user.email,
    displayName: answer.user.displayName,
    role: answer.user.role,
    status: 'active',
  });
  const values = new DeviceValues(() => store.connection);
  store.connection.transaction(() => {
    values.set(syncValueKeys.sessionToken, answer.session.token);
    values.set(syncValueKeys.sessionExpiresAt, answer.session.expiresAt);
  })();

  const licence = await deviceLicence(store, dataDir, options.leaseKeys, { organisationId: answer.organisation.id, userId: answer.user.id, deviceId: answer.deviceId });
  const accepted = await licence.accept(answer.lease);
  if (!accepted.accepted) {
    // Sign-in still succeeds: the lock screen explains a missing lease. A misconfigured key shows here.
    throw new CoreError('licence_blocked', `The licence from the central service was not accepted (${accepted.reason}).`);
  }

  writeDeviceAccount(dataDir, {
    userId: answer.user.id,
    organisationId: answer.organisation.id,
    email: answer.user.email,
    displayName: answer.user.displayName,
    deviceId: answer.deviceId,
  });
  return { kind: 'signed-in', answer };
}

/**
 * First sign-in: a new store under this password. Later: the service just confirmed the password,
 * so the offline counters reset; if the store does not open with it, the password was changed
 * online (on another device, or this one crashed between the service and the re-wrap) and the store
 * is re-wrapped: with the key it holds open, or — locked — after opening it once with the previous
 * password. Without that, the answer asks for it (issue on `previousPassword`).
 */
function openStore(store: LocalStore, password: string, previousPassword?: string): void {
  if (!store.exists()) {
    store.create(password);
    return;
  }
  store.resetUnlockAttempts();
  try {
    store.unlock(password);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'wrong_password') throw error;
    store.resetUnlockAttempts();
    if (!store.isUnlocked() && previousPassword) store.unlock(previousPassword); // a wrong one counts and throws wrong_password
    if (!store.isUnlocked()) {
      throw new CoreError('wrong_password', 'Your password was changed online. Give your previous password once; the app then switches to the new one.', {
        issues: [{ path: 'previousPassword', message: 'password_changed_online' }],
      });
    }
    store.setPasswordAfterOnlineSignIn(password);
  }
}

export function coreErrorFrom(error: unknown): unknown {
  if (!(error instanceof CentralApiError)) return error;
  const refused = accessRefusalError(error);
  if (refused) return refused;
  switch (error.code) {
    case 'unreachable':
      return new CoreError('server_unreachable', error.message);
    case 'invalid_credentials':
      return new CoreError('wrong_password', 'The e-mail address or the password is not right.');
    case 'too_many_attempts':
      return new CoreError('too_many_attempts', error.message, error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {});
    case 'forbidden':
      return new CoreError('forbidden', error.message);
    case 'invalid_request':
      return new CoreError('invalid_input', error.message);
    default:
      return new CoreError('server_error', error.message);
  }
}
