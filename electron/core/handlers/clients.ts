import { clientSearchLimit } from '../../../shared/ipc/calls/clients.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function clientHandlers({ session }: CoreServices): HandlersFor<'clients'> {
  return {
    'clients.list': async ({ query, status, mine }) => {
      const me = session.dossiers();
      const everything = me.clientList.all();
      const mineIds = mine ? me.clientList.mine() : null;
      const all = everything.filter((item) => (!status || item.status === status) && (!mineIds || mineIds.has(item.id)));
      if (query === '') return { items: all, total: everything.length, matched: all.length };
      // Search answers the query (by name, BSN, number or postcode); the list supplies the rights
      // and the "mine" filter. Every match is counted, so the list can say when it shows only part.
      const byId = new Map(all.map((item) => [item.id, item]));
      const matches = me.search.clients(query, { ...(status ? { status } : {}), limit: 'all' }).flatMap((hit) => {
        const item = byId.get(hit.id);
        return item ? [item] : [];
      });
      return { items: matches.slice(0, clientSearchLimit), total: everything.length, matched: matches.length };
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
