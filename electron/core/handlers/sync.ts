import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

/** Sync status for the header (online, syncing, unsent changes, last sync, problems), sync now, refused changes. */
export function syncHandlers({ sync }: CoreServices): HandlersFor<'sync'> {
  return {
    'sync.status': async () => sync.status(),
    'sync.now': async () => {
      await sync.syncNow();
      return sync.status();
    },
    'sync.refusedChanges': async () => ({ items: sync.refusedChanges() }),
    'sync.markRefusedHandled': async ({ mutationId }) => {
      sync.markRefusedHandled(mutationId);
      return { ok: true as const };
    },
  };
}
