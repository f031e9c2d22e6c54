import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/**
 * Removal cases (shared/retention, SPEC §4 "Retention"): a client's deletion request or a
 * destruction offer after twenty years. The client id is set only until the server removed the
 * dossier; from then the case names nobody. One live case per dossier (the partial unique index),
 * so the daily offer job can run on several instances at once without offering twice.
 */
export const removalCases = pgTable(
  'removal_cases',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['client_request', 'retention_ended'] }).notNull(),
    state: text('state', { enum: ['open', 'exception', 'awaiting_decision', 'kept_longer', 'approved', 'carrying_out', 'completed'] }).notNull(),
    clientId: uuid('client_id'),
    openedOn: text('opened_on').notNull(),
    deadline: text('deadline'),
    reason: text('reason'),
    keepUntil: text('keep_until'),
    decidedBy: uuid('decided_by'),
    carriedOutOn: text('carried_out_on'),
    devicesToPurge: jsonb('devices_to_purge').$type<string[]>().notNull(),
    devicesPurged: jsonb('devices_purged').$type<string[]>().notNull(),
    /** The sync sequence of the purges sent to devices: a device whose pull cursor passed it has purged. */
    purgeSeq: bigint('purge_seq', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    uniqueIndex('removal_cases_live_dossier')
      .on(table.organisationId, table.clientId)
      .where(sql`client_id IS NOT NULL AND state IN ('open', 'awaiting_decision', 'approved')`),
    index('removal_cases_state').on(table.organisationId, table.state),
  ],
);

/**
 * The retention audit trail: append-only, and it keeps NO client data (no client id, no name,
 * no free text: shared/retention/retention-audit.ts refuses them). No foreign key to any client
 * row: it outlives the dossier. It goes only with its organisation.
 */
export const retentionAudit = pgTable(
  'retention_audit',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    event: text('event').notNull(),
    caseId: uuid('case_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    deviceId: text('device_id'),
    reason: text('reason'),
    until: text('until'),
    removedRecords: integer('removed_records'),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index('retention_audit_case').on(table.organisationId, table.caseId, table.at)],
);
