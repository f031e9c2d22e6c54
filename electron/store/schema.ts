import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The device's SQLite schema (drizzle sqlite-core). drizzle-kit turns changes here into migrations
 * under ./migrations (see drizzle.config.ts); FTS5 tables and triggers live in a custom migration
 * because drizzle-kit does not model virtual tables.
 *
 * Every syncable table carries the same sync columns (DESIGN.md "The sync model"). Dates are ISO
 * 8601 text: sortable, readable in a dump, and the same in PostgreSQL on the hub.
 */
function syncColumns() {
  return {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    /** JSON object field → HLC of its last change. */
    fieldClocks: text('field_clocks', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** The server's sequence number of the last version seen; null until synced. */
    serverSeq: integer('server_seq'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  };
}

/** A client-scoped row disappears with its client: purging a dossier after access is lost is one delete. */
const clientRef = (name = 'client_id') =>
  text(name)
    .notNull()
    .references((): AnySQLiteColumn => clients.id, { onDelete: 'cascade' });

export const organisations = sqliteTable('organisations', {
  ...syncColumns(),
  name: text('name').notNull(),
  autoLockMinutes: integer('auto_lock_minutes').notNull().default(15),
  requireTwoFactor: integer('require_two_factor', { mode: 'boolean' }).notNull().default(false),
});

export const users = sqliteTable(
  'users',
  {
    ...syncColumns(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'practitioner'] }).notNull(),
    status: text('status', { enum: ['active', 'paused'] }).notNull(),
  },
  (t) => [uniqueIndex('users_org_email').on(t.organisationId, t.email)],
);

export const clients = sqliteTable(
  'clients',
  {
    ...syncColumns(),
    dossierNumber: text('dossier_number').notNull(),
    firstName: text('first_name').notNull(),
    infix: text('infix'),
    lastName: text('last_name').notNull(),
    birthDate: text('birth_date'),
    bsn: text('bsn'),
    street: text('street'),
    houseNumber: text('house_number'),
    houseNumberAddition: text('house_number_addition'),
    /** Always "1234 AB" (normalised on the way in), so prefix search is an index range scan. */
    postcode: text('postcode'),
    city: text('city'),
    phone: text('phone'),
    email: text('email'),
    gpName: text('gp_name'),
    insurer: text('insurer'),
    status: text('status', { enum: ['aanmelding', 'in_zorg', 'uit_zorg'] }).notNull(),
    careStartDate: text('care_start_date'),
    careEndDate: text('care_end_date'),
  },
  (t) => [
    uniqueIndex('clients_org_dossier_number').on(t.organisationId, t.dossierNumber),
    index('clients_org_bsn').on(t.organisationId, t.bsn),
    index('clients_org_postcode').on(t.organisationId, t.postcode),
    index('clients_org_last_name').on(t.organisationId, t.lastName),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    ...syncColumns(),
    clientId: clientRef(),
    relation: text('relation').notNull(),
    name: text('name').notNull(),
    organisationName: text('organisation_name'),
    phone: text('phone'),
    email: text('email'),
    note: text('note'),
  },
  (t) => [index('contacts_client').on(t.clientId)],
);

export const reports = sqliteTable(
  'reports',
  {
    ...syncColumns(),
    clientId: clientRef(),
    kind: text('kind', { enum: ['rapportage', 'dagrapportage'] }).notNull(),
    occurredAt: text('occurred_at').notNull(),
    authorId: text('author_id').notNull(),
    category: text('category').notNull(),
    body: text('body').notNull(),
    visibility: text('visibility', { enum: ['dossier', 'restricted'] }).notNull(),
    addendumOf: text('addendum_of'),
    signedOffBy: text('signed_off_by'),
    signedOffAt: text('signed_off_at'),
    lockedBy: text('locked_by'),
    lockedAt: text('locked_at'),
  },
  (t) => [index('reports_client_occurred').on(t.clientId, t.occurredAt), index('reports_addendum_of').on(t.addendumOf)],
);

export const reportAccess = sqliteTable(
  'report_access',
  {
    ...syncColumns(),
    clientId: clientRef(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    canRead: integer('can_read', { mode: 'boolean' }).notNull(),
    canEdit: integer('can_edit', { mode: 'boolean' }).notNull(),
  },
  (t) => [uniqueIndex('report_access_report_user').on(t.reportId, t.userId), index('report_access_user').on(t.userId)],
);

export const appointments = sqliteTable(
  'appointments',
  {
    ...syncColumns(),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    location: text('location'),
    notes: text('notes'),
    practitionerIds: text('practitioner_ids', { mode: 'json' }).$type<string[]>().notNull(),
    clientIds: text('client_ids', { mode: 'json' }).$type<string[]>().notNull(),
    lockedAt: text('locked_at'),
  },
  (t) => [index('appointments_starts_at').on(t.startsAt)],
);

export const allocations = sqliteTable(
  'allocations',
  {
    ...syncColumns(),
    clientId: clientRef(),
    law: text('law', { enum: ['Wmo', 'Jeugdwet', 'Wlz', 'Zvw'] }).notNull(),
    productCode: text('product_code').notNull(),
    productName: text('product_name').notNull(),
    unit: text('unit').notNull(),
    volume: integer('volume'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
  },
  (t) => [index('allocations_client').on(t.clientId)],
);

export const timeRegistrations = sqliteTable(
  'time_registrations',
  {
    ...syncColumns(),
    clientId: clientRef(),
    userId: text('user_id').notNull(),
    allocationId: text('allocation_id'),
    date: text('date').notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
    appointmentId: text('appointment_id'),
    note: text('note'),
    declaredAt: text('declared_at'),
  },
  (t) => [index('time_registrations_client_date').on(t.clientId, t.date)],
);

export const documents = sqliteTable(
  'documents',
  {
    ...syncColumns(),
    clientId: clientRef(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    description: text('description'),
    sizeBytes: integer('size_bytes').notNull(),
    contentHash: text('content_hash').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (t) => [index('documents_client').on(t.clientId), index('documents_content_hash').on(t.contentHash)],
);

export const dossierAccess = sqliteTable(
  'dossier_access',
  {
    ...syncColumns(),
    clientId: clientRef(),
    userId: text('user_id').notNull(),
    canRead: integer('can_read', { mode: 'boolean' }).notNull(),
    canEdit: integer('can_edit', { mode: 'boolean' }).notNull(),
    canSignOff: integer('can_sign_off', { mode: 'boolean' }).notNull(),
  },
  (t) => [uniqueIndex('dossier_access_client_user').on(t.clientId, t.userId), index('dossier_access_user').on(t.userId)],
);

export const settings = sqliteTable(
  'settings',
  {
    ...syncColumns(),
    key: text('key').notNull(),
    value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  },
  (t) => [uniqueIndex('settings_org_key').on(t.organisationId, t.key)],
);

/** Local changes waiting for upload (issue 7 drains it). Written in the same transaction as the change. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    mutationId: text('mutation_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    clientId: text('client_id'),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    /** JSON: field → { before, after } as this device saw them. */
    changes: text('changes', { mode: 'json' }).$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
    hlc: text('hlc').notNull(),
    createdAt: text('created_at').notNull(),
    /**
     * JSON: the row's field clocks when the change was made (migration 0003). Per changed field its
     * base clock; for a delete or a sign-off, what the person saw (`seen`). Sync sends them; a
     * pull never rewrites them (the base is what the person typed on).
     */
    baseClocks: text('base_clocks', { mode: 'json' }).$type<Record<string, string>>(),
    /**
     * JSON, set by the sync engine only: `{ reseed: true, hlcs: { field: hlc }, resolves: [conflictId] }`
     * for versions it re-offers after a server restore (their original per-field clocks) and for
     * conflict resolutions. Null for ordinary local writes.
     */
    syncExtra: text('sync_extra', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('outbox_mutation_id').on(t.mutationId), index('outbox_row').on(t.tableName, t.rowId)],
);

/**
 * The server's version of a row that has pending local changes (docs/sync.md "shadow"), written by
 * the sync engine when a pull or a push answer arrives while changes are pending. A row without an
 * entry here is its own shadow. JSON state: { values, clocks, seq, fieldSeqs? }.
 */
export const syncShadows = sqliteTable(
  'sync_shadows',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    state: text('state', { mode: 'json' }).$type<unknown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] })],
);

/**
 * Pulled rows that arrived before a row they refer to (an access row a page ahead of its dossier,
 * which the hub re-stamped by a later change). They wait here, out of the domain tables, and go
 * back in as soon as everything they refer to is on the device (electron/sync/parked-rows.ts).
 * JSON row: { state: { values, clocks }, organisationId, serverSeq }.
 */
export const syncParkedRows = sqliteTable(
  'sync_parked_rows',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    /** The dossier the row belongs to, so that purging a dossier takes its waiting rows too. */
    clientId: text('client_id'),
    row: text('row', { mode: 'json' }).$type<unknown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('sync_parked_rows_client').on(t.clientId)],
);

/** Changes the central service refused: the text stays here, shown, until the person deals with it. */
export const syncRejected = sqliteTable(
  'sync_rejected',
  {
    mutationId: text('mutation_id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    clientId: text('client_id'),
    /** JSON: the whole mutation as sent (fields with values and bases). */
    mutation: text('mutation', { mode: 'json' }).$type<unknown>().notNull(),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    rejectedAt: text('rejected_at').notNull(),
    /** Set when the person dismissed it or added it as an addendum; the row stays for the record. */
    handledAt: text('handled_at'),
  },
  (t) => [index('sync_rejected_client').on(t.clientId)],
);

/** Narrative conflicts (both versions), from push answers and pulls; `localOnly` after a server restore. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    conflictId: text('conflict_id').primaryKey(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    clientId: text('client_id'),
    /** JSON: the conflict as the protocol describes it (kept and incoming versions). */
    conflict: text('conflict', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    localOnly: integer('local_only', { mode: 'boolean' }).notNull().default(false),
    seq: integer('seq'),
  },
  (t) => [index('sync_conflicts_row').on(t.tableName, t.rowId), index('sync_conflicts_client').on(t.clientId)],
);

/**
 * NEN 7513 access log. Append-only: triggers in the custom migration abort any UPDATE or DELETE,
 * and each entry's hash covers the previous entry's hash, so a removed or edited line breaks the chain.
 */
export const accessLog = sqliteTable(
  'access_log',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    at: text('at').notNull(),
    organisationId: text('organisation_id').notNull(),
    userId: text('user_id').notNull(),
    onBehalfOf: text('on_behalf_of'),
    action: text('action', { enum: ['C', 'R', 'U', 'D', 'E'] }).notNull(),
    event: text('event').notNull(),
    clientId: text('client_id'),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    outcome: text('outcome', { enum: ['success', 'refused'] }).notNull(),
    reason: text('reason'),
    deviceId: text('device_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('access_log_client').on(t.clientId, t.seq), uniqueIndex('access_log_id').on(t.id)],
);

/** Small local facts: device id, last HLC, the dossier-number counter. Never synced. */
export const deviceState = sqliteTable('device_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});


/**
 * What a user is typing, saved continuously (every few seconds) so a crash loses nothing.
 * Per user and key ("report:new:<clientId>"); local only, never synced, removed when the real
 * record is saved. Added in migration 0002 (the first schema change after release).
 */
export const drafts = sqliteTable(
  'drafts',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    clientId: text('client_id'),
    content: text('content').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('drafts_client').on(t.clientId)],
);
