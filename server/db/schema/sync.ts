import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/**
 * The sync hub's tables (docs/sync.md "The hub"). Every primary key and unique constraint starts
 * with organisation_id, so on Citus they distribute by organisation and an organisation's sync
 * lives on one shard (which is what makes the per-organisation advisory lock sufficient).
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * One row per organisation: the newest sequence number handed out (always committed: writers
 * hold the organisation's advisory lock and bump it in their own transaction) and the epoch
 * (a new one after a restore from backup; restore.ts on the device).
 */
export const syncHeads = pgTable('sync_heads', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  head: bigint('head', { mode: 'number' }).notNull().default(0),
  epoch: uuid('epoch').notNull(),
  restoredFromEpoch: uuid('restored_from_epoch'),
  epochStartSeq: bigint('epoch_start_seq', { mode: 'number' }).notNull().default(0),
});

/** The identity of this database (pull answers' `server.id`): one row, made on first use. */
export const syncServer = pgTable('sync_server', {
  singleton: boolean('singleton').primaryKey().default(true),
  id: uuid('id').notNull(),
});

/**
 * The newest version of every synced row. Field values are opaque JSON; the columns after `seq`
 * are projections of the few plaintext fields the hub decides rights by (ids, visibility, lock and
 * tombstone presence), written from the row in the same statement.
 */
export const syncRows = pgTable(
  'sync_rows',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    rowId: uuid('row_id').notNull(),
    clientId: uuid('client_id'),
    /** JSON text, not jsonb: values are opaque, and jsonb refuses some valid JSON strings (\u0000). */
    values: text('values').notNull(),
    clocks: jsonb('clocks').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** Who inserted the row (a dossier's creator may grant themselves its first access row). */
    createdBy: uuid('created_by'),
    /** reports.authorId, time_registrations.userId: the owner rights rules name. */
    ownerUserId: uuid('owner_user_id'),
    /** reports with visibility "restricted": readable by author and report_access only. */
    restricted: boolean('restricted').notNull().default(false),
    /** appointments: the dossiers and practitioners it names (rights of rows without one client). */
    clientIds: uuid('client_ids').array(),
    practitionerIds: uuid('practitioner_ids').array(),
    /** documents.contentHash: which dossier a document's bytes belong to. */
    contentHash: text('content_hash'),
    deleted: boolean('deleted').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.tableName, table.rowId] }),
    unique('sync_rows_organisation_seq').on(table.organisationId, table.seq),
    index('sync_rows_client').on(table.organisationId, table.clientId),
    index('sync_rows_content_hash').on(table.organisationId, table.contentHash),
  ],
);

/** The answer given to every mutation id, so a retried push gets the same answer (idempotency). */
export const syncMutations = pgTable(
  'sync_mutations',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    mutationId: uuid('mutation_id').notNull(),
    userId: uuid('user_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    result: text('result').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
  },
  // By age, for pruning (server/sync/mutationLogRetention.ts).
  (table) => [primaryKey({ columns: [table.organisationId, table.mutationId] }), index('sync_mutations_applied').on(table.organisationId, table.appliedAt)],
);

/** Values that lost (structured: an older or replaced value; narrative: the text before an edit). */
export const syncHistory = pgTable(
  'sync_history',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    rowId: uuid('row_id').notNull(),
    /** The seq of the row version this entry came with. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    position: integer('position').notNull(),
    field: text('field').notNull(),
    value: text('value').notNull(),
    hlc: text('hlc'),
    supersededBy: text('superseded_by').notNull(),
    mutationId: uuid('mutation_id'),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.tableName, table.rowId, table.seq, table.position] })],
);

/** Narrative conflicts: both versions kept until a person resolves it; resolved ones stay. */
export const syncConflicts = pgTable(
  'sync_conflicts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    conflictId: text('conflict_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: uuid('row_id').notNull(),
    clientId: uuid('client_id'),
    /** The protocol's Conflict object, as the merge made it. */
    conflict: text('conflict').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    resolvedBy: uuid('resolved_by_mutation'),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.conflictId] }),
    unique('sync_conflicts_organisation_seq').on(table.organisationId, table.seq),
    index('sync_conflicts_row').on(table.organisationId, table.tableName, table.rowId),
  ],
);

/** "Remove your copies": per user, e.g. after their access to a dossier was revoked. */
export const syncPurges = pgTable(
  'sync_purges',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    scope: text('scope', { enum: ['client', 'row', 'all'] }).notNull(),
    clientId: uuid('client_id'),
    tableName: text('table_name'),
    rowId: uuid('row_id'),
    reason: text('reason').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.seq] }), index('sync_purges_user').on(table.organisationId, table.userId, table.seq)],
);

/**
 * The rights projection: dossier access as the synced `dossier_access` rows say, one row per
 * (dossier, user), rewritten in the transaction that writes the access row.
 */
export const syncDossierRights = pgTable(
  'sync_dossier_rights',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').notNull(),
    userId: uuid('user_id').notNull(),
    accessRowId: uuid('access_row_id').notNull(),
    canRead: boolean('can_read').notNull(),
    canEdit: boolean('can_edit').notNull(),
    canSignOff: boolean('can_sign_off').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.clientId, table.userId] }), index('sync_dossier_rights_user').on(table.organisationId, table.userId)],
);

/** Per-report rights from the synced `report_access` rows (restricted reports). */
export const syncReportRights = pgTable(
  'sync_report_rights',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').notNull(),
    userId: uuid('user_id').notNull(),
    accessRowId: uuid('access_row_id').notNull(),
    canRead: boolean('can_read').notNull(),
    canEdit: boolean('can_edit').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.reportId, table.userId] })],
);

/**
 * The NEN 7513 archive: append-only (the hub has no update or delete of it; rows go only with
 * their organisation, at the end of retention). The device's hash chain fields are kept as sent.
 */
export const syncAccessLog = pgTable(
  'sync_access_log',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    deviceId: uuid('device_id').notNull(),
    deviceSeq: bigint('device_seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    clientId: uuid('client_id'),
    entry: text('entry').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    chainBroken: boolean('chain_broken').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    index('sync_access_log_device').on(table.organisationId, table.deviceId, table.deviceSeq),
    index('sync_access_log_client').on(table.organisationId, table.clientId, table.at),
  ],
);

/** A document's manifest (content-addressed per organisation: never shared across tenants). */
export const syncDocuments = pgTable(
  'sync_documents',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    chunkHashes: jsonb('chunk_hashes').$type<string[]>().notNull(),
    complete: boolean('complete').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.contentHash] })],
);

export const syncDocumentChunks = pgTable(
  'sync_document_chunks',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    index: integer('chunk_index').notNull(),
    chunkHash: text('chunk_hash').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.contentHash, table.index] })],
);
