import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import type BetterSqlite from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from './database.js';
import type { DeviceState } from './device-state.js';
import { StoreError } from './store-error.js';

/** Columns every syncable table has, which are not user fields: they are never in a change set. */
const syncKeys = new Set(['id', 'organisationId', 'fieldClocks', 'serverSeq', 'createdAt', 'updatedAt', 'deletedAt']);

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;
export type Row = Record<string, unknown>;

export interface WriteResult {
  id: string;
  changes: FieldChanges;
}

/**
 * The one path by which syncable rows change. Each insert, update or soft delete, in the caller's
 * transaction: ticks the HLC, stamps it on every changed field (fieldClocks), and writes an outbox
 * entry with the changed fields' before/after values (DESIGN.md "The sync model"). Field names in
 * the outbox are the domain (camelCase) names, which the sync protocol in shared/ speaks.
 * SQL is built from drizzle's column metadata only, never from input, and cached per shape.
 */
export class RowWriter {
  private readonly statements = new Map<string, BetterSqlite.Statement<unknown[]>>();
  private readonly outboxInsert;
  private readonly outboxColumns: number;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly device: DeviceState,
    private readonly now: () => Date,
  ) {
    // A store opened with an older migration list (upgrade tests: LocalStore's `migrations` option)
    // has no base_clocks column yet; every store the app opens has it (migration 0003).
    const hasBaseClocks = (db.pragma('table_info(outbox)') as Array<{ name: string }>).some((column) => column.name === 'base_clocks');
    this.outboxInsert = db.prepare(
      hasBaseClocks
        ? `INSERT INTO outbox (mutation_id, organisation_id, table_name, row_id, client_id, op, changes, hlc, created_at, base_clocks)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        : `INSERT INTO outbox (mutation_id, organisation_id, table_name, row_id, client_id, op, changes, hlc, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.outboxColumns = hasBaseClocks ? 10 : 9;
  }

  insert(table: SQLiteTable, organisationId: string, fields: Row, clientId: string | null, id: string = uuidv7()): WriteResult {
    const columns = getTableColumns(table) as Record<string, Column>;
    const at = this.now();
    const hlc = this.device.tick(at.getTime());
    const iso = at.toISOString();
    const userKeys = Object.keys(fields).filter((key) => !syncKeys.has(key) && fields[key] !== undefined);
    const fieldClocks = Object.fromEntries(userKeys.map((key) => [key, hlc]));
    const values: Row = { ...pick(fields, userKeys), id, organisationId, fieldClocks, serverSeq: null, createdAt: iso, updatedAt: iso, deletedAt: null };
    const keys = Object.keys(values);
    for (const key of keys) if (!columns[key]) throw new Error(`Unknown column ${key} for ${getTableName(table)}`);
    const sql = `INSERT INTO ${quote(getTableName(table))} (${keys.map((k) => quote(columns[k]!.name)).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
    this.statement(sql).run(...keys.map((k) => toDriver(columns[k]!, values[k])));
    const changes: FieldChanges = Object.fromEntries(userKeys.map((key) => [key, { before: null, after: fields[key] ?? null }]));
    this.outbox(organisationId, table, id, clientId, 'insert', changes, hlc, iso, {});
    return { id, changes };
  }

  /**
   * Writes only the fields whose value differs; no change, no write, no outbox entry.
   * `resolves`: the person settled these sync conflicts with this edit (docs/sync.md "Conflicts");
   * the fields in `patch` are then written even when unchanged ("keep this version" is an edit on
   * top of the current text that tells the hub the conflict is settled).
   */
  update(table: SQLiteTable, current: Row, patch: Row, clientId: string | null, options: { resolves?: string[] } = {}): WriteResult {
    const columns = getTableColumns(table) as Record<string, Column>;
    const id = current.id as string;
    const resolving = (options.resolves?.length ?? 0) > 0;
    const changed = Object.keys(patch).filter((key) => !syncKeys.has(key) && patch[key] !== undefined && (resolving || !sameValue(current[key], patch[key])));
    if (changed.length === 0) return { id, changes: {} };
    for (const key of changed) if (!columns[key]) throw new Error(`Unknown column ${key} for ${getTableName(table)}`);
    const at = this.now();
    const hlc = this.device.tick(at.getTime());
    const iso = at.toISOString();
    const fieldClocks = { ...(current.fieldClocks as Record<string, string>), ...Object.fromEntries(changed.map((key) => [key, hlc])) };
    const sets = [...changed, 'fieldClocks', 'updatedAt'];
    const values: Row = { ...pick(patch, changed), fieldClocks, updatedAt: iso };
    const sql = `UPDATE ${quote(getTableName(table))} SET ${sets.map((k) => `${quote(columns[k]!.name)} = ?`).join(', ')} WHERE id = ?`;
    const result = this.statement(sql).run(...sets.map((k) => toDriver(columns[k]!, values[k])), id);
    if (result.changes !== 1) throw new StoreError('not_found', 'Dit gegeven bestaat niet (meer)');
    const changes: FieldChanges = Object.fromEntries(changed.map((key) => [key, { before: current[key] ?? null, after: patch[key] }]));
    this.outbox(current.organisationId as string, table, id, clientId, 'update', changes, hlc, iso, current.fieldClocks as Record<string, string>);
    if (resolving) {
      // The entry just written is the newest; the sync engine reads `resolves` from sync_extra.
      this.statement('UPDATE outbox SET sync_extra = ? WHERE seq = last_insert_rowid()').run(JSON.stringify({ resolves: options.resolves }));
    }
    return { id, changes };
  }

  /** Soft delete: the row stays (so the delete can sync and be audited) with deletedAt set. */
  softDelete(table: SQLiteTable, current: Row, clientId: string | null): WriteResult {
    const at = this.now();
    const hlc = this.device.tick(at.getTime());
    const iso = at.toISOString();
    const fieldClocks = { ...(current.fieldClocks as Record<string, string>), deletedAt: hlc };
    this.statement(`UPDATE ${quote(getTableName(table))} SET deleted_at = ?, field_clocks = ?, updated_at = ? WHERE id = ?`).run(
      iso,
      JSON.stringify(fieldClocks),
      iso,
      current.id,
    );
    const changes: FieldChanges = { deletedAt: { before: null, after: iso } };
    this.outbox(current.organisationId as string, table, current.id as string, clientId, 'delete', changes, hlc, iso, current.fieldClocks as Record<string, string>);
    return { id: current.id as string, changes };
  }

  /** `baseClocks`: the row's field clocks before this change — the bases sync sends (never rewritten later). */
  private outbox(
    organisationId: string,
    table: SQLiteTable,
    rowId: string,
    clientId: string | null,
    op: string,
    changes: FieldChanges,
    hlc: string,
    iso: string,
    baseClocks: Record<string, string>,
  ) {
    const values = [uuidv7(), organisationId, getTableName(table), rowId, clientId, op, JSON.stringify(changes), hlc, iso, JSON.stringify(baseClocks ?? {})];
    this.outboxInsert.run(...values.slice(0, this.outboxColumns));
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

function pick(row: Row, keys: string[]): Row {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

function toDriver(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return column.mapToDriverValue(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function quote(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}
