import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import type { ServiceContext } from '../context.js';
import { HttpError } from '../http/httpError.js';
import { registerRoute } from '../http/registerRoute.js';

const notYet = (): never => {
  throw new HttpError(404, 'not_found', 'Sync is not available on this service yet.');
};

/** The sync hub's routes (docs/sync.md "The hub"). */
export function syncRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.syncPush, async () => notYet());
  registerRoute(app, context, apiRoutes.syncPull, async () => notYet());
  registerRoute(app, context, apiRoutes.syncAccessLog, async () => notYet());
  registerRoute(app, context, apiRoutes.documentUploadStatus, async () => notYet());
  registerRoute(app, context, apiRoutes.documentChunkUpload, async () => notYet());
  registerRoute(app, context, apiRoutes.documentManifest, async () => notYet());
  registerRoute(app, context, apiRoutes.documentChunkDownload, async () => notYet());
  registerRoute(app, context, apiRoutes.grantDossierAccess, async () => notYet());
}
