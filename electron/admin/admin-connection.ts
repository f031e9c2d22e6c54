import type { z } from 'zod';
import type { RouteSpec } from '../../shared/api/route.js';
import { CoreError } from '../core/core-error.js';
import { accessRefusalError } from '../session/access-refusal.js';
import type { SessionService } from '../session/session-service.js';
import type { LocalStore } from '../store/index.js';
import { CentralApiError, type CentralApi, type CallOptions } from '../sync/central-api.js';
import { DeviceValues, syncValueKeys } from '../sync/device-values.js';

/** Who may call: any admin (owner or admin), or the registered owner only (art. 5, 16). */
export type AdminLevel = 'admin' | 'owner';

/** Admin calls wait less than sync: someone is looking at the screen. */
const ADMIN_TIMEOUT_MS = 15_000;

export interface AdminCaller {
  userId: string;
  organisationId: string;
  role: 'owner' | 'admin';
}

/**
 * The admin screens' line to the central service. Authorisation is decided by the service and
 * REPEATED here (SPEC §4): a practitioner's device sends no admin call at all. The session token is
 * the one the online sign-in stored in the encrypted store (the same one sync uses); it never
 * appears in an error or a log.
 */
export class AdminConnection {
  constructor(
    private readonly session: SessionService,
    private readonly store: LocalStore,
    private readonly api: CentralApi,
  ) {}

  /** The signed-in admin, or a refusal: not signed in, locked, or not an admin (or owner) on this device. */
  caller(level: AdminLevel = 'admin'): AdminCaller {
    this.session.dossiers(); // throws not_signed_in / locked
    const account = this.session.account();
    if (!account) throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
    const role = this.store.directory.getUser(account.userId)?.role ?? 'practitioner';
    if (role !== 'owner' && role !== 'admin') throw new CoreError('forbidden', 'Only an admin or the owner manages the organisation.');
    if (level === 'owner' && role !== 'owner') throw new CoreError('forbidden', 'Only the registered owner may do this (terms art. 5 and 16).');
    return { userId: account.userId, organisationId: account.organisationId, role };
  }

  /**
   * After a role change the service made (ownership hand-over), the device's own copy follows at
   * once, so its repeated authorisation never grants more than the service does; sync confirms later.
   */
  rememberRole(user: { id: string; email: string; displayName: string; role: 'owner' | 'admin' | 'practitioner' }): void {
    const account = this.session.account();
    const local = this.store.directory.getUser(user.id);
    if (!account || !local) return;
    this.store.directory.upsertUser(account.organisationId, { id: user.id, email: local.email, displayName: local.displayName, role: user.role, status: local.status });
  }

  /** Calls an admin route as the signed-in user, after the local check; failures as IPC errors. */
  async call<R extends RouteSpec>(route: R, options: Omit<CallOptions<R>, 'token'> = {}, level: AdminLevel = 'admin'): Promise<z.output<R['response']>> {
    this.caller(level);
    const token = new DeviceValues(() => this.store.connection).get(syncValueKeys.sessionToken);
    if (!token) throw new CoreError('not_signed_in', 'This device has no session with the central service; sign in online again.');
    try {
      return await this.api.call(route, { timeoutMs: ADMIN_TIMEOUT_MS, ...options, token });
    } catch (error) {
      throw adminErrorFrom(error);
    }
  }
}

/** The service's refusals in the words the admin screens translate; `offline` is the normal case, not a crash. */
export function adminErrorFrom(error: unknown): unknown {
  if (!(error instanceof CentralApiError)) return error;
  // Admin calls use the session of the device's sign-in, so 2FA set-up happens there (never here).
  const refused = accessRefusalError(error);
  if (refused) return refused;
  switch (error.code) {
    case 'unreachable':
      return new CoreError('offline', 'The central service cannot be reached; the admin screens need internet.');
    case 'unavailable':
      return new CoreError('server_unreachable', error.message);
    case 'not_signed_in':
    case 'session_expired':
      return new CoreError('not_signed_in', 'The session with the central service has expired; sign in online again.');
    case 'forbidden':
      return new CoreError('forbidden', error.message);
    case 'invalid_credentials':
      return new CoreError('wrong_password', 'The password is not right.');
    case 'two_factor_required':
    case 'invalid_two_factor_code':
      return new CoreError('invalid_input', error.message, { issues: [{ path: 'code', message: error.code }] });
    case 'too_many_attempts':
      return new CoreError('too_many_attempts', error.message, error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {});
    case 'not_found':
      return new CoreError('not_found', error.message);
    case 'conflict':
      return new CoreError('conflict', error.message);
    case 'invalid_request':
      return new CoreError('invalid_input', error.message);
    default:
      return new CoreError('server_error', error.message);
  }
}
