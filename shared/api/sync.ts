import { z } from 'zod';
import { signedLeaseSchema } from '../licence/lease.js';
import {
  accessLogUploadRequestSchema,
  accessLogUploadResponseSchema,
  blake2bHexSchema,
  documentChunkAckSchema,
  documentManifestSchema,
  documentUploadStatusRequestSchema,
  documentUploadStatusResponseSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  uuidSchema,
} from '../sync/protocol.js';
import { syncLimits } from '../sync/limits.js';

/**
 * The HTTP envelope of the sync protocol (docs/sync.md "The hub"). The sync messages themselves are
 * the schemas of shared/sync/protocol.ts; the hub adds a fresh licence lease to every push, pull and
 * access-log answer, so a device that syncs never runs out of lease while online.
 *
 * A device parses answers with THESE schemas (the protocol schemas are strict and do not know the
 * `lease` key).
 */
export const syncPushRequestSchema = pushRequestSchema;
export const syncPushResponseSchema = pushResponseSchema.extend({ lease: signedLeaseSchema });
export type SyncPushResponse = z.infer<typeof syncPushResponseSchema>;

export const syncPullRequestSchema = pullRequestSchema;
export const syncPullResponseSchema = pullResponseSchema.extend({ lease: signedLeaseSchema });
export type SyncPullResponse = z.infer<typeof syncPullResponseSchema>;

export const syncAccessLogRequestSchema = accessLogUploadRequestSchema;
export const syncAccessLogResponseSchema = accessLogUploadResponseSchema.extend({ lease: signedLeaseSchema });
export type SyncAccessLogResponse = z.infer<typeof syncAccessLogResponseSchema>;

/**
 * Documents. Upload: POST the manifest to `documentUploadStatus` (answer: the chunk indexes the hub
 * holds); then PUT each missing chunk's bytes (`application/octet-stream`, at most
 * `syncLimits.chunkBytes`) to `documentChunkUpload` with the chunk's BLAKE2b-256 in `?chunkHash=`.
 * Download: GET `documentManifest`, then GET `documentChunkDownload` per index (bytes). The hub
 * serves a document only to users who may read a dossier holding a `documents` row with this
 * `contentHash`, and accepts one only from users who may edit such a dossier: push the documents
 * row first, then upload its content.
 */
export const documentUploadStatusBodySchema = documentUploadStatusRequestSchema;
export const documentUploadStatusAnswerSchema = documentUploadStatusResponseSchema;

export const documentHashParamsSchema = z.object({ contentHash: blake2bHexSchema }).strict();
export const documentChunkParamsSchema = z
  .object({
    contentHash: blake2bHexSchema,
    index: z.coerce.number().int().nonnegative().max(syncLimits.chunksPerDocument - 1),
  })
  .strict();
export const documentChunkQuerySchema = z.object({ chunkHash: blake2bHexSchema }).strict();
export const documentChunkAnswerSchema = documentChunkAckSchema;
export const documentManifestAnswerSchema = z.object({ manifest: documentManifestSchema, complete: z.boolean() }).strict();
/** The chunk download answers raw bytes; this schema only documents that in the route table. */
export const documentChunkBytesSchema = z.instanceof(Uint8Array);

/**
 * Largest document the hub accepts (fair use, art. 7): a scanned letter or a photo is a few MB.
 * Above it, the manifest is refused with 413 and a sentence the app shows.
 */
export const maxDocumentBytes = 100 * 1024 * 1024;

/**
 * Dossier access, granted by an owner or admin online (admin API). The grant is written as a synced
 * `dossier_access` row, so every device learns it on its next pull; a revocation (no read right)
 * makes the hub send that user's devices a purge of the dossier.
 */
export const dossierAccessGrantBodySchema = z
  .object({
    clientId: uuidSchema,
    userId: uuidSchema,
    canRead: z.boolean(),
    canEdit: z.boolean(),
    canSignOff: z.boolean(),
  })
  .strict()
  .refine((grant) => grant.canRead || (!grant.canEdit && !grant.canSignOff), {
    message: 'edit and sign-off need read',
    path: ['canRead'],
  });
export const dossierAccessGrantAnswerSchema = z.object({ rowId: uuidSchema, seq: z.number().int().nonnegative() }).strict();
