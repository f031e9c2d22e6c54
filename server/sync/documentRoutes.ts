import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import { documentChunkBytesSchema, type documentChunkParamsSchema, type documentChunkQuerySchema, type documentHashParamsSchema } from '../../shared/api/sync.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { DocumentUploadStatusRequest } from '../../shared/sync/protocol.js';
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import type { Caller } from '../http/authenticate.js';
import { forbidden } from '../http/httpError.js';
import { announceDocument, readChunk, readManifest, storeChunk } from './documents.js';
import { registerSyncRoute } from './registerSyncRoute.js';
import { checkSyncDevice } from './syncDevice.js';
import type { Reader } from './visibility.js';

const readerOf = (caller: Caller): Reader => ({ organisationId: caller.organisationId, userId: caller.userId, isAdmin: caller.role === 'owner' || caller.role === 'admin' });

/**
 * Document transfer routes. Chunk bodies are raw bytes (application/octet-stream), accepted only
 * inside this plugin, so the rest of the API keeps refusing other content types with 415.
 */
export function documentRoutes(app: FastifyInstance, context: ServiceContext): void {
  const db = context.database.db;

  registerSyncRoute(app, context, apiRoutes.documentUploadStatus, {}, async ({ caller, body }) => {
    const request = body as DocumentUploadStatusRequest;
    await checkSyncDevice(context, caller, request.deviceId);
    if (request.organisationId !== caller.organisationId) throw forbidden('The document names another organisation.');
    return db.transaction((tx) => announceDocument(tx, readerOf(caller), request.manifest, context.now(), caller.organisation.storageQuotaBytes));
  });

  registerSyncRoute(app, context, apiRoutes.documentManifest, {}, async ({ caller, params }) => {
    const { contentHash } = params as z.infer<typeof documentHashParamsSchema>;
    return readManifest(db, readerOf(caller), contentHash);
  });

  registerSyncRoute(app, context, apiRoutes.documentChunkDownload, { raw: true }, async ({ caller, params, reply }) => {
    const { contentHash, index } = params as z.infer<typeof documentChunkParamsSchema>;
    const bytes = await readChunk(db, readerOf(caller), contentHash, index);
    return reply.status(200).type('application/octet-stream').send(Buffer.from(bytes));
  });

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: syncLimits.chunkBytes }, (_request, body, done) => {
      done(null, new Uint8Array(body as Buffer));
    });
    registerSyncRoute(scope, context, apiRoutes.documentChunkUpload, { bodyLimit: syncLimits.chunkBytes }, async ({ caller, params, query, body }) => {
      const { contentHash, index } = params as z.infer<typeof documentChunkParamsSchema>;
      const { chunkHash } = query as z.infer<typeof documentChunkQuerySchema>;
      await checkSyncDevice(context, caller, null);
      const bytes = documentChunkBytesSchema.parse(body);
      return db.transaction((tx) => storeChunk(tx, context.lib, readerOf(caller), { contentHash, index, chunkHash, bytes }, context.now()));
    });
  });
}
