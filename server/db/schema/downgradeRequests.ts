import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations } from './organisations.js';

export const downgradeRequestStatuses = ['pending', 'approved', 'refused'] as const;

/**
 * Art. 6 "Downgrades overige abonnementen": an account that ever had more than 14 users, a contract
 * or a yearly subscription downgrades only on a request we approve. The request waits here until
 * the operator decides; an approval applies the downgrade through the subscription rules.
 */
export const downgradeRequests = pgTable(
  'downgrade_requests',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    fromPlan: text('from_plan').notNull(),
    toPlan: text('to_plan').notNull(),
    /** The admin's explanation for the operator (optional). */
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: downgradeRequestStatuses }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The operator's note to the customer, shown with the decision. */
    decisionNote: text('decision_note'),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    // One open request per organisation at a time.
    uniqueIndex('downgrade_requests_one_pending').on(table.organisationId).where(sql`${table.status} = 'pending'`),
  ],
);
