import type { FieldChange, Mutation, MutationOp } from '../../shared/sync/protocol.js';
import type { OpaqueValue } from '../../shared/sync/opaque-value.js';
import { lockFields, type SyncTableName } from '../../shared/sync/tables.js';
import { prepareCached, type SqliteDatabase } from '../store/database.js';

interface OutboxRow {
  seq: number;
  mutation_id: string;
  organisation_id: string;
  table_name: string;
  row_id: string;
  client_id: string | null;
  op: MutationOp;
  changes: string;
  hlc: string;
  base_clocks: string | null;
  sync_extra: string | null;
}

/** What the sync engine may add to an outbox entry (column `sync_extra`). */
export interface SyncExtra {
  reseed?: true;
  /** Per-field original clocks of a reseed (otherwise every field carries the entry's one HLC). */
  hlcs?: Record<string, string>;
  /** Per-field base clocks of a reseed, which are not the row's clocks at write time. */
  baseHlcs?: Record<string, string | null>;
  seen?: Record<string, string | null>;
  resolves?: string[];
}

export interface OutboxEntry {
  seq: number;
  mutation: Mutation;
}

const columns = 'seq, mutation_id, organisation_id, table_name, row_id, client_id, op, changes, hlc, base_clocks, sync_extra';

/**
 * The outbox as protocol mutations. An entry holds what the person saw (`base_clocks`: the row's
 * field clocks at the write) and changed (`changes`: before/after per field); from that the
 * mutation's bases and `seen` are rebuilt exactly, however many pulls happened since.
 */
export class OutboxMutations {
  constructor(private readonly db: SqliteDatabase) {}

  /** The first `limit` entries in order, after the entry `afterSeq` when given (the next batch to push). */
  first(limit: number, afterSeq: number | null = null): OutboxEntry[] {
    const rows = (
      afterSeq === null
        ? prepareCached(this.db, `SELECT ${columns} FROM outbox ORDER BY seq LIMIT ?`).all(limit)
        : prepareCached(this.db, `SELECT ${columns} FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit)
    ) as OutboxRow[];
    return rows.map(toEntry);
  }

  forRow(table: SyncTableName, rowId: string): Mutation[] {
    const rows = prepareCached(this.db, `SELECT ${columns} FROM outbox WHERE table_name = ? AND row_id = ? ORDER BY seq`).all(table, rowId) as OutboxRow[];
    return rows.map((row) => toEntry(row).mutation);
  }

  forClient(clientId: string): Mutation[] {
    const rows = prepareCached(this.db, `SELECT ${columns} FROM outbox WHERE client_id = ? ORDER BY seq`).all(clientId) as OutboxRow[];
    return rows.map((row) => toEntry(row).mutation);
  }

  remove(mutationId: string): void {
    prepareCached(this.db, 'DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
  }

  isEmpty(): boolean {
    return prepareCached(this.db, 'SELECT NOT EXISTS (SELECT 1 FROM outbox)').pluck().get() === 1;
  }

  count(): number {
    return prepareCached(this.db, 'SELECT count(*) FROM outbox').pluck().get() as number;
  }

  /** Puts mutations before every pending one (restore: re-offered versions come first). */
  prepend(mutations: readonly Mutation[], nowIso: string): void {
    if (mutations.length === 0) return;
    const lowest = (prepareCached(this.db, 'SELECT min(seq) FROM outbox').pluck().get() as number | null) ?? 1;
    const insert = prepareCached(
      this.db,
      `INSERT INTO outbox (seq, mutation_id, organisation_id, table_name, row_id, client_id, op, changes, hlc, created_at, base_clocks, sync_extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    mutations.forEach((mutation, index) => {
      const changes = Object.fromEntries(mutation.changes.map((change) => [change.field, { before: change.baseValue, after: change.value }]));
      const extra: SyncExtra = {
        ...(mutation.reseed ? { reseed: true as const } : {}),
        hlcs: Object.fromEntries(mutation.changes.map((change) => [change.field, change.hlc])),
        baseHlcs: Object.fromEntries(mutation.changes.map((change) => [change.field, change.baseHlc])),
        ...(mutation.seen ? { seen: mutation.seen } : {}),
        ...(mutation.resolves ? { resolves: mutation.resolves } : {}),
      };
      const hlc = mutation.changes.map((change) => change.hlc).sort().at(-1)!;
      insert.run(
        lowest - mutations.length + index,
        mutation.mutationId,
        mutation.organisationId,
        mutation.table,
        mutation.rowId,
        mutation.clientId,
        mutation.op,
        JSON.stringify(changes),
        hlc,
        nowIso,
        '{}',
        JSON.stringify(extra),
      );
    });
  }
}

function toEntry(row: OutboxRow): OutboxEntry {
  const table = row.table_name as SyncTableName;
  const stored = JSON.parse(row.changes) as Record<string, { before: unknown; after: unknown }>;
  const base = JSON.parse(row.base_clocks ?? '{}') as Record<string, string>;
  const extra = JSON.parse(row.sync_extra ?? '{}') as SyncExtra;
  const changes: FieldChange[] = Object.entries(stored).map(([field, { before, after }]) => ({
    field,
    baseValue: (before ?? null) as OpaqueValue,
    baseHlc: extra.baseHlcs && field in extra.baseHlcs ? extra.baseHlcs[field]! : (base[field] ?? null),
    value: (after ?? null) as OpaqueValue,
    hlc: extra.hlcs?.[field] ?? row.hlc,
  }));
  // Deleting and signing need what the person saw: the hub refuses them when the text moved on since.
  const needsSeen = row.op === 'delete' || changes.some((change) => lockFields(table).includes(change.field));
  const seen = extra.seen ?? (needsSeen ? base : undefined);
  const mutation: Mutation = {
    mutationId: row.mutation_id,
    table,
    rowId: row.row_id,
    organisationId: row.organisation_id,
    clientId: row.client_id,
    op: row.op,
    changes,
    ...(seen ? { seen } : {}),
    ...(extra.resolves && extra.resolves.length > 0 ? { resolves: extra.resolves } : {}),
    ...(extra.reseed ? { reseed: true as const } : {}),
  };
  return { seq: row.seq, mutation };
}
