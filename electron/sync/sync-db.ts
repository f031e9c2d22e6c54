import type { Conflict } from '../../shared/sync/protocol.js';
import type { RejectedChange } from '../../shared/sync/rebase.js';
import { prepareCached, type SqliteDatabase } from '../store/database.js';
import { DeviceValues } from './device-values.js';
import { LocalRows } from './local-rows.js';
import { OutboxMutations } from './outbox-mutations.js';
import { Shadows } from './shadows.js';

/**
 * The sync engine's view of the open store: rows, shadows, outbox, small values, and the lists the
 * user sees (refused changes, conflicts). Every method runs in the caller's transaction.
 */
export class SyncDb {
  readonly rows: LocalRows;
  readonly shadows: Shadows;
  readonly outbox: OutboxMutations;
  readonly values: DeviceValues;

  constructor(
    readonly db: SqliteDatabase,
    readonly now: () => Date = () => new Date(),
  ) {
    this.rows = new LocalRows(db);
    this.shadows = new Shadows(db, this.rows);
    this.outbox = new OutboxMutations(db);
    this.values = new DeviceValues(() => db);
  }

  /** One transaction, begun IMMEDIATE so a local write cannot slip in between read and write. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  keepRejected(rejected: RejectedChange): void {
    const { mutation } = rejected;
    prepareCached(
      this.db,
      `INSERT INTO sync_rejected (mutation_id, organisation_id, table_name, row_id, client_id, mutation, reason, message, rejected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(mutation_id) DO NOTHING`,
    ).run(mutation.mutationId, mutation.organisationId, mutation.table, mutation.rowId, mutation.clientId, JSON.stringify(mutation), rejected.reason, rejected.message, this.now().toISOString());
  }

  keepConflict(conflict: Conflict, status: 'open' | 'resolved', seq: number | null): void {
    prepareCached(
      this.db,
      `INSERT INTO sync_conflicts (conflict_id, table_name, row_id, client_id, conflict, status, local_only, seq) VALUES (?, ?, ?, ?, ?, ?, 0, ?)
       ON CONFLICT(conflict_id) DO UPDATE SET status = CASE WHEN sync_conflicts.status = 'resolved' THEN 'resolved' ELSE excluded.status END,
         local_only = 0, seq = coalesce(excluded.seq, sync_conflicts.seq)`,
    ).run(conflict.conflictId, conflict.table, conflict.rowId, conflict.clientId, JSON.stringify(conflict), status, seq);
  }

  conflictIds(): string[] {
    return prepareCached(this.db, 'SELECT conflict_id FROM sync_conflicts WHERE local_only = 0').pluck().all() as string[];
  }

  markConflictsLocalOnly(ids: readonly string[]): void {
    const mark = prepareCached(this.db, 'UPDATE sync_conflicts SET local_only = 1 WHERE conflict_id = ?');
    for (const id of ids) mark.run(id);
  }

  openConflictCount(): number {
    return prepareCached(this.db, "SELECT count(*) FROM sync_conflicts WHERE status = 'open'").pluck().get() as number;
  }

  unhandledRejectedCount(): number {
    return prepareCached(this.db, 'SELECT count(*) FROM sync_rejected WHERE handled_at IS NULL').pluck().get() as number;
  }
}
