import { getTableColumns, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { OpaqueValue } from '../../shared/sync/opaque-value.js';
import type { RowState } from '../../shared/sync/row-state.js';
import { syncTables, tombstoneField, type SyncTableName } from '../../shared/sync/tables.js';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from '../store/database.js';
import * as schema from '../store/schema.js';

/** The store's drizzle table for each syncable table name (the names the outbox and protocol use). */
const tables: Readonly<Record<SyncTableName, SQLiteTable>> = {
  organisations: schema.organisations,
  users: schema.users,
  clients: schema.clients,
  contacts: schema.contacts,
  reports: schema.reports,
  report_access: schema.reportAccess,
  appointments: schema.appointments,
  allocations: schema.allocations,
  time_registrations: schema.timeRegistrations,
  documents: schema.documents,
  dossier_access: schema.dossierAccess,
  settings: schema.settings,
};

export interface LocalRow {
  state: RowState;
  organisationId: string;
  /** The hub sequence of the version this row was last synced with; null for rows never synced. */
  serverSeq: number | null;
}

/**
 * Reads and writes syncable rows as the protocol sees them (domain field names, opaque values,
 * field clocks), through drizzle's column metadata: SQL names and value encodings (JSON columns,
 * booleans) come from the schema, never from input.
 */
export class LocalRows {
  private readonly statements = new Map<string, Statement<unknown[]>>();
  /** write's statements by table and bit mask of the fields written. */
  private readonly writes = new Map<SyncTableName, Map<number, Statement<unknown[]>>>();

  constructor(private readonly db: SqliteDatabase) {}

  read(table: SyncTableName, rowId: string): LocalRow | null {
    const raw = this.statement(`SELECT * FROM ${quote(table)} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
    if (!raw) return null;
    const columns = columnsOf(table);
    const values: Record<string, OpaqueValue> = {};
    for (const field of fieldsOf(table)) {
      const column = columns[field];
      if (!column) continue;
      const driver = raw[column.name];
      values[field] = driver === null || driver === undefined ? null : (column.mapFromDriverValue(driver) as OpaqueValue);
    }
    const clocks = JSON.parse((raw.field_clocks as string | null) ?? '{}') as Record<string, string>;
    return { state: { values, clocks }, organisationId: raw.organisation_id as string, serverSeq: (raw.server_seq as number | null) ?? null };
  }

  /** Inserts or replaces the row's synced fields, clocks and server sequence; keeps created_at. */
  write(table: SyncTableName, rowId: string, organisationId: string, state: RowState, serverSeq: number | null, nowIso: string): void {
    // Only fields the state holds: a partial version (a merged answer before the next pull) keeps the rest as it is.
    // The statement is found by a bit mask of those fields (at most 31 per table, checked in layoutOf):
    // building its SQL text for every row and looking it up by that text cost ~10 µs a row of a pull page.
    const layout = layoutOf(table);
    let mask = 0;
    const assigned: unknown[] = [];
    for (const [bit, field] of layout.fields.entries()) {
      if (!Object.prototype.hasOwnProperty.call(state.values, field)) continue;
      mask |= 1 << bit;
      assigned.push(toDriver(layout.columns[bit]!, state.values[field] ?? null));
    }
    let writes = this.writes.get(table);
    if (!writes) this.writes.set(table, (writes = new Map()));
    let statement = writes.get(mask);
    if (!statement) {
      const names = layout.columns.filter((_, bit) => mask & (1 << bit)).map((column) => quote(column.name));
      const insertColumns = ['id', 'organisation_id', 'field_clocks', 'server_seq', 'created_at', 'updated_at', ...names];
      const updates = ['field_clocks', 'server_seq', 'updated_at', ...names].map((name) => `${name} = excluded.${name}`);
      const sql =
        `INSERT INTO ${quote(table)} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')}) ` +
        `ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
      statement = this.statement(sql);
      writes.set(mask, statement);
    }
    statement.run(rowId, organisationId, JSON.stringify(state.clocks), serverSeq, nowIso, nowIso, ...assigned);
  }

  /**
   * As `write`, but sets only the columns whose stored value differs: settling a push usually
   * changes no value at all (the row already shows the change), and rewriting a report's unchanged
   * body would re-index it for search (the FTS triggers fire on UPDATE OF body), a page write each.
   * `current`: the row as `read` returned it earlier in this transaction, when the caller has it
   * (settling reads it for the shadow already); else it is read here.
   */
  writeChanged(table: SyncTableName, rowId: string, organisationId: string, state: RowState, serverSeq: number | null, nowIso: string, current?: LocalRow | null): void {
    const columns = columnsOf(table);
    let stored: (name: string, column: Column, field: string) => unknown;
    if (current === undefined) {
      const raw = this.statement(`SELECT * FROM ${quote(table)} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
      if (!raw) return this.write(table, rowId, organisationId, state, serverSeq, nowIso);
      stored = (name) => raw[name];
    } else {
      if (current === null) return this.write(table, rowId, organisationId, state, serverSeq, nowIso);
      stored = (_name, column, field) => toDriver(column, current.state.values[field] ?? null);
    }
    const changed = fieldsOf(table)
      .filter((field) => columns[field] && Object.prototype.hasOwnProperty.call(state.values, field))
      .map((field) => ({ name: columns[field]!.name, value: toDriver(columns[field]!, state.values[field] ?? null), before: stored(columns[field]!.name, columns[field]!, field) }))
      .filter(({ value, before }) => !sameDriverValue(before, value));
    const sets = ['field_clocks', 'server_seq', 'updated_at', ...changed.map(({ name }) => quote(name))].map((name) => `${name} = ?`);
    this.statement(`UPDATE ${quote(table)} SET ${sets.join(', ')} WHERE id = ?`).run(JSON.stringify(state.clocks), serverSeq, nowIso, ...changed.map(({ value }) => value), rowId);
  }

  delete(table: SyncTableName, rowId: string): void {
    this.statement(`DELETE FROM ${quote(table)} WHERE id = ?`).run(rowId);
  }

  /** Every row this device has synced at least once (the restore procedure keeps their versions). */
  *syncedRowIds(table: SyncTableName): Iterable<string> {
    for (const id of this.statement(`SELECT id FROM ${quote(table)} WHERE server_seq IS NOT NULL`).pluck().iterate()) yield id as string;
  }

  private statement(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** The fields a row of this table syncs: its registry fields and the tombstone. */
export function fieldsOf(table: SyncTableName): string[] {
  return [...Object.keys(syncTables[table].fields), tombstoneField];
}

/** A table's syncable fields that have a column, with those columns, in registry order. */
interface Layout {
  fields: string[];
  columns: Column[];
}

const layouts = new Map<SyncTableName, Layout>();

function layoutOf(table: SyncTableName): Layout {
  let layout = layouts.get(table);
  if (!layout) {
    const columns = columnsOf(table);
    const fields = fieldsOf(table).filter((field) => columns[field]);
    if (fields.length > 31) throw new Error(`${table} has more fields than a write's bit mask holds`);
    layout = { fields, columns: fields.map((field) => columns[field]!) };
    layouts.set(table, layout);
  }
  return layout;
}

function columnsOf(table: SyncTableName): Record<string, Column> {
  return getTableColumns(tables[table]) as Record<string, Column>;
}

function toDriver(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return column.mapToDriverValue(value);
}

/** Equal as SQLite stores them (booleans as 0/1 both ways, JSON as its text); anything else counts as changed. */
function sameDriverValue(stored: unknown, next: unknown): boolean {
  if (stored === undefined) return false;
  if (typeof next === 'boolean') return stored === (next ? 1 : 0);
  if (typeof stored === 'bigint' || typeof next === 'bigint') return false;
  return stored === next;
}

function quote(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}
