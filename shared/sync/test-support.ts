import { formatHlc } from './hlc.js';
import type { OpaqueValue } from './opaque-value.js';
import type { FieldChange, Mutation, MutationOp } from './protocol.js';
import type { ServerRow } from './row-state.js';
import type { SyncTableName } from './tables.js';

/** Fixtures for the sync tests (not used by production code). */
export const orgId = '0190b8a4-7c3e-7000-8000-00000000a000';
export const clientA = '0190b8a4-7c3e-7000-8000-00000000c001';
export const nodeA = 'aaaaaaaaaaaaaaaa';
export const nodeB = 'bbbbbbbbbbbbbbbb';
export const nowMs = 1_800_000_000_000;

export function hlcAt(wallMs: number, node: string, counter = 0): string {
  return formatHlc({ wallMs, counter, node });
}

let counter = 0;
/** A fresh UUIDv7-shaped id (time part fixed, sequence in the random part): unique per call. */
export function nextId(): string {
  counter += 1;
  return `0190b8a4-7c3e-7${(counter >> 16).toString(16).padStart(3, '0')}-8${(counter & 0xfff).toString(16).padStart(3, '0')}-${counter.toString(16).padStart(12, '0')}`;
}

export interface ChangeSpec {
  value: OpaqueValue;
  hlc: string;
  baseValue?: OpaqueValue;
  baseHlc?: string | null;
}

export function mutationOf(
  table: SyncTableName,
  rowId: string,
  op: MutationOp,
  changes: Record<string, ChangeSpec>,
  extra: Partial<Pick<Mutation, 'seen' | 'resolves' | 'clientId' | 'mutationId'>> = {},
): Mutation {
  const list: FieldChange[] = Object.entries(changes).map(([field, spec]) => ({
    field,
    value: spec.value,
    hlc: spec.hlc,
    baseValue: spec.baseValue ?? null,
    baseHlc: spec.baseHlc ?? null,
  }));
  return {
    mutationId: extra.mutationId ?? nextId(),
    table,
    rowId,
    organisationId: orgId,
    clientId: extra.clientId === undefined ? clientA : extra.clientId,
    op,
    changes: list,
    ...(extra.seen ? { seen: extra.seen } : {}),
    ...(extra.resolves ? { resolves: extra.resolves } : {}),
  };
}

export function reportRow(values: Record<string, OpaqueValue>, clocks: Record<string, string>, id = nextId()): ServerRow {
  return { table: 'reports', id, organisationId: orgId, clientId: clientA, values: { clientId: clientA, deletedAt: null, ...values }, clocks };
}
