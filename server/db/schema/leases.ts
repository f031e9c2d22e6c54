import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/** Every licence lease handed out, for support and audit ("which device had which rights when"). */
export const licenceLeases = pgTable(
  'licence_leases',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
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
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), index('licence_leases_by_device').on(table.organisationId, table.deviceId)],
);
