import { mergeMutation, mutationResultFor } from '../merge.js';
import type { OpaqueValue } from '../opaque-value.js';
import type { Conflict, ConflictState, HistoryEntry, MutationResult, PullResponse, PushRequest, PushResponse, RowChange } from '../protocol.js';
import { valueOf, type ServerRow } from '../row-state.js';
import { lockFields, syncTables } from '../tables.js';

/**
 * An in-memory hub for the convergence tests: the same steps the real hub takes in one push
 * transaction (mutation-id log, merge, new sequence per changed row, history, conflicts), and a
 * pull that sends the latest version of every row and conflict after the cursor, in sequence order.
 * It plays the part of the committed change log: the sequence trap is the real hub's to solve.
 */
export const simEpoch = '0190b8a4-7c3e-7000-8000-0000000e0001';
export const simServerId = '0190b8a4-7c3e-7000-8000-0000000e0002';

interface StoredRow {
  row: ServerRow;
  seq: number;
}

export class SimHub {
  seq = 0;
  readonly rows = new Map<string, StoredRow>();
  readonly results = new Map<string, MutationResult>();
  readonly conflicts = new Map<string, { conflict: Conflict; status: 'open' | 'resolved'; seq: number }>();
  readonly history: { rowKey: string; entry: HistoryEntry }[] = [];
  /** Merge calls per mutation id: the idempotency property counts them. */
  readonly mergeCalls = new Map<string, number>();
  readonly idempotenceViolations: string[] = [];
  /** Content of a row when it was first locked: the lock property compares against it. */
  readonly lockedSnapshots = new Map<string, Record<string, OpaqueValue>>();

  constructor(private readonly nowMs: () => number) {}

  push(request: PushRequest): PushResponse {
    const results = request.mutations.map((mutation) => {
      const stored = this.results.get(mutation.mutationId);
      if (stored) return stored;
      this.mergeCalls.set(mutation.mutationId, (this.mergeCalls.get(mutation.mutationId) ?? 0) + 1);
      const key = rowKey(mutation.table, mutation.rowId);
      const current = this.rows.get(key);
      const outcome = mergeMutation(current?.row ?? null, mutation, { nowMs: this.nowMs(), hlcNode: request.hlcNode, maxDriftMs: Number.POSITIVE_INFINITY });
      if (outcome.status !== 'rejected') {
        // Merge alone, without the log, must also be idempotent: the same mutation again changes nothing.
        const again = mergeMutation(outcome.row, mutation, { nowMs: this.nowMs(), hlcNode: request.hlcNode, maxDriftMs: Number.POSITIVE_INFINITY });
        if (again.status === 'rejected' || again.changed) this.idempotenceViolations.push(mutation.mutationId);
        if (outcome.changed) this.rows.set(key, { row: outcome.row, seq: ++this.seq });
        for (const entry of outcome.history) this.history.push({ rowKey: key, entry });
        for (const conflict of outcome.conflicts) {
          if (!this.conflicts.has(conflict.conflictId)) this.conflicts.set(conflict.conflictId, { conflict, status: 'open', seq: ++this.seq });
        }
        for (const id of outcome.resolves) {
          const open = this.conflicts.get(id);
          if (open && open.status === 'open' && open.conflict.table === mutation.table && open.conflict.rowId === mutation.rowId) {
            this.conflicts.set(id, { ...open, status: 'resolved', seq: ++this.seq });
          }
        }
        this.snapshotLock(key, outcome.row);
      }
      const result = mutationResultFor(mutation.mutationId, outcome, this.rows.get(key)?.seq ?? 0);
      this.results.set(mutation.mutationId, result);
      return result;
    });
    return { protocolVersion: 1, serverEpoch: simEpoch, results };
  }

  pull(cursor: number, limit: number): PullResponse {
    type Item = { seq: number; change?: RowChange; conflict?: ConflictState };
    const items: Item[] = [];
    for (const { row, seq } of this.rows.values()) {
      if (seq > cursor) {
        items.push({ seq, change: { seq, table: row.table, rowId: row.id, organisationId: row.organisationId, clientId: row.clientId, values: { ...row.values }, clocks: { ...row.clocks } } });
      }
    }
    for (const state of this.conflicts.values()) {
      if (state.seq > cursor) items.push({ seq: state.seq, conflict: { seq: state.seq, conflict: state.conflict, status: state.status } });
    }
    items.sort((a, b) => a.seq - b.seq);
    const page = items.slice(0, limit);
    const last = page.at(-1)?.seq ?? cursor;
    return {
      protocolVersion: 1,
      server: { id: simServerId, epoch: simEpoch },
      reset: false,
      changes: page.flatMap((item) => (item.change ? [item.change] : [])),
      conflicts: page.flatMap((item) => (item.conflict ? [item.conflict] : [])),
      purges: [],
      cursor: { epoch: simEpoch, seq: last },
      hasMore: items.length > page.length,
    };
  }

  private snapshotLock(key: string, row: ServerRow): void {
    if (this.lockedSnapshots.has(key)) return;
    const locks = lockFields(row.table);
    if (!locks.some((field) => valueOf(row, field) !== null)) return;
    const content = Object.keys(syncTables[row.table].fields).filter((field) => !locks.includes(field));
    this.lockedSnapshots.set(key, Object.fromEntries([...content, 'deletedAt'].map((field) => [field, valueOf(row, field)])));
  }
}

export function rowKey(table: string, rowId: string): string {
  return `${table}:${rowId}`;
}
