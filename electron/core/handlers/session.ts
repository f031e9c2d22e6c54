import { CoreError } from '../core-error.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function sessionHandlers({ session, connectivity, events }: CoreServices): HandlersFor<'session'> {
  const announce = <T extends ReturnType<typeof session.status>>(status: T): T => {
    events.emit('session.changed', status);
    return status;
  };
  return {
    'session.status': async () => session.status(),
    'session.signIn': async () => {
      const { online } = await connectivity.checkNow();
      if (!online) throw new CoreError('offline', 'The first sign-in on a device needs a connection to the central service.');
      throw new CoreError('server_error', 'The central service did not accept the sign-in.');
    },
    'session.unlock': async ({ password }) => announce(session.unlock(password)),
    'session.lock': async () => announce(session.lock()),
  };
}
