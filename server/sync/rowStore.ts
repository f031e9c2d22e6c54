import { sql, type SQL } from 'drizzle-orm';
import type { ServerRow } from '../../shared/sync/row-state.js';
import type { SyncTableName } from '../../shared/sync/tables.js';
import type { OpaqueValue } from '../../shared/sync/opaque-value.js';
import type { Queryable, Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { rightsFieldsOf, type RightsFields } from './rightsFields.js';

/** A synced row as the hub holds it: the merge's ServerRow plus its sequence and rights columns. */
export interface StoredRow extends RightsFields {
  row: ServerRow;
  seq: number;
  createdBy: string | null;
}

interface RowRecord {
  table_name: string;
  row_id: string;
  client_id: string | null;
  values: string;
  clocks: Record<string, string>;
  seq: string | number;
  created_by: string | null;
  owner_user_id: string | null;
  restricted: boolean;
  client_ids: string[] | null;
  practitioner_ids: string[] | null;
  content_hash: string | null;
  deleted: boolean;
}

export function storedRowOf(organisationId: string, record: RowRecord): StoredRow {
  return {
    row: {
      table: record.table_name as SyncTableName,
      id: record.row_id,
      organisationId,
      clientId: record.client_id,
      values: JSON.parse(record.values) as Record<string, OpaqueValue>,
      clocks: record.clocks,
    },
    seq: Number(record.seq),
    createdBy: record.created_by,
    ownerUserId: record.owner_user_id,
    restricted: record.restricted,
    clientIds: record.client_ids ?? [],
    practitionerIds: record.practitioner_ids ?? [],
    contentHash: record.content_hash,
    deleted: record.deleted,
  };
}

export async function loadRow(db: Queryable, organisationId: string, table: SyncTableName, rowId: string): Promise<StoredRow | null> {
  const [record] = await queryRows<RowRecord>(
    db,
    sql`SELECT * FROM sync_rows WHERE organisation_id = ${organisationId} AND table_name = ${table} AND row_id = ${rowId}`,
  );
  return record ? storedRowOf(organisationId, record) : null;
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The stored row of a row version, with its rights columns projected from its values. */
export function storedRowFor(row: ServerRow, seq: number, createdBy: string | null): StoredRow {
  return { row, seq, createdBy, ...rightsFieldsOf(row) };
}

/** One `(…)` of the upsert below. */
export function rowValuesSql(stored: StoredRow, now: Date): SQL {
  const { row } = stored;
  return sql`(${row.organisationId}, ${row.table}, ${row.id}, ${row.clientId}, ${JSON.stringify(row.values)}, ${JSON.stringify(row.clocks)}::jsonb,
            ${stored.seq}, ${stored.createdBy}, ${stored.ownerUserId}, ${stored.restricted}, ${uuidArray(stored.clientIds)}, ${uuidArray(stored.practitionerIds)},
            ${stored.contentHash}, ${stored.deleted}, ${now}::timestamptz)`;
}

/**
 * Many rows as one parameter: a JSON array read by json_to_recordset. One large statement with
 * thousands of parameters was the slowest part of a push. (Values travel as JSON text inside it,
 * so a NUL character in a value stays the escaped text it is in the values column.)
 */
export function rowsAsRecordSet(rows: readonly StoredRow[], now: Date): SQL {
  const records = rows.map((stored) => ({
    organisation_id: stored.row.organisationId,
    table_name: stored.row.table,
    row_id: stored.row.id,
    client_id: stored.row.clientId,
    values: JSON.stringify(stored.row.values),
    clocks: stored.row.clocks,
    seq: stored.seq,
    created_by: stored.createdBy,
    owner_user_id: stored.ownerUserId,
    restricted: stored.restricted,
    client_ids: stored.clientIds,
    practitioner_ids: stored.practitionerIds,
    content_hash: stored.contentHash,
    deleted: stored.deleted,
    updated_at: now.toISOString(),
  }));
  return sql`SELECT * FROM json_to_recordset(${JSON.stringify(records)}::json) AS x(
    organisation_id uuid, table_name text, row_id uuid, client_id uuid, values text, clocks jsonb, seq bigint, created_by uuid,
    owner_user_id uuid, restricted boolean, client_ids uuid[], practitioner_ids uuid[], content_hash text, deleted boolean, updated_at timestamptz)`;
}

export function upsertRowsSql(source: SQL): SQL {
  return sql`
    INSERT INTO sync_rows (organisation_id, table_name, row_id, client_id, values, clocks, seq, created_by, owner_user_id, restricted,
                           client_ids, practitioner_ids, content_hash, deleted, updated_at)
    ${source}
    ON CONFLICT (organisation_id, table_name, row_id) DO UPDATE SET
      client_id = EXCLUDED.client_id, values = EXCLUDED.values, clocks = EXCLUDED.clocks, seq = EXCLUDED.seq,
      owner_user_id = EXCLUDED.owner_user_id, restricted = EXCLUDED.restricted, client_ids = EXCLUDED.client_ids,
      practitioner_ids = EXCLUDED.practitioner_ids, content_hash = EXCLUDED.content_hash, deleted = EXCLUDED.deleted,
      updated_at = EXCLUDED.updated_at`;
}

/** Writes the row's new version under `seq`, with its rights columns projected from its values. */
export async function writeRow(tx: Tx, row: ServerRow, seq: number, createdBy: string | null, now: Date): Promise<StoredRow> {
  const stored = storedRowFor(row, seq, createdBy);
  await tx.execute(upsertRowsSql(sql`VALUES ${rowValuesSql(stored, now)}`));
  return stored;
}
