import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/** Append-only log of account and security actions in an organisation (who did what to whom). */
export const accountAudit = pgTable(
  'account_audit',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    targetUserId: uuid('target_user_id'),
    detail: jsonb('detail').notNull().default({}),
    ip: text('ip'),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] })],
);
