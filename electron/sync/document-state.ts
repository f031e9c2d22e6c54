import { prepareCached } from '../store/database.js';
import type { SyncDb } from './sync-db.js';

/**
 * Which document contents the hub is known to hold completely (uploaded from here, or downloaded
 * from it), as `device_state` keys: such content is never announced again. Call inside a transaction.
 */
export function markOnHub(sync: SyncDb, contentHash: string): void {
  prepareCached(sync.db, "INSERT INTO device_state (key, value) VALUES ('sync.documentOnHub.' || ?, '1') ON CONFLICT(key) DO NOTHING").run(contentHash);
}

/**
 * Removes the files of documents this device no longer holds (docs/sync.md "Documents"): rows
 * purged with a dossier or a lost right, and deleted documents whose delete the hub has (a pending
 * delete keeps its file: the hub may still refuse it). Chunks of downloads nobody needs go too.
 */
export function removeUnneededDocumentFiles(sync: SyncDb, vault: { removeOrphans(keep: Set<string>): number; partHashes(): string[]; removeParts(hash: string): void }): number {
  const keep = sync.db
    .prepare(
      `SELECT id FROM documents WHERE deleted_at IS NULL
       UNION SELECT row_id FROM outbox WHERE table_name = 'documents'`,
    )
    .pluck()
    .all() as string[];
  const removed = vault.removeOrphans(new Set(keep));
  const wanted = new Set(sync.db.prepare('SELECT content_hash FROM documents WHERE deleted_at IS NULL').pluck().all() as string[]);
  for (const hash of vault.partHashes()) if (!wanted.has(hash)) vault.removeParts(hash);
  return removed;
}
