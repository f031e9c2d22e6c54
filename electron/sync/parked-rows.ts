import { syncTableNames, syncTables, type SyncTableName } from '../../shared/sync/tables.js';
import { prepareCached } from '../store/database.js';
import type { LocalRow } from './local-rows.js';
import type { SyncDb } from './sync-db.js';

/**
 * Rows that arrived before a row they refer to. The hub sends rows in sequence order, and a later
 * change re-stamps a row: a dossier changed after it was made comes AFTER its access row. When a
 * pull page ends between the two, the access row refers to a dossier that is not here yet and the
 * page's deferred foreign-key check fails. Leaving such a row out would lose it for good (the
 * cursor moves past it, the hub never sends it again), so it waits in sync_parked_rows and goes
 * back into its table as soon as everything it refers to has arrived. A purged dossier takes its
 * waiting rows with it (store purgeDossier).
 */

/** Moves every row that fails its foreign keys out of its table into the waiting room. */
export function parkOrphans(sync: SyncDb): number {
  const violations = sync.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number }>;
  let parked = 0;
  const seen = new Set<string>();
  for (const violation of violations) {
    if (!isSyncTable(violation.table)) continue;
    const key = `${violation.table}:${violation.rowid}`;
    if (seen.has(key)) continue; // one violation per foreign key: a row may be listed twice
    seen.add(key);
    const table = violation.table;
    // Table names come from the registry (isSyncTable), never from input.
    const raw = prepareCached(sync.db, `SELECT id, ${syncTables[table].clientScoped ? 'client_id' : 'NULL'} AS client_id FROM \`${table}\` WHERE rowid = ?`).get(violation.rowid) as { id: string; client_id: string | null } | undefined;
    if (!raw) continue;
    const row = sync.rows.read(table, raw.id);
    if (row) {
      prepareCached(sync.db, 'INSERT OR REPLACE INTO sync_parked_rows (table_name, row_id, client_id, row) VALUES (?, ?, ?, ?)').run(table, raw.id, raw.client_id, JSON.stringify(row));
      parked += 1;
    }
    sync.rows.delete(table, raw.id);
  }
  return parked;
}

/**
 * Puts waiting rows back whose references are all on the device now. A row that a later page
 * brought again is already in its table in a newer version: its waiting copy is dropped.
 */
export function unparkRows(sync: SyncDb, nowIso: string): number {
  const waiting = prepareCached(sync.db, 'SELECT table_name, row_id, row FROM sync_parked_rows').all() as Array<{ table_name: string; row_id: string; row: string }>;
  let restored = 0;
  for (const entry of waiting) {
    const forget = () => prepareCached(sync.db, 'DELETE FROM sync_parked_rows WHERE table_name = ? AND row_id = ?').run(entry.table_name, entry.row_id);
    if (!isSyncTable(entry.table_name)) {
      forget();
      continue;
    }
    const table = entry.table_name;
    if (sync.rows.read(table, entry.row_id)) {
      forget();
      continue;
    }
    const row = JSON.parse(entry.row) as LocalRow;
    sync.rows.write(table, entry.row_id, row.organisationId, row.state, row.serverSeq, nowIso);
    if (referencesPresent(sync, table, entry.row_id)) {
      forget();
      restored += 1;
    } else {
      sync.rows.delete(table, entry.row_id); // still waiting for what it refers to
    }
  }
  return restored;
}

/** Whether every row this row refers to (its foreign keys) is on the device. */
function referencesPresent(sync: SyncDb, table: SyncTableName, rowId: string): boolean {
  const keys = sync.db.pragma(`foreign_key_list(\`${table}\`)`) as Array<{ table: string; from: string; to: string | null }>;
  return keys.every((key) => {
    const to = key.to ?? 'id';
    const found = prepareCached(
      sync.db,
      `SELECT (SELECT \`${key.from}\` FROM \`${table}\` WHERE id = ?) IS NULL OR EXISTS (SELECT 1 FROM \`${key.table}\` WHERE \`${to}\` = (SELECT \`${key.from}\` FROM \`${table}\` WHERE id = ?))`,
    ).pluck().get(rowId, rowId) as number;
    return found === 1;
  });
}

function isSyncTable(name: string): name is SyncTableName {
  return (syncTableNames as readonly string[]).includes(name);
}
