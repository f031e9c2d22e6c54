import { syncLimits } from '../../shared/sync/limits.js';
import type { Sodium } from '../crypto/sodium.js';
import type { LocalStore } from '../store/index.js';
import { StoreError } from '../store/index.js';
import { CentralApiError } from './central-api.js';
import type { DocumentTransport } from './document-transport.js';
import { markOnHub } from './document-state.js';
import type { SyncDb } from './sync-db.js';

export interface DownloadOutcome {
  downloaded: number;
  chunksReceived: number;
  /** Chunks refused because their bytes did not match the manifest (sent again next sync). */
  refusedChunks: number;
  /** Contents the hub does not hold completely yet (its uploader has not finished): tried again next sync. */
  waiting: number;
}

export class CorruptedChunkError extends Error {
  constructor(readonly contentHash: string, readonly index: number) {
    super(`Chunk ${index} of a document arrived damaged; it was not kept and is fetched again at the next sync.`);
    this.name = 'CorruptedChunkError';
  }
}

/**
 * Fetches the content of documents the person may see and this device lacks (docs/sync.md
 * "Documents"). The pull already filtered the rows by the person's rights, and the hub checks again
 * for every manifest and chunk. Each chunk is checked against its BLAKE2b-256 in the manifest before
 * it is kept (encrypted, in the vault's `incoming/`), so an interrupted download resumes with the
 * chunks it has; the document appears only when the whole content hashes to the row's contentHash.
 */
export async function downloadDocuments(sodium: Sodium, sync: SyncDb, store: LocalStore, transport: DocumentTransport): Promise<DownloadOutcome> {
  const outcome: DownloadOutcome = { downloaded: 0, chunksReceived: 0, refusedChunks: 0, waiting: 0 };
  const vault = store.documentFiles;
  const rows = sync.db
    .prepare('SELECT id, content_hash AS contentHash, size_bytes AS sizeBytes FROM documents WHERE deleted_at IS NULL ORDER BY created_at DESC')
    .all() as Array<{ id: string; contentHash: string; sizeBytes: number }>;
  const missing = new Map<string, { sizeBytes: number; ids: string[] }>();
  for (const row of rows) {
    if (vault.has(row.id)) continue;
    const entry = missing.get(row.contentHash) ?? { sizeBytes: row.sizeBytes, ids: [] };
    entry.ids.push(row.id);
    missing.set(row.contentHash, entry);
  }
  for (const [contentHash, { sizeBytes, ids }] of missing) {
    let answer;
    try {
      answer = await transport.manifest(contentHash);
    } catch (error) {
      // Not (yet) there for us: the uploader has not announced it, or the right went meanwhile.
      if (error instanceof CentralApiError && (error.status === 404 || error.status === 403)) {
        outcome.waiting += 1;
        continue;
      }
      throw error;
    }
    const { manifest } = answer;
    if (!answer.complete) {
      outcome.waiting += 1;
      continue;
    }
    if (manifest.contentHash !== contentHash || manifest.sizeBytes !== sizeBytes || manifest.chunkHashes.length !== Math.max(1, Math.ceil(sizeBytes / syncLimits.chunkBytes))) {
      throw new CentralApiError('bad_answer', 'The central service described a document differently from its record.');
    }
    const have = new Set(vault.partIndexes(contentHash));
    try {
      for (let index = 0; index < manifest.chunkHashes.length; index++) {
        if (have.has(index)) continue;
        const bytes = await transport.downloadChunk(contentHash, index);
        const expectedSize = index < manifest.chunkHashes.length - 1 ? syncLimits.chunkBytes : sizeBytes - syncLimits.chunkBytes * (manifest.chunkHashes.length - 1);
        if (bytes.length !== expectedSize || sodium.crypto_generichash(32, bytes, null, 'hex') !== manifest.chunkHashes[index]) {
          throw new CorruptedChunkError(contentHash, index);
        }
        vault.writePart(contentHash, index, bytes);
        outcome.chunksReceived += 1;
      }
    } catch (error) {
      if (!(error instanceof CorruptedChunkError)) throw error;
      outcome.refusedChunks += 1;
      continue;
    }
    try {
      for (const id of ids) vault.writeFromParts(id, contentHash, manifest.chunkHashes.length);
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'tampered')) throw error;
      // Every chunk matched a manifest whose whole does not hash to the record: start afresh next time.
      vault.removeParts(contentHash);
      outcome.refusedChunks += 1;
      continue;
    }
    vault.removeParts(contentHash);
    sync.transaction(() => markOnHub(sync, contentHash));
    outcome.downloaded += 1;
  }
  return outcome;
}
