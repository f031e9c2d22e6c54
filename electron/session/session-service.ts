import type { SessionStatus } from '../../shared/ipc/calls/session.js';
import { CoreError } from '../core/core-error.js';
import type { LocalStore } from '../store/index.js';
import type { DossierSession } from '../store/index.js';
import { readDeviceAccount, type DeviceAccount } from './device-account.js';
import { clearWipeNotice, readWipeNotice } from './wipe-device.js';
import type { TwoFactorConfirmResult, TwoFactorSetUp } from '../../shared/ipc/calls/session.js';
import { signInOnline, type OnlineSignInInput, type OnlineSignInOptions, type OnlineSignInOutcome } from './online-sign-in.js';
import { TwoFactorEnrolment } from './two-factor-enrolment.js';

/** What a sign-in ends in; the enrolment token never leaves this service (see TwoFactorEnrolment). */
export type SignInOutcome = Exclude<OnlineSignInOutcome, { kind: 'enrolment-required' }> | { kind: 'two-factor-set-up'; setUp: TwoFactorSetUp };

/**
 * Who is signed in on this device and whether the local store is open.
 * A device that never signed in must go online once; after that, unlock works offline.
 */
export class SessionService {
  private readonly enrolment: TwoFactorEnrolment | null;

  constructor(
    private readonly store: LocalStore,
    private readonly dataDir: string,
    private readonly online?: Omit<OnlineSignInOptions, 'store' | 'dataDir'>,
  ) {
    this.enrolment = online ? new TwoFactorEnrolment(online.api) : null;
  }

  /**
   * Online sign-in: the first one on a device creates the store; a later one resets the unlock
   * counters. When the organisation requires 2FA and the user has none yet, the set-up starts here.
   */
  async signIn(input: OnlineSignInInput): Promise<SignInOutcome> {
    if (!this.online || !this.enrolment) throw new CoreError('server_unreachable', 'No central service is configured for this app.');
    this.enrolment.forget();
    const outcome = await signInOnline({ ...this.online, store: this.store, dataDir: this.dataDir }, input);
    if (outcome.kind === 'enrolment-required') return { kind: 'two-factor-set-up', setUp: await this.enrolment.start(outcome.enrolmentToken) };
    if (outcome.kind === 'signed-in') clearWipeNotice(this.dataDir);
    return outcome;
  }

  /** The first code from the newly set-up authenticator app (after a sign-in that started the set-up). */
  async confirmTwoFactor(code: string): Promise<TwoFactorConfirmResult> {
    if (!this.enrolment) throw new CoreError('server_unreachable', 'No central service is configured for this app.');
    return this.enrolment.confirm(code);
  }

  account(): DeviceAccount | null {
    return this.store.exists() ? readDeviceAccount(this.dataDir) : null;
  }

  status(): SessionStatus {
    const account = this.account();
    if (!account) {
      const wiped = readWipeNotice(this.dataDir);
      return wiped ? { state: 'no-account', wiped } : { state: 'no-account' };
    }
    if (!this.store.isUnlocked()) return { state: 'locked', email: account.email, displayName: account.displayName };
    const user = this.store.directory.getUser(account.userId);
    const organisation = this.store.directory.getOrganisation(account.organisationId);
    return {
      state: 'unlocked',
      user: {
        id: account.userId,
        email: user?.email ?? account.email,
        displayName: user?.displayName ?? account.displayName,
        role: user?.role ?? 'practitioner',
        organisationId: account.organisationId,
        organisationName: organisation?.name ?? '',
      },
    };
  }

  /** Offline unlock with the password; the store throttles and counts wrong attempts. */
  unlock(password: string): SessionStatus {
    if (!this.account()) throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
    this.store.unlock(password);
    return this.status();
  }

  lock(): SessionStatus {
    this.store.lock();
    return this.status();
  }

  /** The store session of the signed-in user, for every dossier call. */
  dossiers(): DossierSession {
    const account = this.account();
    if (!account) throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
    if (!this.store.isUnlocked()) throw new CoreError('locked', 'The app is locked; unlock it with your password.');
    return this.store.session(account.userId);
  }
}
