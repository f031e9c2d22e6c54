import { CoreError } from '../core-error.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';
import { userNames } from './user-names.js';

export function accessHandlers(services: CoreServices): HandlersFor<'access'> {
  const { session, store } = services;
  return {
    'access.list': async ({ clientId }) => {
      const me = session.dossiers();
      const granted = new Map(me.access.listForClient(clientId).map((row) => [row.userId, row]));
      const account = session.account();
      if (!account) throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
      // Every active user of the organisation, with their rights (or none), so an admin can grant in one place.
      const items = store.directory
        .listUsers(account.organisationId)
        .filter((user) => user.status === 'active' && !user.deletedAt)
        .map((user) => {
          const row = granted.get(user.id);
          return {
            userId: user.id,
            displayName: user.displayName,
            email: user.email,
            role: user.role,
            canRead: row?.canRead ?? false,
            canEdit: row?.canEdit ?? false,
            canSignOff: row?.canSignOff ?? false,
          };
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
      return { items };
    },
    'access.grant': async (input) => {
      session.dossiers().access.grant(input);
      return {};
    },
    'access.log': async ({ clientId }) => {
      const name = userNames(services);
      const entries = session.dossiers().accessLog.forClient(clientId);
      const items = entries
        .map((e) => ({
          seq: e.seq,
          at: e.at,
          userName: e.userName ?? name(e.userId),
          onBehalfOfName: e.onBehalfOf ? name(e.onBehalfOf) : null,
          action: e.action,
          event: e.event,
          objectType: e.objectType,
          outcome: e.outcome,
          reason: e.reason,
          deviceId: e.deviceId,
        }))
        .sort((a, b) => b.seq - a.seq);
      return { items };
    },
  };
}
