import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/**
 * The subscription of an organisation. `state` is the value of the pure state machine in
 * shared/subscription, stored whole; `status`, `plan` and `seats` are copies of it for queries and
 * leases. `version` makes every change a compare-and-set, so two instances never lose an update.
 */
export const subscriptions = pgTable('subscriptions', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  state: jsonb('state').notNull(),
  status: text('status').notNull(),
  plan: text('plan').notNull(),
  seats: integer('seats').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Append-only record of what happened to a subscription: payments, reversals, plan changes. */
export const subscriptionEvents = pgTable(
  'subscription_events',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    /** Who reported it: a payment provider's name, 'admin', or 'system'. */
    source: text('source').notNull(),
    /** The provider's own id for the event; a redelivered webhook is recognised and ignored. */
    sourceEventId: text('source_event_id').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    unique('subscription_events_source_once').on(table.organisationId, table.source, table.sourceEventId),
  ],
);

export const invoiceStatuses = ['open', 'paid', 'reversed', 'overdue', 'void'] as const;

export const invoices = pgTable(
  'invoices',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    description: text('description').notNull(),
    /** Euro cents, VAT included; integers, never floats, for money. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    status: text('status', { enum: invoiceStatuses }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] }), unique('invoices_organisation_number').on(table.organisationId, table.number)],
);
