import { date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

export const noticeKinds = ['terms-change', 'maintenance'] as const;

/**
 * Announcements by the service to every organisation: changed terms (art. 15) and maintenance
 * (art. 4, at least three working days ahead). Global by nature: a Citus reference table.
 */
export const serviceNotices = pgTable('service_notices', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: noticeKinds }).notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  /** When the new terms apply, or when maintenance starts. */
  effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
  /** When maintenance ends; null for terms. */
  endsAt: timestamp('ends_at', { withTimezone: true }),
});

/** Which user saw which notice (continued use after changed terms means acceptance, art. 15). */
export const noticeAcknowledgements = pgTable(
  'notice_acknowledgements',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    noticeId: uuid('notice_id').notNull(),
    userId: uuid('user_id').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.noticeId, table.userId] })],
);

export const organisationNoticeKinds = ['price-change'] as const;

/**
 * Notices to one organisation's admins (and owner): a price change announced for their
 * subscription (art. 8), with the day until which they may cancel at once when the new price is
 * more than 1.5 times the current one. Tenant data, unlike service_notices.
 */
export const organisationNotices = pgTable(
  'organisation_notices',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: organisationNoticeKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** When the new price applies. */
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    /** Art. 8: the owner may cancel at once through this day; null = no such right. */
    mayCancelUntil: date('may_cancel_until'),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.id] })],
);
