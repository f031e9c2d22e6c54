import { pendingChangeCount } from '../../store/index.js';
import { CoreError } from '../core-error.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function sessionHandlers({ session, connectivity, events, store, sync }: CoreServices): HandlersFor<'session'> {
  const announce = <T extends ReturnType<typeof session.status>>(status: T): T => {
    events.emit('session.changed', status);
    return status;
  };
  return {
    'session.status': async () => session.status(),
    'session.signIn': async (input) => {
      const { online } = await connectivity.checkNow();
      if (!online) throw new CoreError('offline', 'Signing in online needs a connection to the central service.');
      const outcome = await session.signIn(input);
      if (outcome.kind === 'two-factor') return { state: 'two-factor', reason: outcome.reason };
      if (outcome.kind === 'two-factor-set-up') return { state: 'two-factor-set-up', setUp: outcome.setUp };
      // The initial sync runs in the background; its progress reaches the UI as sync.changed events.
      void sync.syncNow();
      return announce(session.status());
    },
    'session.confirmTwoFactor': async ({ code }) => {
      const { online } = await connectivity.checkNow();
      if (!online) throw new CoreError('offline', 'Setting up two-step verification needs a connection to the central service.');
      return session.confirmTwoFactor(code);
    },
    'session.signOutCheck': async () => ({
      pendingChanges: store.isUnlocked() ? pendingChangeCount(store.connection) : 0,
      online: connectivity.current().online,
    }),
    'session.unlock': async ({ password }) => {
      const status = announce(session.unlock(password));
      void sync.syncNow();
      return status;
    },
    'session.lock': async () => announce(session.lock()),
  };
}
