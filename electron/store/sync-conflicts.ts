import { eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { lockFields, type SyncTableName } from '../../shared/sync/tables.js';
import type { Conflict } from '../../shared/sync/protocol.js';
import { prepareCached } from './database.js';
import type { Actor } from './rights.js';
import { appointments, contacts, documents, reports, timeRegistrations } from './schema.js';
import type { Scope } from './scope.js';
import { StoreError, type Refusal } from './store-error.js';

/** Tables with narrative text (shared/sync/tables.ts), the only ones the hub makes conflicts for. */
const narrativeTables: Partial<Record<SyncTableName, SQLiteTable>> = {
  reports,
  contacts,
  appointments,
  time_registrations: timeRegistrations,
  documents,
};

export type ConflictChoice = 'kept' | 'incoming' | 'both';

/** One open conflict as this device holds it, with the row it belongs to (if still here). */
export interface StoredConflict {
  conflict: Conflict;
  /** The row as the person sees it now; null when it is not on this device (purged). */
  row: Record<string, unknown> | null;
  /** Why resolving is not possible here; null when it is. */
  blocked: 'locked' | 'deleted' | 'no_rights' | 'missing' | null;
}

/**
 * Narrative-text conflicts (both versions kept by the hub, docs/sync.md "Conflicts") for the
 * person who must settle them. Reading one is reading client data (logged); settling one is an
 * ordinary edit of the field on top of the current version, with `resolves` in its outbox entry,
 * so it syncs like every other change and the hub closes the conflict for every device.
 */
export class SyncConflictRepository {
  constructor(private readonly scope: Scope) {}

  /** Open conflicts on rows this user may read, oldest first; one access-log entry per dossier. */
  listOpen(): StoredConflict[] {
    return this.scope.read((actor) => {
      const records = prepareCached(this.scope.services.db, "SELECT conflict FROM sync_conflicts WHERE status = 'open' ORDER BY coalesce(seq, 0), conflict_id")
        .pluck()
        .all() as string[];
      const visible: StoredConflict[] = [];
      for (const record of records) {
        const conflict = JSON.parse(record) as Conflict;
        const row = this.loadRow(conflict);
        if (!this.mayRead(actor, conflict, row)) continue;
        visible.push({ conflict, row, blocked: this.blockedReason(actor, conflict, row) });
      }
      for (const clientId of new Set(visible.map((item) => item.conflict.clientId))) {
        this.scope.audit(actor, 'R', 'sync.conflicts', clientId, 'sync-conflict-list', null, `${visible.filter((item) => item.conflict.clientId === clientId).length}`);
      }
      return visible;
    });
  }

  /**
   * Settles a conflict: `kept` keeps the text that is current, `incoming` takes the other version,
   * `both` stores `text` (the two versions combined, as the person edited them). Closed on this
   * device at once; the hub closes it for everyone when the edit arrives.
   */
  resolve(conflictId: string, choice: ConflictChoice, text?: string): void {
    this.scope.transact((actor) => {
      const record = prepareCached(this.scope.services.db, "SELECT conflict FROM sync_conflicts WHERE conflict_id = ? AND status = 'open'").pluck().get(conflictId) as
        | string
        | undefined;
      if (!record) throw new StoreError('not_found', 'Dit conflict is al opgelost (misschien door een collega).');
      const conflict = JSON.parse(record) as Conflict;
      const table = narrativeTables[conflict.table];
      const row = this.loadRow(conflict);
      const refusal: Refusal = { action: 'U', event: 'sync.resolveConflict', clientId: conflict.clientId, objectType: conflict.table, objectId: conflict.rowId };
      if (!table || !this.mayRead(actor, conflict, row)) throw new StoreError('forbidden', 'Je mag dit onderdeel niet inzien of wijzigen.', { refusal });
      const blocked = this.blockedReason(actor, conflict, row);
      if (blocked === 'locked') throw new StoreError('record_locked', 'Dit onderdeel is intussen vastgezet; voeg je tekst toe als aanvulling.', { refusal });
      if (blocked === 'no_rights') throw new StoreError('forbidden', 'Je hebt geen recht om dit onderdeel te wijzigen.', { refusal });
      if (blocked !== null || !row) throw new StoreError('not_found', 'Dit onderdeel is verwijderd; het conflict kan hier niet worden opgelost.', { refusal });
      const value = choice === 'kept' ? row[conflict.field] : choice === 'incoming' ? conflict.incoming.value : text;
      if (choice === 'both' && (typeof text !== 'string' || text.trim() === '')) throw new StoreError('invalid_input', 'Vul de samengevoegde tekst in.', { refusal });
      this.scope.services.writer.update(table, row, { [conflict.field]: value ?? null }, conflict.clientId, { resolves: [conflict.conflictId] });
      prepareCached(this.scope.services.db, "UPDATE sync_conflicts SET status = 'resolved' WHERE conflict_id = ?").run(conflict.conflictId);
      this.scope.audit(actor, 'U', 'sync.resolveConflict', conflict.clientId, conflict.table, conflict.rowId, choice);
    });
  }

  private loadRow(conflict: Conflict): Record<string, unknown> | null {
    const table = narrativeTables[conflict.table];
    if (!table) return null;
    const idColumn = (table as unknown as { id: Parameters<typeof eq>[0] }).id;
    const row = this.scope.services.orm.select().from(table).where(eq(idColumn, conflict.rowId)).get() as Record<string, unknown> | undefined;
    return row ?? null;
  }

  private mayRead(actor: Actor, conflict: Conflict, row: Record<string, unknown> | null): boolean {
    const { rights } = this.scope.services;
    if (conflict.table === 'reports' && row) return rights.report(actor, row as never).canRead;
    if (conflict.table === 'appointments' && row) {
      const practitioners = (row.practitionerIds as string[] | undefined) ?? [];
      const clientIds = (row.clientIds as string[] | undefined) ?? [];
      return practitioners.includes(actor.userId) || clientIds.some((clientId) => rights.dossier(actor.userId, clientId).canRead);
    }
    return conflict.clientId !== null && rights.dossier(actor.userId, conflict.clientId).canRead;
  }

  private blockedReason(actor: Actor, conflict: Conflict, row: Record<string, unknown> | null): StoredConflict['blocked'] {
    if (!row) return 'missing';
    if (row.deletedAt) return 'deleted';
    if (lockFields(conflict.table).some((field) => row[field] !== null && row[field] !== undefined)) return 'locked';
    const { rights } = this.scope.services;
    let mayEdit: boolean;
    if (conflict.table === 'reports') mayEdit = rights.report(actor, row as never).canEdit;
    else if (conflict.table === 'appointments') mayEdit = ((row.practitionerIds as string[] | undefined) ?? []).includes(actor.userId);
    else if (conflict.table === 'time_registrations') mayEdit = row.userId === actor.userId && conflict.clientId !== null && rights.dossier(actor.userId, conflict.clientId).canEdit;
    else mayEdit = conflict.clientId !== null && rights.dossier(actor.userId, conflict.clientId).canEdit;
    return mayEdit ? null : 'no_rights';
  }
}
