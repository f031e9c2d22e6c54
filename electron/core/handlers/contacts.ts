import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function contactHandlers({ session }: CoreServices): HandlersFor<'contacts'> {
  return {
    'contacts.list': async ({ clientId }) => ({ items: session.dossiers().contacts.list(clientId) }),
    'contacts.create': async (input) => session.dossiers().contacts.create(input),
    'contacts.update': async ({ contactId, patch }) => session.dossiers().contacts.update(contactId, patch),
    'contacts.delete': async ({ contactId }) => {
      session.dossiers().contacts.delete(contactId);
      return {};
    },
  };
}
