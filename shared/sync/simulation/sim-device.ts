import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../hlc.js';
import type { OpaqueValue } from '../opaque-value.js';
import { pullResponseSchema, pushResponseSchema, type Conflict, type FieldChange, type Mutation, type MutationOp, type PullResponse, type RowChange, type SyncCursor } from '../protocol.js';
import { overlayPending, rebaseRow, settleMutation, type RejectedChange, type ShadowRow } from '../rebase.js';
import { reseedGroups } from '../restore.js';
import { clockOf, isDeleted, valueOf, type RowState } from '../row-state.js';
import { lockFields, type SyncTableName } from '../tables.js';
import { rowKey, type SimHub } from './sim-hub.js';

/**
 * A device for the convergence tests, doing what electron/sync will do with the pure functions:
 * local writes append to the outbox and replay on top of the shadow; a push settles each answered
 * mutation; a pull rebases every pulled row onto its pending mutations. A "lost" answer (dropped
 * connection, app killed before storing it) leaves the outbox as it was, so the batch is sent again.
 */
export const simOrgId = '0190b8a4-7c3e-7000-8000-00000000a000';
export const simClientId = '0190b8a4-7c3e-7000-8000-00000000c001';
export const simAuthorId = '0190b8a4-7c3e-7000-8000-00000000d001';

interface LocalRow {
  table: SyncTableName;
  rowId: string;
  shadow: ShadowRow | null;
  visible: RowState | null;
}

export class SimDevice {
  private clock: Hlc;
  private mutationCounter = 0;
  readonly rows = new Map<string, LocalRow>();
  outbox: Mutation[] = [];
  cursor: SyncCursor | null = null;
  readonly rejected: RejectedChange[] = [];
  readonly conflicts = new Map<string, { conflict: Conflict; status: 'open' | 'resolved' }>();
  /** Conflicts a restored hub no longer has: still shown, their text still here. */
  readonly localOnlyConflicts = new Map<string, Conflict>();
  restores = 0;
  /** Settled a push answer from another epoch than the cursor's since the cursor's epoch began. */
  private mixedEpochs = false;

  constructor(
    readonly index: number,
    readonly node: string,
    readonly deviceId: string,
    private readonly wallMs: () => number,
  ) {
    this.clock = initialHlc(node);
  }

  get pendingCount(): number {
    return this.outbox.length;
  }

  visible(table: SyncTableName, rowId: string): RowState | null {
    return this.rows.get(rowKey(table, rowId))?.visible ?? null;
  }

  /** A new row, as the store's insert makes it: every given field stamped with one HLC. */
  insert(table: SyncTableName, rowId: string, fields: Record<string, OpaqueValue>): Mutation {
    const hlc = this.tick();
    const changes = Object.entries(fields).map(([field, value]) => ({ field, value, hlc, baseValue: null, baseHlc: null }));
    return this.record(table, rowId, 'insert', changes);
  }

  /** An edit as the UI makes it: on the visible row, with the value and clock the user saw as base. */
  edit(table: SyncTableName, rowId: string, field: string, value: OpaqueValue, resolves?: string[]): Mutation | null {
    const row = this.visible(table, rowId);
    if (!row || isDeleted(row) || this.isLocked(table, row)) return null;
    const hlc = this.tick();
    return this.record(table, rowId, 'update', [{ field, value, hlc, baseValue: valueOf(row, field), baseHlc: clockOf(row, field) }], { resolves });
  }

  /** Delete, sign off and lock carry what the user saw (`seen`): the row's clocks at that moment. */
  remove(table: SyncTableName, rowId: string): Mutation | null {
    const row = this.visible(table, rowId);
    if (!row || isDeleted(row) || this.isLocked(table, row)) return null;
    const hlc = this.tick();
    const change = { field: 'deletedAt', value: new Date(this.wallMs()).toISOString(), hlc, baseValue: null, baseHlc: clockOf(row, 'deletedAt') };
    return this.record(table, rowId, 'delete', [change], { seen: { ...row.clocks } });
  }

  setLock(table: SyncTableName, rowId: string, field: string, value: OpaqueValue): Mutation | null {
    const row = this.visible(table, rowId);
    if (!row || isDeleted(row) || valueOf(row, field) !== null) return null;
    const hlc = this.tick();
    return this.record(table, rowId, 'update', [{ field, value, hlc, baseValue: null, baseHlc: clockOf(row, field) }], { seen: { ...row.clocks } });
  }

  /** Sends the first `count` outbox entries; `answerLost`: the hub applied them, the device never heard. */
  push(hub: SimHub, count: number, answerLost: boolean): void {
    const batch = this.outbox.slice(0, Math.max(1, count));
    if (batch.length === 0) return;
    const response = pushResponseSchema.parse(hub.push({ protocolVersion: 1, deviceId: this.deviceId, hlcNode: this.node, serverEpoch: this.cursor?.epoch ?? null, mutations: batch }));
    if (answerLost) return;
    const epochChanged = this.cursor !== null && response.serverEpoch !== this.cursor.epoch;
    if (epochChanged) this.mixedEpochs = true;
    for (const [i, result] of response.results.entries()) {
      const mutation = batch[i]!;
      const key = rowKey(mutation.table, mutation.rowId);
      const local = this.rows.get(key)!;
      const settled = settleMutation(local.shadow, mutation, result, epochChanged);
      this.outbox = this.outbox.filter((m) => m.mutationId !== mutation.mutationId);
      if (settled.rejected) this.rejected.push(settled.rejected);
      for (const conflict of settled.conflicts) {
        if (!this.conflicts.has(conflict.conflictId)) this.conflicts.set(conflict.conflictId, { conflict, status: 'open' });
      }
      local.shadow = settled.shadow;
      local.visible = overlayPending(local.shadow, this.pendingFor(key));
    }
  }

  /** One pull page, applied as the device's one transaction: rows rebased, conflicts stored, cursor moved. */
  pull(hub: SimHub, limit: number): boolean {
    const response = pullResponseSchema.parse(hub.pull(this.cursor, limit));
    if (response.reset) {
      this.recoverFromRestore(hub);
      return false;
    }
    for (const change of response.changes) this.applyChange(change);
    for (const state of response.conflicts) this.conflicts.set(state.conflict.conflictId, { conflict: state.conflict, status: state.status });
    this.cursor = response.cursor;
    return response.hasMore;
  }

  /**
   * The hub was restored from an older backup: keep everything, pull from the start, then offer
   * again what the hub lost (reseed mutations before the pending ones). Conflicts the hub lost stay
   * on this device as local-only.
   */
  private recoverFromRestore(hub: SimHub): void {
    this.restores += 1;
    const before = new Map([...this.rows].flatMap(([key, row]) => (row.shadow ? [[key, row.shadow] as const] : [])));
    const conflictsBefore = new Map(this.conflicts);
    const knownEpoch = this.cursor?.epoch ?? null;
    this.conflicts.clear();
    this.cursor = null;
    const received = new Set<string>();
    let server: PullResponse['server'] | undefined;
    for (;;) {
      const response = hub.pull(this.cursor, 50);
      server = response.server;
      for (const change of response.changes) {
        this.applyChange(change);
        received.add(rowKey(change.table, change.rowId));
      }
      for (const state of response.conflicts) this.conflicts.set(state.conflict.conflictId, { conflict: state.conflict, status: state.status });
      this.cursor = response.cursor;
      if (!response.hasMore) break;
    }
    for (const [id, state] of conflictsBefore) if (!this.conflicts.has(id)) this.localOnlyConflicts.set(id, state.conflict);

    const context = { epochStartSeq: server!.epochStartSeq, sameLine: !this.mixedEpochs && knownEpoch !== null && knownEpoch === server!.restoredFromEpoch };
    this.mixedEpochs = false;
    const reseeds: Mutation[] = [];
    for (const [key, knownBefore] of before) {
      const local = this.rows.get(key)!;
      const restored = received.has(key) ? local.shadow : null;
      if (!restored) local.shadow = null;
      for (const changes of reseedGroups(local.table, knownBefore, restored, context)) {
        const op: MutationOp = restored === null ? 'insert' : changes[0]!.field === 'deletedAt' && changes[0]!.value !== null ? 'delete' : 'update';
        reseeds.push(this.makeMutation(local.table, local.rowId, op, changes, { seen: { ...knownBefore.clocks }, reseed: true }));
      }
    }
    this.outbox = [...reseeds, ...this.outbox];
    for (const [key, local] of this.rows) local.visible = overlayPending(local.shadow, this.pendingFor(key));
  }

  private applyChange(change: RowChange): void {
    const key = rowKey(change.table, change.rowId);
    const local = this.rows.get(key) ?? { table: change.table, rowId: change.rowId, shadow: null, visible: null };
    const rebased = rebaseRow(change, this.pendingFor(key), local.shadow);
    local.shadow = rebased.shadow;
    local.visible = rebased.visible;
    this.rows.set(key, local);
    for (const hlc of Object.values(change.clocks)) this.clock = receiveHlc(this.clock, parseHlc(hlc), this.wallMs(), Number.POSITIVE_INFINITY);
  }

  openConflicts(): Conflict[] {
    return [...this.conflicts.values()].filter((c) => c.status === 'open').map((c) => c.conflict);
  }

  private record(table: SyncTableName, rowId: string, op: MutationOp, changes: FieldChange[], extra: Pick<Partial<Mutation>, 'seen' | 'resolves'> = {}): Mutation {
    const mutation = this.makeMutation(table, rowId, op, changes, extra);
    const key = rowKey(table, rowId);
    this.outbox.push(mutation);
    const local = this.rows.get(key) ?? { table, rowId, shadow: null, visible: null };
    local.visible = overlayPending(local.shadow, this.pendingFor(key));
    this.rows.set(key, local);
    return mutation;
  }

  private makeMutation(table: SyncTableName, rowId: string, op: MutationOp, changes: FieldChange[], extra: Pick<Partial<Mutation>, 'seen' | 'resolves' | 'reseed'>): Mutation {
    this.mutationCounter += 1;
    return {
      mutationId: simMutationId(this.index, this.mutationCounter),
      table,
      rowId,
      organisationId: simOrgId,
      clientId: simClientId,
      op,
      changes,
      ...(extra.seen ? { seen: extra.seen } : {}),
      ...(extra.resolves && extra.resolves.length > 0 ? { resolves: extra.resolves } : {}),
      ...(extra.reseed ? { reseed: true as const } : {}),
    };
  }

  private pendingFor(key: string): Mutation[] {
    return this.outbox.filter((m) => rowKey(m.table, m.rowId) === key);
  }

  private isLocked(table: SyncTableName, row: RowState): boolean {
    return lockFields(table).some((field) => valueOf(row, field) !== null);
  }

  private tick(): string {
    this.clock = tickHlc(this.clock, this.wallMs());
    return formatHlc(this.clock);
  }
}

/** UUIDv7-shaped, unique per device and counter. */
export function simMutationId(device: number, counter: number): string {
  return `0190b8a4-7c3e-7${device.toString(16).padStart(3, '0')}-8000-${counter.toString(16).padStart(12, '0')}`;
}
