import type { OpaqueValue } from './opaque-value.js';
import type { SyncTableName } from './tables.js';

/**
 * A row as sync sees it, on the hub and on the device: field values (opaque; includes `deletedAt`)
 * and per field the HLC text of its last change. A field without a clock was never set.
 */
export interface RowState {
  readonly values: Readonly<Record<string, OpaqueValue>>;
  readonly clocks: Readonly<Record<string, string>>;
}

/** The hub's current row for a mutation's (table, rowId), with the scope the hub checks rights by. */
export interface ServerRow extends RowState {
  readonly table: SyncTableName;
  readonly id: string;
  readonly organisationId: string;
  readonly clientId: string | null;
}

export const emptyRowState: RowState = { values: {}, clocks: {} };

/** A row is deleted while its tombstone field holds a value. */
export function isDeleted(row: RowState): boolean {
  const value = row.values.deletedAt;
  return value !== null && value !== undefined;
}

export function clockOf(row: RowState, field: string): string | null {
  return Object.prototype.hasOwnProperty.call(row.clocks, field) ? row.clocks[field]! : null;
}

export function valueOf(row: RowState, field: string): OpaqueValue {
  return Object.prototype.hasOwnProperty.call(row.values, field) ? row.values[field]! : null;
}

/** Same values and same clocks: what "converged" means. Missing and null values are equal. */
export function sameRowState(a: RowState, b: RowState, equal: (x: OpaqueValue, y: OpaqueValue) => boolean): boolean {
  const fields = new Set([...Object.keys(a.values), ...Object.keys(b.values), ...Object.keys(a.clocks), ...Object.keys(b.clocks)]);
  for (const field of fields) {
    if (clockOf(a, field) !== clockOf(b, field)) return false;
    if (!equal(valueOf(a, field), valueOf(b, field))) return false;
  }
  return true;
}
