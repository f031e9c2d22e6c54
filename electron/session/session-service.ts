import type { SessionStatus } from '../../shared/ipc/calls/session.js';
import { CoreError } from '../core/core-error.js';
import type { ConnectivityMonitor } from '../connectivity/monitor.js';

/**
 * Who is signed in on this device and whether the local store is open.
 * A device that never signed in must go online once; after that, unlock works offline.
 */
export class SessionService {
  private status: SessionStatus = { state: 'no-account' };

  constructor(private readonly connectivity: ConnectivityMonitor) {}

  current(): SessionStatus {
    return this.status;
  }

  async signIn(): Promise<SessionStatus> {
    const { online } = await this.connectivity.checkNow();
    if (!online) {
      throw new CoreError('offline', 'The first sign-in on a device needs a connection to the central service.');
    }
    throw new CoreError('server_error', 'The central service did not accept the sign-in.');
  }

  requireUnlocked(): Extract<SessionStatus, { state: 'unlocked' }> {
    if (this.status.state === 'unlocked') return this.status;
    if (this.status.state === 'locked') throw new CoreError('locked', 'The app is locked; unlock it with your password.');
    throw new CoreError('not_signed_in', 'Nobody is signed in on this device yet.');
  }

  lock(): SessionStatus {
    if (this.status.state === 'unlocked') {
      this.status = { state: 'locked', email: this.status.user.email, displayName: this.status.user.displayName };
    }
    return this.status;
  }
}
