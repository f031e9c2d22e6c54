import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function appHandlers({ config, connectivity }: CoreServices): HandlersFor<'app' | 'connectivity'> {
  return {
    'app.info': async () => ({ name: 'Thuisdossier', version: config.version, host: config.host }),
    'connectivity.status': async () => connectivity.current(),
  };
}
