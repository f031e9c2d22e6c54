import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/**
 * The latest licence lease of each device: what it may do offline, until when. One row per device,
 * replaced at every issue: a lease rides on every sync, and a row per issue would grow by millions
 * a day. Changes of rights themselves are in subscription_events and account_audit.
 */
export const licenceLeases = pgTable(
  'licence_leases',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** The id of the latest lease (leaseId inside the signed statement). */
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    keyId: text('key_id').notNull(),
    status: text('status').notNull(),
    plan: text('plan').notNull(),
    seats: integer('seats').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.userId, table.deviceId] })],
);
