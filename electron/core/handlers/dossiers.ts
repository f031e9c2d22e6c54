import { clientDisplayName } from '../../../shared/domain/client.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function dossierHandlers({ session }: CoreServices): HandlersFor<'dossiers'> {
  return {
    'dossiers.list': async ({ query, status }) => {
      const hits = session.dossiers().search.clients(query, status ? { status } : {});
      return {
        items: hits.map((hit) => ({
          id: hit.id,
          dossierNumber: hit.dossierNumber,
          name: clientDisplayName(hit),
          birthDate: hit.birthDate,
          postcode: hit.postcode,
          status: hit.status,
        })),
      };
    },
  };
}
