import { syncLimits } from '../../shared/sync/limits.js';
import type { DocumentManifest } from '../../shared/sync/protocol.js';
import type { Sodium } from '../crypto/sodium.js';
import type { LocalStore } from '../store/index.js';
import { CentralApiError } from './central-api.js';
import type { DocumentTransport } from './document-transport.js';
import { markOnHub } from './document-state.js';
import type { SyncDb } from './sync-db.js';

export interface UploadOutcome {
  uploaded: number;
  chunksSent: number;
  /** Documents the hub refused for now (no rights yet, allowance used up): tried again next sync. */
  waiting: Array<{ documentId: string; message: string }>;
}

/**
 * Sends the content of documents whose metadata row the hub has accepted (docs/sync.md
 * "Documents"): the hub accepts chunks only for a content hash named by a live `documents` row in
 * a dossier the uploader may edit, so a row still in the outbox waits. The hub's status answer
 * lists the chunks it already holds and verified: an interrupted upload resumes after the last
 * confirmed chunk and never sends one twice.
 */
export async function uploadDocuments(sodium: Sodium, sync: SyncDb, store: LocalStore, transport: DocumentTransport, deviceId: string): Promise<UploadOutcome> {
  const outcome: UploadOutcome = { uploaded: 0, chunksSent: 0, waiting: [] };
  const vault = store.documentFiles;
  const candidates = sync.db
    .prepare(
      `SELECT d.id, d.organisation_id AS organisationId, d.content_hash AS contentHash FROM documents d
       WHERE d.deleted_at IS NULL AND d.server_seq IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.table_name = 'documents' AND o.row_id = d.id)
         AND NOT EXISTS (SELECT 1 FROM device_state v WHERE v.key = 'sync.documentOnHub.' || d.content_hash)
       ORDER BY d.created_at`,
    )
    .all() as Array<{ id: string; organisationId: string; contentHash: string }>;
  const done = new Set<string>();
  for (const candidate of candidates) {
    if (done.has(candidate.contentHash) || !vault.has(candidate.id)) continue;
    done.add(candidate.contentHash);
    // Decrypted and checked against the recorded hash: a damaged local file is never sent.
    const content = vault.read(candidate.id, candidate.contentHash);
    const manifest = manifestOf(sodium, candidate.contentHash, content);
    try {
      const status = await transport.status({ protocolVersion: 1, deviceId, organisationId: candidate.organisationId, manifest });
      let complete = status.complete;
      const have = new Set(status.have);
      for (let index = 0; index < manifest.chunkHashes.length && !complete; index++) {
        if (have.has(index)) continue;
        const ack = await transport.uploadChunk(manifest.contentHash, index, manifest.chunkHashes[index]!, chunkOf(content, index));
        outcome.chunksSent += 1;
        complete = ack.complete;
      }
      if (complete) {
        sync.transaction(() => markOnHub(sync, candidate.contentHash));
        outcome.uploaded += 1;
      }
    } catch (error) {
      // Refused for this document only (rights, allowance): the rest still go; the network failing stops the run.
      if (error instanceof CentralApiError && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 401) {
        outcome.waiting.push({ documentId: candidate.id, message: error.message });
        continue;
      }
      throw error;
    }
  }
  return outcome;
}

/** The protocol's manifest: chunks of syncLimits.chunkBytes, each named by its BLAKE2b-256. */
export function manifestOf(sodium: Sodium, contentHash: string, content: Uint8Array): DocumentManifest {
  const count = Math.max(1, Math.ceil(content.length / syncLimits.chunkBytes));
  const chunkHashes = Array.from({ length: count }, (_, index) => sodium.crypto_generichash(32, chunkOf(content, index), null, 'hex'));
  return { contentHash, sizeBytes: content.length, chunkHashes };
}

function chunkOf(content: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(content.subarray(index * syncLimits.chunkBytes, (index + 1) * syncLimits.chunkBytes));
}
