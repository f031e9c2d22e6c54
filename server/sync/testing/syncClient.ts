import { v7 as uuidv7 } from 'uuid';
import { syncPullResponseSchema, type SyncPullResponse, type SyncPushResponse } from '../../../shared/api/sync.js';
import { formatHlc } from '../../../shared/sync/hlc.js';
import type { FieldChange, Mutation, MutationResult, RowChange, SyncCursor } from '../../../shared/sync/protocol.js';
import type { OpaqueValue } from '../../../shared/sync/opaque-value.js';
import { call, type Harness } from '../../testing/harness.js';

let nodeCounter = 0;
/** Time passes between any two edits in a test, as it does between real ones (shared by all devices). */
let tick = 0;

/**
 * A minimal device for hub tests: its own HLC node and clock, a cursor, and helpers that build
 * mutations the way the device's outbox does (table, row, changes with base and new value).
 */
export class TestDevice {
  readonly node: string;
  cursor: SyncCursor | null = null;
  private counter = 0;
  /** Every row change this device pulled, in order (for exactly-once checks). */
  readonly pulled: RowChange[] = [];
  /** The newest pulled state of every row (what the device's shadow would hold). */
  readonly rows = new Map<string, RowChange>();

  constructor(
    private readonly harness: Harness,
    readonly token: string,
    readonly deviceId: string,
    readonly organisationId: string,
    /** The same device after a restart keeps its HLC node. */
    node?: string,
  ) {
    nodeCounter += 1;
    this.node = node ?? nodeCounter.toString(16).padStart(16, '0');
  }

  hlc(offsetMs = 0): string {
    this.counter += 1;
    tick += 1;
    return formatHlc({ wallMs: this.harness.clock.now().getTime() + tick + offsetMs, counter: this.counter % 0xffff, node: this.node });
  }

  change(field: string, value: OpaqueValue, base: { value?: OpaqueValue; hlc?: string | null } = {}, offsetMs = 0): FieldChange {
    return { field, baseValue: base.value ?? null, baseHlc: base.hlc ?? null, value, hlc: this.hlc(offsetMs) };
  }

  mutation(table: Mutation['table'], rowId: string, clientId: string | null, op: Mutation['op'], changes: FieldChange[], extra: Partial<Mutation> = {}): Mutation {
    return { mutationId: uuidv7(), table, rowId, organisationId: this.organisationId, clientId, op, changes, ...extra };
  }

  async pushRaw(mutations: Mutation[]) {
    return call(this.harness, this.token, {
      method: 'POST',
      url: '/v1/sync/push',
      payload: { protocolVersion: 1, deviceId: this.deviceId, hlcNode: this.node, serverEpoch: this.cursor?.epoch ?? null, mutations },
    });
  }

  async push(mutations: Mutation[]): Promise<MutationResult[]> {
    const response = await this.pushRaw(mutations);
    if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
    return (response.json() as SyncPushResponse).results;
  }

  async pullPage(limit = 100): Promise<SyncPullResponse> {
    const response = await call(this.harness, this.token, {
      method: 'POST',
      url: '/v1/sync/pull',
      payload: { protocolVersion: 1, deviceId: this.deviceId, cursor: this.cursor, limit },
    });
    if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
    // Checked as a device checks it: the hub writes pull answers itself (pullAnswer.ts).
    const page = syncPullResponseSchema.parse(response.json());
    this.pulled.push(...page.changes);
    for (const change of page.changes) this.rows.set(change.rowId, change);
    this.cursor = page.cursor;
    return page;
  }

  /** Pulls to the end; returns every page. */
  async pullAll(limit = 100): Promise<SyncPullResponse[]> {
    const pages: SyncPullResponse[] = [];
    for (;;) {
      const page = await this.pullPage(limit);
      pages.push(page);
      if (!page.hasMore) return pages;
    }
  }
}

/** The newest pulled state of every row, by row id. */
export function latestRows(pages: SyncPullResponse[]): Map<string, RowChange> {
  const rows = new Map<string, RowChange>();
  for (const page of pages) for (const change of page.changes) rows.set(change.rowId, change);
  return rows;
}
