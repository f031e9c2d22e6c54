import { clientDisplayName } from '../../../shared/domain/client.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

/** Sync status for the header (online, syncing, unsent changes, last sync, problems), sync now, refused changes. */
export function syncHandlers({ sync, session }: CoreServices): HandlersFor<'sync'> {
  return {
    'sync.status': async () => sync.status(),
    'sync.now': async () => {
      await sync.syncNow();
      return sync.status();
    },
    'sync.refusedChanges': async () => {
      const items = sync.refusedChanges();
      if (items.length === 0) return { items };
      // Names of the dossiers still here; a purged one shows without a name (its text is what matters).
      const names = new Map(session.dossiers().clientList.all().map((client) => [client.id, clientDisplayName(client)]));
      return { items: items.map((item) => ({ ...item, clientName: item.clientId ? (names.get(item.clientId) ?? null) : null })) };
    },
    'sync.markRefusedHandled': async ({ mutationId }) => {
      sync.markRefusedHandled(mutationId);
      return { ok: true as const };
    },
  };
}
