import { pendingChangeCount } from '../../store/index.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

/** A first version for the header; the sync engine (issue 7) replaces it with its own state. */
export function syncHandlers({ store, connectivity }: CoreServices): HandlersFor<'sync'> {
  return {
    'sync.status': async () => ({
      online: connectivity.current().online,
      // Locked, the database is closed: nothing can be counted, and the header is not shown then.
      pendingChanges: store.isUnlocked() ? pendingChangeCount(store.connection) : 0,
      lastSyncAt: null,
    }),
  };
}
