import type { ConnectivityMonitor } from '../connectivity/monitor.js';
import type { Logger } from '../log/logger.js';
import type { SessionService } from '../session/session-service.js';
import type { LocalStore } from '../store/index.js';
import type { SyncService } from '../sync/sync-service.js';
import type { CoreConfig } from './config.js';
import type { EventHub } from './events.js';

/** The services of one core process, handed to every handler file. */
export interface CoreServices {
  config: CoreConfig;
  log: Logger;
  events: EventHub;
  connectivity: ConnectivityMonitor;
  store: LocalStore;
  session: SessionService;
  sync: SyncService;
}
