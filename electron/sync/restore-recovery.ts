import { v7 as uuidv7 } from 'uuid';
import type { Mutation, MutationOp, PullResponse } from '../../shared/sync/protocol.js';
import { overlayPending, type ShadowRow } from '../../shared/sync/rebase.js';
import { reseedGroups } from '../../shared/sync/restore.js';
import { syncTableNames, type SyncTableName } from '../../shared/sync/tables.js';
import { syncValueKeys } from './device-values.js';
import type { SyncDb } from './sync-db.js';

/** What the device knew before the hub turned out restored; kept in the store until the re-offer is queued. */
export interface RestoreSnapshot {
  knownEpoch: string | null;
  mixedEpochs: boolean;
  rows: Array<{ table: SyncTableName; rowId: string; organisationId: string; clientId: string | null; shadow: ShadowRow }>;
}

const snapshotKey = 'sync.restoreSnapshot';

/**
 * Step 1 of docs/sync.md "Restore from a backup", one transaction: keep every shadow (the hub's
 * versions as this device knew them), mark all conflicts local-only (those the restored hub still
 * has come back and lose the mark), and start pulling from the beginning. The snapshot is stored,
 * so a crash during the long re-pull resumes it instead of forgetting what the hub lost.
 */
export function beginRestore(sync: SyncDb): void {
  sync.transaction(() => {
    if (sync.values.get(snapshotKey)) return;
    const cursor = sync.values.getJson<{ epoch: string }>(syncValueKeys.cursor);
    const rows: RestoreSnapshot['rows'] = [];
    const seen = new Set<string>();
    const keys = [...syncTableNames.flatMap((table) => [...sync.rows.syncedRowIds(table)].map((rowId) => ({ table, rowId }))), ...sync.shadows.storedKeys()];
    for (const { table, rowId } of keys) {
      if (seen.has(`${table}:${rowId}`)) continue;
      seen.add(`${table}:${rowId}`);
      const pending = sync.outbox.forRow(table, rowId);
      const shadow = sync.shadows.get(table, rowId, pending);
      const local = sync.rows.read(table, rowId);
      if (!shadow || !local) continue;
      const clientId = (local.state.values.clientId as string | null | undefined) ?? (table === 'clients' ? rowId : null);
      rows.push({ table, rowId, organisationId: local.organisationId, clientId, shadow });
    }
    const snapshot: RestoreSnapshot = { knownEpoch: cursor?.epoch ?? null, mixedEpochs: sync.values.get(syncValueKeys.mixedEpochs) === 'true', rows };
    sync.values.setJson(snapshotKey, snapshot);
    sync.markConflictsLocalOnly(sync.conflictIds());
    sync.values.delete(syncValueKeys.cursor);
  });
}

export function restoreInProgress(sync: SyncDb): boolean {
  return sync.values.get(snapshotKey) !== null;
}

/**
 * Step 3, one transaction, after the re-pull reached the end: for every kept version the restored
 * hub lacks, queue a `reseed` mutation before the pending ones (their bases refer to the versions
 * being restored), show rows as restored shadow + re-offers + pending, and drop the snapshot.
 */
export function finishRestore(sync: SyncDb, server: PullResponse['server']): number {
  return sync.transaction(() => {
    const snapshot = sync.values.getJson<RestoreSnapshot>(snapshotKey);
    if (!snapshot) return 0;
    const context = {
      epochStartSeq: server.epochStartSeq,
      sameLine: !snapshot.mixedEpochs && snapshot.knownEpoch !== null && snapshot.knownEpoch === server.restoredFromEpoch,
    };
    const reseeds: Mutation[] = [];
    const touched: RestoreSnapshot['rows'] = [];
    for (const known of snapshot.rows) {
      const pending = sync.outbox.forRow(known.table, known.rowId);
      const local = sync.rows.read(known.table, known.rowId);
      // The hub sent the row again (server_seq of this epoch) or it lost it.
      const restored = local && local.serverSeq !== null && pulledAgain(sync, known) ? sync.shadows.get(known.table, known.rowId, pending) : null;
      const groups = reseedGroups(known.table, known.shadow, restored, context);
      if (groups.length === 0) continue;
      for (const changes of groups) {
        const op: MutationOp = restored === null ? 'insert' : changes[0]!.field === 'deletedAt' && changes[0]!.value !== null ? 'delete' : 'update';
        reseeds.push({
          mutationId: uuidv7(),
          table: known.table,
          rowId: known.rowId,
          organisationId: known.organisationId,
          clientId: known.clientId,
          op,
          changes,
          seen: { ...known.shadow.clocks },
          reseed: true,
        });
      }
      // Stored explicitly: a re-offer's bases are not the row's earlier values, so the shadow cannot be derived from them.
      sync.shadows.save(known.table, known.rowId, restored, 1);
      touched.push(known);
    }
    const nowIso = sync.now().toISOString();
    sync.outbox.prepend(reseeds, nowIso);
    for (const known of touched) {
      const pending = sync.outbox.forRow(known.table, known.rowId);
      const shadow = sync.shadows.get(known.table, known.rowId, pending);
      const visible = overlayPending(shadow, pending);
      if (visible) sync.rows.write(known.table, known.rowId, known.organisationId, visible, shadow?.seq ?? null, nowIso);
    }
    sync.values.delete(snapshotKey);
    sync.values.delete(syncValueKeys.mixedEpochs);
    forgetPulledNotes(sync);
    return reseeds.length;
  });
}

/** Rows the re-pull brought are recorded while it runs (see `notePulled`). */
function pulledAgain(sync: SyncDb, known: { table: string; rowId: string }): boolean {
  return sync.db.prepare('SELECT 1 FROM device_state WHERE key = ?').get(`sync.restorePulled:${known.table}:${known.rowId}`) !== undefined;
}

/** During a restore's re-pull: remember which rows the restored hub still has (in the page's transaction). */
export function notePulled(sync: SyncDb, rows: ReadonlyArray<{ table: string; rowId: string }>): void {
  for (const row of rows) sync.values.set(`sync.restorePulled:${row.table}:${row.rowId}`, '1');
}

export function forgetPulledNotes(sync: SyncDb): void {
  sync.db.prepare("DELETE FROM device_state WHERE key LIKE 'sync.restorePulled:%'").run();
}
