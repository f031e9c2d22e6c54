import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';
import { users } from './users.js';

export const sessionScopes = ['full', 'two-factor-enrolment'] as const;

/**
 * Sessions live in PostgreSQL so any instance can check any token. The token names its
 * organisation and session id (routable on Citus) and carries a 256-bit secret of which only a
 * BLAKE2b hash is stored: a database leak does not hand out sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    deviceId: uuid('device_id'),
    secretHash: text('secret_hash').notNull(),
    /** A session that may only enrol 2FA: what a user gets when the organisation enforces it. */
    scope: text('scope', { enum: sessionScopes }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
  },
  (table) => [
    foreignKey({ columns: [table.organisationId, table.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
    primaryKey({ columns: [table.organisationId, table.id] }), index('sessions_by_user').on(table.organisationId, table.userId)],
);
