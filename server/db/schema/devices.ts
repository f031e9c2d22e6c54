import { foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';
import { users } from './users.js';

/**
 * A device as registered for one user (art. 20: one person per account, devices per user).
 * The id is made by the device at install (UUIDv7); a laptop shared by two colleagues is two rows.
 */
export const devices = pgTable(
  'devices',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    platform: text('platform').notNull(),
    appVersion: text('app_version'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    lastIp: text('last_ip'),
    /** A revoked device gets no session and no lease; its next sync wipes it. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /**
     * When this device last asked for a pull. The device pulls only after its push phase, i.e. after
     * it stored every answer it received: the mutation log keeps its answers until then
     * (server/sync/mutationLogRetention.ts).
     */
    lastPulledAt: timestamp('last_pulled_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.userId, table.id] }),
    foreignKey({ columns: [table.organisationId, table.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
  ],
);
