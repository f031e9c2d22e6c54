import { ConnectivityMonitor } from '../connectivity/monitor.js';
import type { Logger } from '../log/logger.js';
import { SessionService } from '../session/session-service.js';
import type { CoreConfig } from './config.js';
import { CoreError } from './core-error.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';
import { EventHub } from './events.js';
import type { CoreHandlers } from './handlers.js';

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  close(): Promise<void>;
}

/**
 * Builds the core's services and the handler table. The same function runs inside Electron's
 * utility process and inside the preview host, so both speak the same contract.
 */
export function createCore(config: CoreConfig, log: Logger): Core {
  const events = new EventHub();
  const connectivity = new ConnectivityMonitor({
    serverUrl: config.serverUrl,
    onChange: (state) => events.emit('connectivity.changed', state),
  });
  const session = new SessionService(connectivity);

  const handlers: CoreHandlers = {
    'app.info': async () => ({ name: 'Thuisdossier', version: config.version, host: config.host }),
    'connectivity.status': async () => connectivity.current(),
    'session.status': async () => session.current(),
    'session.signIn': async () => session.signIn(),
    'session.unlock': async () => {
      if (session.current().state === 'no-account') {
        throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
      }
      throw new CoreError('wrong_password', 'The password does not open this device.');
    },
    'session.lock': async () => {
      const status = session.lock();
      events.emit('session.changed', status);
      return status;
    },
    'dossiers.list': async () => {
      session.requireUnlocked();
      return { items: [] };
    },
  };

  connectivity.start();
  return {
    dispatch: createDispatcher(handlers, log),
    events,
    close: async () => connectivity.stop(),
  };
}
