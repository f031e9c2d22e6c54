import type { SyncTableName } from '../../shared/sync/tables.js';
import type { SyncDb } from './sync-db.js';

/**
 * A dossier destroyed on the central service (purge reason `client_deleted`: the client's deletion
 * request, or twenty years passed; shared/retention/README.md). Unlike lost access, nothing of it
 * may stay on the device: not its unsent changes, not the refused list, not its conflicts (both
 * quote the typed text), not the note that its documents' contents are on the hub. These run in
 * the pull page's transaction, before the store removes the dossier itself (LocalStore.purgeDossier
 * with `erase`). The access log keeps its lines: ids only, a legal record of its own (NEN 7513).
 */
export function forgetDestroyedDossier(sync: SyncDb, clientId: string): void {
  for (const pending of sync.outbox.forClient(clientId)) sync.outbox.remove(pending.mutationId);
  // Appointments name their clients in a list, not in client_id: the stored text is searched too.
  sync.db.prepare('DELETE FROM sync_rejected WHERE client_id = ? OR instr(mutation, ?) > 0').run(clientId, clientId);
  sync.db.prepare('DELETE FROM sync_conflicts WHERE client_id = ? OR instr(conflict, ?) > 0').run(clientId, clientId);
  // A content stays marked while another document of another dossier has the same bytes.
  sync.db
    .prepare(
      `DELETE FROM device_state WHERE key IN (
         SELECT 'sync.documentOnHub.' || d.content_hash FROM documents d WHERE d.client_id = ?
           AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.content_hash = d.content_hash AND o.client_id <> ?))`,
    )
    .run(clientId, clientId);
}

/** A single row of a destroyed dossier (an appointment that named the client): the same, for one row. */
export function forgetDestroyedRow(sync: SyncDb, table: SyncTableName, rowId: string): void {
  for (const pending of sync.outbox.forRow(table, rowId)) sync.outbox.remove(pending.mutationId);
  sync.db.prepare('DELETE FROM sync_rejected WHERE table_name = ? AND row_id = ?').run(table, rowId);
  sync.db.prepare('DELETE FROM sync_conflicts WHERE table_name = ? AND row_id = ?').run(table, rowId);
}
