import { bigint, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/** Bytes stored per organisation and category (documents, records, audit log), kept by the sync hub. */
export const storageUsage = pgTable(
  'storage_usage',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.category] })],
);
