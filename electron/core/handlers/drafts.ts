import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function draftHandlers({ session }: CoreServices): HandlersFor<'drafts'> {
  return {
    'drafts.get': async ({ key }) => ({ draft: session.dossiers().drafts.get(key) }),
    'drafts.save': async ({ key, content, clientId }) => ({ updatedAt: session.dossiers().drafts.save(key, content, clientId).updatedAt }),
    'drafts.discard': async ({ key }) => {
      session.dossiers().drafts.discard(key);
      return {};
    },
  };
}
