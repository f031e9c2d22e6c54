import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';
import { userNames } from './user-names.js';

export function timeHandlers(services: CoreServices): HandlersFor<'time'> {
  const { session } = services;
  return {
    'time.list': async ({ clientId }) => {
      const me = session.dossiers();
      const name = userNames(services);
      return {
        items: me.time.list(clientId).map((row) => ({ ...row, userName: name(row.userId) })),
        allocations: me.time.allocations(clientId),
      };
    },
    'time.create': async (input) => {
      const row = session.dossiers().time.create(input);
      return { ...row, userName: userNames(services)(row.userId) };
    },
    'time.delete': async ({ timeRegistrationId }) => {
      session.dossiers().time.delete(timeRegistrationId);
      return {};
    },
  };
}
