import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per customer organisation. Its `id` is the distribution key every other tenant table
 * carries as `organisation_id` (Citus: distributed by id, co-located with the tenant tables).
 * Security settings live here because every sign-in reads them together.
 */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** Organisation-wide two-step verification (SPEC.md §4). */
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  /** CIDR ranges sign-in and API use are allowed from; empty means anywhere. */
  ipAllowList: jsonb('ip_allow_list').$type<string[]>().notNull().default([]),
  /** Devices lock after this many idle minutes (enforced on the device, decided here). */
  autoLockMinutes: integer('auto_lock_minutes').notNull().default(15),
  /** Absolute session lifetime, after which the device signs in online again. */
  sessionHours: integer('session_hours').notNull().default(12),
  /** Fair-use storage allowance (art. 7), shown to admins next to what is used. */
  storageQuotaBytes: bigint('storage_quota_bytes', { mode: 'number' }).notNull().default(10 * 1024 ** 3),
  /** Set when the agreement ended and the data is scheduled for deletion. */
  endedAt: timestamp('ended_at', { withTimezone: true }),
});
