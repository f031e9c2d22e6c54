import { checkCursor } from '../cursor.js';
import { mergeMutation, mutationResultFor } from '../merge.js';
import type { OpaqueValue } from '../opaque-value.js';
import { pushRequestSchema } from '../protocol.js';
import type { Conflict, ConflictState, HistoryEntry, MutationResult, PullResponse, PushRequest, PushResponse, RowChange, SyncCursor } from '../protocol.js';
import { valueOf, type ServerRow } from '../row-state.js';
import { lockFields, syncTables } from '../tables.js';

/**
 * An in-memory hub for the convergence tests: the same steps the real hub takes in one push
 * transaction (mutation-id log, merge, new sequence per changed row, history, conflicts), and a
 * pull that sends the latest version of every row and conflict after the cursor, in sequence order.
 * It plays the part of the committed change log: the sequence trap is the real hub's to solve.
 */
export const simServerId = '0190b8a4-7c3e-7000-8000-0000000e0002';

interface StoredRow {
  row: ServerRow;
  seq: number;
}

/** Everything a backup of the hub's database holds. */
export interface HubBackup {
  epoch: string;
  seq: number;
  rows: Map<string, StoredRow>;
  results: Map<string, MutationResult>;
  conflicts: SimHub['conflicts'];
  history: SimHub['history'];
  lockedSnapshots: SimHub['lockedSnapshots'];
}

let epochCounter = 0;
function nextEpoch(): string {
  epochCounter += 1;
  return `0190b8a4-7c3e-7000-8000-${(0xe0000 + epochCounter).toString(16).padStart(12, '0')}`;
}

export class SimHub {
  seq = 0;
  epoch = nextEpoch();
  epochStartSeq = 0;
  restoredFromEpoch: string | null = null;
  rows = new Map<string, StoredRow>();
  results = new Map<string, MutationResult>();
  conflicts = new Map<string, { conflict: Conflict; status: 'open' | 'resolved'; seq: number }>();
  history: { rowKey: string; entry: HistoryEntry }[] = [];
  /** Merge calls per mutation id: the idempotency property counts them. */
  readonly mergeCalls = new Map<string, number>();
  readonly idempotenceViolations: string[] = [];
  /** Content of a row when it was first locked: the lock property compares against it. */
  lockedSnapshots = new Map<string, Record<string, OpaqueValue>>();

  constructor(private readonly nowMs: () => number) {}

  push(request: PushRequest): PushResponse {
    // Every message of the simulation must be one the real hub accepts.
    pushRequestSchema.parse(request);
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
    return { protocolVersion: 1, serverEpoch: this.epoch, results };
  }

  backup(): HubBackup {
    return {
      epoch: this.epoch,
      seq: this.seq,
      rows: new Map(this.rows),
      results: new Map(this.results),
      conflicts: new Map(this.conflicts),
      history: [...this.history],
      lockedSnapshots: new Map(this.lockedSnapshots),
    };
  }

  /** Restoring a backup gives the database a new epoch, as the restore runbook does. */
  restore(backup: HubBackup): void {
    this.seq = backup.seq;
    this.rows = new Map(backup.rows);
    this.results = new Map(backup.results);
    this.conflicts = new Map(backup.conflicts);
    this.history = [...backup.history];
    this.lockedSnapshots = new Map(backup.lockedSnapshots);
    // The mutation log is restored too: what was merged after the backup may be merged once more.
    this.mergeCalls.clear();
    this.epoch = nextEpoch();
    this.epochStartSeq = backup.seq;
    this.restoredFromEpoch = backup.epoch;
  }

  pull(syncCursor: SyncCursor | null, limit: number): PullResponse {
    const server = { id: simServerId, epoch: this.epoch, restoredFromEpoch: this.restoredFromEpoch, epochStartSeq: this.epochStartSeq };
    const check = checkCursor(syncCursor, { id: simServerId, epoch: this.epoch, headSeq: this.seq });
    if (check.kind === 'reset') {
      return { protocolVersion: 1, server, reset: true, changes: [], conflicts: [], purges: [], cursor: { epoch: this.epoch, seq: 0 }, hasMore: true };
    }
    const cursor = check.afterSeq;
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
      server,
      reset: false,
      changes: page.flatMap((item) => (item.change ? [item.change] : [])),
      conflicts: page.flatMap((item) => (item.conflict ? [item.conflict] : [])),
      purges: [],
      cursor: { epoch: this.epoch, seq: last },
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
