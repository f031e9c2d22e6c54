import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function clientHandlers({ session }: CoreServices): HandlersFor<'clients'> {
  return {
    'clients.list': async ({ query, status, mine }) => {
      const me = session.dossiers();
      const everything = me.clientList.all();
      const mineIds = mine ? me.clientList.mine() : null;
      const all = everything.filter((item) => (!status || item.status === status) && (!mineIds || mineIds.has(item.id)));
      if (query === '') return { items: all, total: everything.length };
      // Search answers the query (by name, BSN, number or postcode); the list supplies the rights.
      const byId = new Map(all.map((item) => [item.id, item]));
      const items = me.search
        .clients(query, { ...(status ? { status } : {}), limit: 200 })
        .flatMap((hit) => {
          const item = byId.get(hit.id);
          return item ? [item] : [];
        });
      return { items, total: everything.length };
    },
    'clients.get': async ({ clientId }) => {
      const me = session.dossiers();
      const client = me.clients.get(clientId);
      return { client, rights: me.access.myRights(clientId) };
    },
    'clients.administration': async () => ({ items: session.dossiers().clientList.forAdministration() }),
    'clients.create': async (input) => session.dossiers().clients.create(input),
    'clients.update': async ({ clientId, patch }) => session.dossiers().clients.update(clientId, patch),
  };
}
