import type { Mutation } from '../../shared/sync/protocol.js';
import type { ShadowRow } from '../../shared/sync/rebase.js';
import type { SyncTableName } from '../../shared/sync/tables.js';
import { prepareCached, type SqliteDatabase } from '../store/database.js';
import type { LocalRow, LocalRows } from './local-rows.js';

/**
 * The server's version of each row (docs/sync.md). Stored in `sync_shadows` only when it differs
 * from what the row shows — pending local changes on top, or per-field sequences from push
 * answers; otherwise the row is its own shadow, and the initial sync stores every row once.
 *
 * A row with pending changes but no stored shadow had none when its first pending change was made
 * (the engine stores one whenever it touches a row with pending changes), so the shadow is the row
 * with each pending field taken back to the value and clock its first pending change started from.
 */
export class Shadows {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly rows: LocalRows,
  ) {}

  get(table: SyncTableName, rowId: string, pending: readonly Mutation[]): ShadowRow | null {
    return this.lookup(table, rowId, pending).shadow;
  }

  /**
   * As `get`, and whether the shadow came from `sync_shadows` (pass it to `save`, which then need
   * not delete an entry that is not there: a statement per row of an initial sync), and the
   * row as the device holds it when it was read for this (null: not there; undefined: not read).
   */
  lookup(table: SyncTableName, rowId: string, pending: readonly Mutation[]): { shadow: ShadowRow | null; stored: boolean; local?: LocalRow | null } {
    const stored = prepareCached(this.db, 'SELECT state FROM sync_shadows WHERE table_name = ? AND row_id = ?').pluck().get(table, rowId) as string | undefined;
    if (stored) return { shadow: JSON.parse(stored) as ShadowRow | null, stored: true };
    const local = this.rows.read(table, rowId);
    return { shadow: this.fromRow(local, pending), stored: false, local };
  }

  private fromRow(local: LocalRow | null, pending: readonly Mutation[]): ShadowRow | null {
    if (!local || local.serverSeq === null) return null;
    const values = { ...local.state.values };
    const clocks: Record<string, string> = { ...local.state.clocks };
    const restored = new Set<string>();
    for (const mutation of pending) {
      if (mutation.reseed) continue; // never without a stored shadow (restore-recovery.ts); its bases are not the row's
      for (const change of mutation.changes) {
        if (restored.has(change.field)) continue;
        restored.add(change.field);
        values[change.field] = change.baseValue;
        if (change.baseHlc === null) delete clocks[change.field];
        else clocks[change.field] = change.baseHlc;
      }
    }
    return { values, clocks, seq: local.serverSeq };
  }

  /**
   * Keeps the shadow when the row will not show it as it is; removes the entry otherwise.
   * `storedBefore`: false only when `lookup` found no entry in this same transaction.
   */
  save(table: SyncTableName, rowId: string, shadow: ShadowRow | null, pendingCount: number, storedBefore = true): void {
    const needed = pendingCount > 0 || (shadow?.fieldSeqs !== undefined && Object.keys(shadow.fieldSeqs).length > 0);
    if (!needed && !storedBefore) return;
    if (needed) {
      prepareCached(this.db, 'INSERT INTO sync_shadows (table_name, row_id, state) VALUES (?, ?, ?) ON CONFLICT(table_name, row_id) DO UPDATE SET state = excluded.state')
        .run(table, rowId, JSON.stringify(shadow));
    } else {
      prepareCached(this.db, 'DELETE FROM sync_shadows WHERE table_name = ? AND row_id = ?').run(table, rowId);
    }
  }

  /** Rows that have a stored shadow (the restore procedure walks them with the synced rows). */
  storedKeys(): Array<{ table: SyncTableName; rowId: string }> {
    return (prepareCached(this.db, 'SELECT table_name AS tableName, row_id AS rowId FROM sync_shadows').all() as Array<{ tableName: SyncTableName; rowId: string }>).map(
      (row) => ({ table: row.tableName, rowId: row.rowId }),
    );
  }
}
